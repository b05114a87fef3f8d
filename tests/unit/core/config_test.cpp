#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "core/config.hpp"
#include "core/config_schema.hpp"
#include "core/error.hpp"
#include "support/temp_dir.hpp"

namespace vitae::core {
namespace {

namespace fs = std::filesystem;
using Env = std::map<std::string, std::string>;
using Args = std::vector<std::string>;

using test::TempDir;

fs::path write_file(const TempDir& dir, const std::string& name, const std::string& text) {
    fs::path file = dir / name;
    std::ofstream(file, std::ios::binary) << text;
    return file;
}

// Most tests pin the data folder so that they do not depend on the working directory.
Env env_with_data_dir(const TempDir& dir, Env extra = {}) {
    extra.emplace("VITAE_DATA_DIR", (dir.path() / "data").string());
    return extra;
}

std::string config_error(const Args& args, const Env& env) {
    try {
        load_config(args, env);
    } catch (const Error& error) {
        CHECK(error.code() == ErrorCode::config);
        return error.what();
    }
    FAIL("load_config accepted the configuration");
    return {};
}

const ConfigEntry& entry(const Config& config, const std::string& key) {
    for (const auto& candidate : config.entries) {
        if (candidate.key == key) {
            return candidate;
        }
    }
    FAIL("no entry for " << key);
    return config.entries.front();
}

}  // namespace

TEST_SUITE("config") {
    TEST_CASE("config_defaults_match_config_struct_initialisers") {
        TempDir dir;
        const Config loaded = load_config({}, env_with_data_dir(dir)).config;
        const Config initial;
        CHECK(loaded.addr == initial.addr);
        CHECK(loaded.port == initial.port);
        CHECK(loaded.log_level == initial.log_level);
        CHECK(loaded.log_format == initial.log_format);
        CHECK(loaded.log_keep_days == initial.log_keep_days);
        CHECK(loaded.max_upload_bytes == initial.max_upload_bytes);
        CHECK(loaded.http_threads == initial.http_threads);
        CHECK(loaded.http_read_timeout_s == initial.http_read_timeout_s);
        CHECK(loaded.http_write_timeout_s == initial.http_write_timeout_s);
        CHECK(loaded.http_keepalive_timeout_s == initial.http_keepalive_timeout_s);
        CHECK(loaded.http_keepalive_max == initial.http_keepalive_max);
        CHECK(loaded.shutdown_timeout_s == initial.shutdown_timeout_s);
        CHECK(loaded.db_readers == initial.db_readers);
        CHECK(loaded.min_free_disk_mb == initial.min_free_disk_mb);
        CHECK(loaded.assets_dir == initial.assets_dir);
        CHECK(loaded.base_url == "http://127.0.0.1:8080");
        // The data folder default is checked against the table, not loaded: loading it would
        // depend on the working directory of the test run.
        for (const auto& row : config_schema()) {
            if (row.key == "VITAE_DATA_DIR") {
                CHECK(fs::path(row.default_value) == initial.data_dir);
            }
        }
    }

    TEST_CASE("config_entries_list_every_schema_key_in_order_with_origin") {
        TempDir dir;
        const Config config = load_config({}, env_with_data_dir(dir)).config;
        REQUIRE(config.entries.size() == config_schema().size());
        for (std::size_t i = 0; i < config.entries.size(); ++i) {
            CHECK(config.entries[i].key == config_schema()[i].key);
        }
        CHECK(entry(config, "VITAE_PORT").value == "8080");
        CHECK(entry(config, "VITAE_PORT").source == ConfigSource::default_value);
        CHECK(entry(config, "VITAE_PORT").origin == "default");
        CHECK(entry(config, "VITAE_DATA_DIR").origin == "env VITAE_DATA_DIR");
        CHECK(entry(config, "VITAE_BASE_URL").value == "http://127.0.0.1:8080");
        CHECK(entry(config, "VITAE_ASSETS_DIR").value.empty());
    }

    TEST_CASE("config_flag_overrides_env_overrides_file_overrides_default") {
        TempDir dir;
        const fs::path file = write_file(dir, "vitae.conf",
                                         "VITAE_PORT=1001\n"
                                         "LOG_LEVEL=debug\n"
                                         "HTTP_THREADS=8\n");
        const Env env = env_with_data_dir(
            dir, {{"VITAE_CONFIG", file.string()}, {"VITAE_PORT", "1002"}, {"LOG_LEVEL", "warn"}});
        const Config config = load_config({"--port", "1003"}, env).config;

        CHECK(config.port == 1003);
        CHECK(entry(config, "VITAE_PORT").source == ConfigSource::flag);
        CHECK(entry(config, "VITAE_PORT").origin == "--port");
        CHECK(config.log_level == "warn");
        CHECK(entry(config, "LOG_LEVEL").source == ConfigSource::environment);
        CHECK(entry(config, "LOG_LEVEL").origin == "env LOG_LEVEL");
        CHECK(config.http_threads == 8);
        CHECK(entry(config, "HTTP_THREADS").source == ConfigSource::file);
        CHECK(entry(config, "HTTP_THREADS").origin == file.string() + ":3");
        CHECK(config.db_readers == 4);
        CHECK(entry(config, "DB_READERS").source == ConfigSource::default_value);
    }

    TEST_CASE("config_file_from_flag_wins_over_config_file_from_env") {
        TempDir dir;
        const fs::path from_env = write_file(dir, "env.conf", "VITAE_PORT=1\n");
        const fs::path from_flag = write_file(dir, "flag.conf", "VITAE_PORT=2\n");
        const Env env = env_with_data_dir(dir, {{"VITAE_CONFIG", from_env.string()}});
        CHECK(load_config({"--config", from_flag.string()}, env).config.port == 2);
        CHECK(load_config({"--config=" + from_flag.string()}, env).config.port == 2);
        CHECK(load_config({}, env).config.port == 1);
    }

    TEST_CASE("config_file_accepts_comments_blank_lines_export_and_quotes") {
        TempDir dir;
        const fs::path file = write_file(dir, "vitae.conf",
                                         "# Vitae settings\n"
                                         "\n"
                                         "export VITAE_ADDR=0.0.0.0\r\n"
                                         "  LOG_LEVEL = 'debug'  \n"
                                         "LOG_FORMAT=\"json\" # for the log shipper\n"
                                         "HTTP_THREADS=16 # plenty\n"
                                         "VITAE_BASE_URL=\"https://cv.example.org/\"\n");
        const Config config =
            load_config({"--config", file.string()}, env_with_data_dir(dir)).config;
        CHECK(config.addr == "0.0.0.0");
        CHECK(config.log_level == "debug");
        CHECK(config.log_format == LogFormat::json);
        CHECK(config.http_threads == 16);
        CHECK(config.base_url == "https://cv.example.org");
        CHECK(entry(config, "LOG_FORMAT").origin == file.string() + ":5");
    }

    TEST_CASE("config_flag_equals_form_sets_the_value") {
        TempDir dir;
        const Config config =
            load_config({"--port=9000", "--log-format=json", "--base-url="}, env_with_data_dir(dir))
                .config;
        CHECK(config.port == 9000);
        CHECK(config.log_format == LogFormat::json);
        CHECK(config.base_url == "http://127.0.0.1:9000");
    }

    TEST_CASE("config_every_key_has_the_derived_flag") {
        CHECK(flag_for_key("HTTP_THREADS") == "--http-threads");
        CHECK(flag_for_key("VITAE_DATA_DIR") == "--data-dir");
        CHECK(flag_for_key("HTTP_READ_TIMEOUT_S") == "--http-read-timeout-s");
        for (const auto& row : config_schema()) {
            CHECK(row.flag == flag_for_key(row.key));
        }
    }

    TEST_CASE("config_unknown_flags_and_positionals_pass_through_in_order") {
        TempDir dir;
        const LoadedConfig loaded =
            load_config({"restore", "--port", "81", "--force", "backup.tar", "--verbose=2",
                         "--db-readers=2", "--", "--port", "82"},
                        env_with_data_dir(dir));
        CHECK(loaded.config.port == 81);
        CHECK(loaded.config.db_readers == 2);
        CHECK(loaded.rest ==
              Args{"restore", "--force", "backup.tar", "--verbose=2", "--", "--port", "82"});
    }

    TEST_CASE("config_known_flag_without_value_is_an_error") {
        TempDir dir;
        CHECK(config_error({"--port"}, env_with_data_dir(dir)) == "--port needs a value");
        CHECK(config_error({"--addr", "--port", "1"}, env_with_data_dir(dir)) ==
              "--addr needs a value");
        CHECK(config_error({"--config="}, env_with_data_dir(dir)) == "--config needs a value");
    }

    TEST_CASE("config_port_out_of_range_names_key_value_and_flag") {
        TempDir dir;
        CHECK(config_error({"--port", "70000"}, env_with_data_dir(dir)) ==
              "VITAE_PORT=70000 (from --port): must be an integer from 0 to 65535");
        CHECK(config_error({"--port=-1"}, env_with_data_dir(dir)) ==
              "VITAE_PORT=-1 (from --port): must be an integer from 0 to 65535");
        CHECK(load_config({"--port", "0"}, env_with_data_dir(dir)).config.port == 0);
    }

    TEST_CASE("config_bad_enum_in_file_names_file_and_line") {
        TempDir dir;
        const fs::path file = write_file(dir, "vitae.conf", "# logs\nLOG_FORMAT=xml\n");
        CHECK(config_error({"--config", file.string()}, env_with_data_dir(dir)) ==
              "LOG_FORMAT=xml (from " + file.string() + ":2): must be one of text, json");
    }

    TEST_CASE("config_log_level_is_case_insensitive_and_stored_lower_case") {
        TempDir dir;
        CHECK(load_config({"--log-level", "WARN"}, env_with_data_dir(dir)).config.log_level ==
              "warn");
        CHECK(config_error({"--log-level", "verbose"}, env_with_data_dir(dir)) ==
              "LOG_LEVEL=verbose (from --log-level): must be one of trace, debug, info, warn, "
              "error, off");
    }

    TEST_CASE("config_non_numbers_and_trailing_garbage_are_rejected_naming_env_source") {
        TempDir dir;
        for (const std::string bad : {"80x", "abc", "", " 8", "8 ", "+8", "0x10", "1e3"}) {
            CAPTURE(bad);
            CHECK(config_error({}, env_with_data_dir(dir, {{"HTTP_THREADS", bad}})) ==
                  "HTTP_THREADS=" + bad +
                      " (from env HTTP_THREADS): must be an integer from 2 to 4096");
        }
    }

    TEST_CASE("config_size_accepts_bytes_and_binary_suffixes") {
        TempDir dir;
        auto size = [&](const std::string& text) {
            return load_config({"--max-upload-bytes", text}, env_with_data_dir(dir))
                .config.max_upload_bytes;
        };
        CHECK(size("1024") == 1024);
        CHECK(size("10MiB") == 10ull * 1024 * 1024);
        CHECK(size("512KiB") == 512ull * 1024);
        CHECK(size("1GiB") == 1ull << 30);
        CHECK(size("2k") == 2048);
        CHECK(size("3M") == 3ull << 20);
        CHECK(size("7b") == 7);
    }

    TEST_CASE("config_negative_ambiguous_and_too_large_sizes_are_rejected") {
        TempDir dir;
        for (const std::string bad :
             {"-1", "0", "10MB", "2GiB", "MiB", "10 MiB", "1.5MiB", "99999999999999999999G"}) {
            CAPTURE(bad);
            const std::string message =
                config_error({}, env_with_data_dir(dir, {{"MAX_UPLOAD_BYTES", bad}}));
            CHECK(message.starts_with("MAX_UPLOAD_BYTES=" + bad + " (from env MAX_UPLOAD_BYTES)"));
            CHECK(message.find("must be a size from 1 to 1073741824 bytes") != std::string::npos);
        }
    }

    TEST_CASE("config_missing_config_file_is_an_error_naming_the_path") {
        TempDir dir;
        const std::string path = (dir.path() / "absent.conf").string();
        CHECK(config_error({}, env_with_data_dir(dir, {{"VITAE_CONFIG", path}})) ==
              "cannot read config file " + path +
                  " (from env VITAE_CONFIG): No such file or directory");
        CHECK(config_error({"--config", dir.path().string()}, env_with_data_dir(dir)) ==
              "cannot read config file " + dir.path().string() +
                  " (from --config): it is a directory");
    }

    TEST_CASE("config_unreadable_config_file_is_an_error_naming_the_path") {
        if (geteuid() == 0) {
            MESSAGE("skipped: root reads files whatever their mode");
            return;
        }
        TempDir dir;
        const fs::path file = write_file(dir, "secret.conf", "VITAE_PORT=1\n");
        fs::permissions(file, fs::perms::none);
        const std::string message =
            config_error({"--config", file.string()}, env_with_data_dir(dir));
        CHECK(message ==
              "cannot read config file " + file.string() + " (from --config): Permission denied");
    }

    TEST_CASE("config_malformed_file_line_names_path_and_line") {
        TempDir dir;
        const fs::path no_equals =
            write_file(dir, "a.conf", "VITAE_PORT=1\nthis is not a setting\n");
        CHECK(config_error({"--config", no_equals.string()}, env_with_data_dir(dir)) ==
              no_equals.string() + ":2: expected KEY=VALUE");
        const fs::path open_quote = write_file(dir, "b.conf", "\n\nLOG_LEVEL=\"debug\n");
        CHECK(config_error({"--config", open_quote.string()}, env_with_data_dir(dir)) ==
              open_quote.string() + ":3: unterminated quote, or text after the closing quote");
        const fs::path bad_key = write_file(dir, "c.conf", "1PORT=3\n");
        CHECK(config_error({"--config", bad_key.string()}, env_with_data_dir(dir)) ==
              bad_key.string() + ":1: expected KEY=VALUE");
    }

    TEST_CASE("config_unknown_key_in_file_is_an_error_with_line_and_suggestion") {
        TempDir dir;
        const fs::path file = write_file(dir, "vitae.conf", "VITAE_PORT=1\nVITAE_PROT=2\nFOO=3\n");
        CHECK(config_error({"--config", file.string()}, env_with_data_dir(dir)) ==
              file.string() + ":2: unknown key VITAE_PROT (did you mean VITAE_PORT?)");
        const fs::path other = write_file(dir, "other.conf", "FOO=3\n");
        CHECK(config_error({"--config", other.string()}, env_with_data_dir(dir)) ==
              other.string() + ":1: unknown key FOO");
    }

    TEST_CASE("config_unknown_vitae_env_key_is_an_error_but_other_env_keys_are_ignored") {
        TempDir dir;
        CHECK(config_error({}, env_with_data_dir(dir, {{"VITAE_PROT", "1"}})) ==
              "environment: unknown key VITAE_PROT (did you mean VITAE_PORT?)");
        const Env harmless =
            env_with_data_dir(dir, {{"PATH", "/bin"}, {"PORT", "1"}, {"VITAE_CONFIG", ""}});
        CHECK(load_config({}, harmless).config.port == 8080);
    }

    TEST_CASE("config_data_dir_that_is_a_regular_file_is_rejected") {
        TempDir dir;
        const fs::path file = write_file(dir, "plain", "x");
        CHECK(config_error({"--data-dir", file.string()}, {}) ==
              "VITAE_DATA_DIR=" + file.string() +
                  " (from --data-dir): exists but is not a directory");
        const std::string below = (file / "data").string();
        CHECK(config_error({}, {{"VITAE_DATA_DIR", below}}) ==
              "VITAE_DATA_DIR=" + below + " (from env VITAE_DATA_DIR): cannot be created: " +
                  file.string() + " is not a directory");
    }

    TEST_CASE("config_missing_data_dir_is_accepted_but_not_created") {
        TempDir dir;
        const fs::path deep = dir.path() / "a" / "b" / "data";
        CHECK(load_config({"--data-dir", deep.string()}, {}).config.data_dir == deep);
        CHECK_FALSE(fs::exists(dir.path() / "a"));
        CHECK(config_error({"--data-dir="}, {}) ==
              "VITAE_DATA_DIR= (from --data-dir): must not be empty");
    }

    TEST_CASE("config_data_dir_below_read_only_folder_is_rejected") {
        if (geteuid() == 0) {
            MESSAGE("skipped: root writes anywhere");
            return;
        }
        TempDir dir;
        fs::permissions(dir.path(), fs::perms::owner_read | fs::perms::owner_exec);
        const std::string data = (dir.path() / "data").string();
        CHECK(config_error({"--data-dir", data}, {}) ==
              "VITAE_DATA_DIR=" + data + " (from --data-dir): cannot be created: " +
                  dir.path().string() + " is not writable");
    }

    TEST_CASE("config_assets_dir_must_hold_web_assets_and_templates") {
        TempDir dir;
        const fs::path assets = dir.path() / "assets";
        CHECK(config_error({"--assets-dir", assets.string()}, env_with_data_dir(dir)) ==
              "VITAE_ASSETS_DIR=" + assets.string() +
                  " (from --assets-dir): must be a readable directory");
        fs::create_directories(assets / "web_assets");
        CHECK(config_error({}, env_with_data_dir(dir, {{"VITAE_ASSETS_DIR", assets.string()}})) ==
              "VITAE_ASSETS_DIR=" + assets.string() +
                  " (from env VITAE_ASSETS_DIR): must contain readable web_assets/ and "
                  "templates/ folders; templates/ is missing");
        fs::create_directories(assets / "templates");
        CHECK(load_config({"--assets-dir", assets.string()}, env_with_data_dir(dir))
                  .config.assets_dir == assets);
    }

    TEST_CASE("config_addr_accepts_ip_literals_and_host_names_only") {
        TempDir dir;
        for (const std::string good :
             {"127.0.0.1", "0.0.0.0", "::1", "::", "localhost", "cv.example.org", "host-1"}) {
            CAPTURE(good);
            CHECK(load_config({"--addr", good}, env_with_data_dir(dir)).config.addr == good);
        }
        for (const std::string bad :
             {"", "999.1.1.1", "-host", "a b", "[::1]", "host_name", "http://x"}) {
            CAPTURE(bad);
            CHECK(config_error({"--addr=" + bad}, env_with_data_dir(dir)) ==
                  "VITAE_ADDR=" + bad +
                      " (from --addr): must be an IPv4 or IPv6 address or a host name");
        }
    }

    TEST_CASE("config_base_url_is_derived_or_must_be_http") {
        TempDir dir;
        CHECK(
            load_config({"--addr", "::1", "--port", "9"}, env_with_data_dir(dir)).config.base_url ==
            "http://[::1]:9");
        CHECK(load_config({"--base-url", "https://cv.example.org/"}, env_with_data_dir(dir))
                  .config.base_url == "https://cv.example.org");
        for (const std::string bad : {"cv.example.org", "ftp://x", "https://", "http://a b"}) {
            CAPTURE(bad);
            CHECK(config_error({"--base-url", bad}, env_with_data_dir(dir)) ==
                  "VITAE_BASE_URL=" + bad +
                      " (from --base-url): must be empty or a URL starting with http:// or "
                      "https://");
        }
    }

    TEST_CASE("config_secret_values_are_redacted_in_entries_and_errors") {
        TempDir dir;
        std::vector<ConfigKey> schema = config_schema();
        ConfigKey password;
        password.key = "SMTP_PASSWORD";
        password.flag = flag_for_key(password.key);
        password.secret = true;
        password.apply = [](Config&, const std::string& value) -> std::optional<std::string> {
            if (value.size() < 8) {
                return "must be at least 8 characters";
            }
            return std::nullopt;
        };
        schema.push_back(password);

        const Env env = env_with_data_dir(dir, {{"SMTP_PASSWORD", "correct horse"}});
        const Config config = load_config({}, env, schema).config;
        CHECK(entry(config, "SMTP_PASSWORD").value == "***");
        CHECK(describe(config).find("correct horse") == std::string::npos);

        try {
            load_config({"--smtp-password", "hunter2"}, env, schema);
            FAIL("a short password was accepted");
        } catch (const Error& error) {
            CHECK(std::string(error.what()) ==
                  "SMTP_PASSWORD=*** (from --smtp-password): must be at least 8 characters");
        }
    }

    TEST_CASE("config_describe_prints_an_aligned_key_value_source_table") {
        TempDir dir;
        const Config config = load_config({"--port", "9"}, env_with_data_dir(dir)).config;
        const std::string table = describe(config);
        CHECK(table.starts_with("KEY "));
        std::istringstream lines(table);
        std::string header;
        std::getline(lines, header);
        const auto value_column = header.find("VALUE");
        const auto source_column = header.find("SOURCE");
        int rows = 0;
        for (std::string line; std::getline(lines, line); ++rows) {
            CAPTURE(line);
            CHECK(line[value_column - 1] == ' ');
            CHECK(line[value_column] != ' ');
            CHECK(line[source_column - 1] == ' ');
            CHECK(line[source_column] != ' ');
        }
        CHECK(rows == static_cast<int>(config_schema().size()));
        CHECK(table.find("VITAE_PORT") != std::string::npos);
        CHECK(table.find("(unset)") != std::string::npos);
    }

    TEST_CASE("config_markdown_table_and_flag_help_list_every_key") {
        const std::string markdown = render_config_markdown();
        const std::string help = render_flag_help();
        CHECK(markdown.starts_with("| Key | Flag | Default | Meaning |\n|---|---|---|---|\n"));
        CHECK(markdown.find("| `VITAE_CONFIG` | `--config` |") != std::string::npos);
        CHECK(markdown.find("| `VITAE_BASE_URL` | `--base-url` | `http://ADDR:PORT` |") !=
              std::string::npos);
        for (const auto& row : config_schema()) {
            CAPTURE(row.key);
            CHECK(markdown.find("| `" + row.key + "` | `" + row.flag + "` |") != std::string::npos);
            CHECK(help.find("  " + row.flag + " " + row.value_name + " ") != std::string::npos);
            CHECK(help.find("(env " + row.key + ", default ") != std::string::npos);
            CHECK_FALSE(row.help.empty());
        }
    }

    TEST_CASE("config_process_environment_reads_this_process_environment") {
        const Env env = process_environment();
        const char* path = std::getenv("PATH");  // NOLINT(concurrency-mt-unsafe): one thread
        REQUIRE(path != nullptr);
        CHECK(env.at("PATH") == path);
    }

    TEST_CASE("config_source_names_are_stable") {
        CHECK(to_string(ConfigSource::default_value) == "default");
        CHECK(to_string(ConfigSource::file) == "file");
        CHECK(to_string(ConfigSource::environment) == "environment");
        CHECK(to_string(ConfigSource::flag) == "flag");
    }
}

}  // namespace vitae::core
