#pragma once
// Effective configuration: defaults < config file < environment < command-line flags.
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vitae::core {

struct ConfigKey;  // one row of the schema; see config_schema.hpp

// Where the config file path comes from; the file itself cannot set it.
inline constexpr std::string_view kConfigFileKey = "VITAE_CONFIG";
inline constexpr std::string_view kConfigFileFlag = "--config";

enum class ConfigSource { default_value, file, environment, flag };

// One resolved key, for `vitae config`: where each value came from.
struct ConfigEntry {
    std::string key;      // e.g. "VITAE_PORT"
    std::string value;    // "***" when the key is secret and set
    ConfigSource source;  //
    std::string origin;   // "default", "/etc/vitae.conf:3", "env VITAE_PORT", "--port"
};

enum class LogFormat { text, json };

struct Config {
    std::string addr = "127.0.0.1";
    int port = 8080;
    std::filesystem::path data_dir = "data";
    std::string base_url;  // derived from addr and port when not set
    std::string log_level = "info";
    LogFormat log_format = LogFormat::text;
    int log_keep_days = 14;
    std::uint64_t max_upload_bytes = 10ull * 1024 * 1024;
    int import_max_pdf_pages = 10;
    int http_threads = 256;  // upper bound of the elastic worker pool
    int http_read_timeout_s = 10;
    int http_write_timeout_s = 10;
    int http_keepalive_timeout_s = 5;
    int http_keepalive_max = 1000;
    int shutdown_timeout_s = 10;
    int db_readers = 4;
    std::uint64_t min_free_disk_mb = 100;
    int argon2_memory_kib = 19456;
    int argon2_iterations = 4;
    int argon2_parallelism = 1;
    int session_idle_days = 7;
    int session_max_days = 30;
    int audit_keep_days = 180;
    int cv_versions_keep = 50;
    std::string trusted_proxies;  // CIDR list; empty: X-Forwarded-For is never believed
    std::string fetch_allow;      // CIDR list of non-public addresses fetches may reach
    std::optional<std::filesystem::path> assets_dir;  // serve web_assets/ and templates/ from disk

    std::vector<ConfigEntry> entries;  // every known key, in schema order
};

// What is left of the command line once the configuration flags are taken out:
// positionals and flags the configuration does not know, in order, for the subcommand.
struct LoadedConfig {
    Config config;
    std::vector<std::string> rest;
};

// Resolves the configuration. `args` are the arguments after the subcommand; `env` is
// the process environment. Throws vitae::Error(ErrorCode::config) naming the key and the
// source of the first bad value, unknown key or unreadable file.
LoadedConfig load_config(const std::vector<std::string>& args,
                         const std::map<std::string, std::string>& env);

// The same against another schema: for tests, which need keys (secret ones, say) that the
// real schema does not have yet.
LoadedConfig load_config(const std::vector<std::string>& args,
                         const std::map<std::string, std::string>& env,
                         const std::vector<ConfigKey>& schema);

// The environment of this process as a map.
std::map<std::string, std::string> process_environment();

// Human-readable table of `entries`: key, value, origin.
std::string describe(const Config& config);

std::string_view to_string(ConfigSource source);

}  // namespace vitae::core
