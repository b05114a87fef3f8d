#include "core/config_schema.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <system_error>
#include <utility>

#include "core/error.hpp"
#include "core/ip_range.hpp"

namespace vitae::core {
namespace {

namespace fs = std::filesystem;
using Problem = std::optional<std::string>;

std::string lower(std::string_view text) {
    std::string out(text);
    std::ranges::transform(out, out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

// The whole text must be the number: "80x", " 80", "+80" and "" are all rejected.
std::optional<std::int64_t> parse_integer(std::string_view text) {
    std::int64_t number = 0;
    const char* end = text.data() + text.size();
    auto [stop, error] = std::from_chars(text.data(), end, number);
    if (error != std::errc{} || stop != end || text.empty()) {
        return std::nullopt;
    }
    return number;
}

// Binary multiples only: "10MB" would leave the reader guessing between 10^7 and 10·2^20.
std::optional<std::uint64_t> size_multiplier(std::string_view suffix) {
    const std::string unit = lower(suffix);
    if (unit.empty() || unit == "b") {
        return 1;
    }
    if (unit == "k" || unit == "kib") {
        return 1ull << 10;
    }
    if (unit == "m" || unit == "mib") {
        return 1ull << 20;
    }
    if (unit == "g" || unit == "gib") {
        return 1ull << 30;
    }
    return std::nullopt;
}

std::optional<std::uint64_t> parse_size(std::string_view text) {
    std::uint64_t number = 0;
    const char* end = text.data() + text.size();
    auto [stop, error] = std::from_chars(text.data(), end, number);
    if (error != std::errc{} || stop == text.data()) {
        return std::nullopt;
    }
    auto multiplier = size_multiplier(std::string_view(stop, end));
    if (!multiplier || number > std::numeric_limits<std::uint64_t>::max() / *multiplier) {
        return std::nullopt;
    }
    return number * *multiplier;
}

template <typename T>
ConfigApply integer_field(T Config::*field, std::int64_t low, std::int64_t high) {
    return [=](Config& config, const std::string& value) -> Problem {
        auto number = parse_integer(value);
        if (!number || *number < low || *number > high) {
            return "must be an integer from " + std::to_string(low) + " to " + std::to_string(high);
        }
        config.*field = static_cast<T>(*number);
        return std::nullopt;
    };
}

ConfigApply size_field(std::uint64_t Config::*field, std::uint64_t low, std::uint64_t high) {
    return [=](Config& config, const std::string& value) -> Problem {
        auto size = parse_size(value);
        if (!size || *size < low || *size > high) {
            return "must be a size from " + std::to_string(low) + " to " + std::to_string(high) +
                   " bytes, as a number of bytes or with a suffix K, KiB, M, MiB, G or GiB";
        }
        config.*field = *size;
        return std::nullopt;
    };
}

// Operators write LOG_LEVEL=INFO as often as info; store the canonical lower-case spelling.
ConfigApply choice_field(std::vector<std::string> choices,
                         std::function<void(Config&, const std::string&)> store) {
    return [choices = std::move(choices), store = std::move(store)](
               Config& config, const std::string& value) -> Problem {
        const std::string wanted = lower(value);
        if (std::ranges::find(choices, wanted) == choices.end()) {
            std::string list;
            for (const auto& choice : choices) {
                list += (list.empty() ? "" : ", ") + choice;
            }
            return "must be one of " + list;
        }
        store(config, wanted);
        return std::nullopt;
    };
}

bool is_ip_literal(const std::string& text) {
    in6_addr buffer{};
    return inet_pton(AF_INET, text.c_str(), &buffer) == 1 ||
           inet_pton(AF_INET6, text.c_str(), &buffer) == 1;
}

bool is_hostname_label(std::string_view label) {
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') {
        return false;
    }
    return std::ranges::all_of(label,
                               [](unsigned char c) { return std::isalnum(c) != 0 || c == '-'; });
}

// RFC 1123 names. An all-digit last label is refused so that "999.1.1.1" is not taken for a
// host name after failing as an IPv4 address.
bool is_hostname(std::string_view name) {
    if (name.empty() || name.size() > 253) {
        return false;
    }
    std::string_view last;
    for (std::size_t start = 0; start <= name.size();) {
        std::size_t dot = std::min(name.find('.', start), name.size());
        last = name.substr(start, dot - start);
        if (!is_hostname_label(last)) {
            return false;
        }
        start = dot + 1;
    }
    return !std::ranges::all_of(last, [](unsigned char c) { return std::isdigit(c) != 0; });
}

Problem apply_addr(Config& config, const std::string& value) {
    if (!is_ip_literal(value) && !is_hostname(value)) {
        return "must be an IPv4 or IPv6 address or a host name";
    }
    config.addr = value;
    return std::nullopt;
}

// Trailing slashes are dropped so that every caller can append "/path" without doubling it.
Problem apply_base_url(Config& config, const std::string& value) {
    std::string url = value;
    while (url.ends_with('/')) {
        url.pop_back();
    }
    const bool has_scheme = url.starts_with("http://") || url.starts_with("https://");
    const bool has_host = url.find("://") + 3 < url.size();
    if (!value.empty() && (!has_scheme || !has_host ||
                           std::ranges::any_of(url, [](unsigned char c) { return c <= ' '; }))) {
        return "must be empty or a URL starting with http:// or https://";
    }
    config.base_url = url;
    return std::nullopt;
}

// `serve` creates the data folder later; here we only check that it will be able to.
Problem creatable_directory(const fs::path& dir) {
    std::error_code error;
    fs::path ancestor = fs::absolute(dir, error).lexically_normal();
    if (error) {
        return "cannot be resolved: " + error.message();
    }
    do {
        ancestor = ancestor.parent_path();
    } while (!fs::exists(ancestor, error) && ancestor != ancestor.root_path());
    if (!fs::is_directory(ancestor, error)) {
        return "cannot be created: " + ancestor.string() + " is not a directory";
    }
    if (access(ancestor.c_str(), W_OK | X_OK) != 0) {
        return "cannot be created: " + ancestor.string() + " is not writable";
    }
    return std::nullopt;
}

Problem apply_data_dir(Config& config, const std::string& value) {
    if (value.empty()) {
        return "must not be empty";
    }
    std::error_code error;
    const fs::file_status status = fs::status(value, error);
    if (status.type() == fs::file_type::none) {
        return "cannot be checked: " + error.message();
    }
    if (fs::exists(status) && !fs::is_directory(status)) {
        return "exists but is not a directory";
    }
    if (!fs::exists(status)) {
        if (auto problem = creatable_directory(value)) {
            return problem;
        }
    }
    config.data_dir = value;
    return std::nullopt;
}

bool is_readable_directory(const fs::path& dir) {
    std::error_code error;
    return fs::is_directory(dir, error) && access(dir.c_str(), R_OK | X_OK) == 0;
}

// The ranges are parsed (and refused with the bad entry named) when the server starts:
// the parser belongs to the http room.
Problem apply_trusted_proxies(Config& config, const std::string& value) {
    if (std::ranges::any_of(value, [](unsigned char c) { return c < ' '; }))
        return "must be comma-separated addresses or CIDR ranges";
    config.trusted_proxies = value;
    return std::nullopt;
}

// Parsed here, unlike TRUSTED_PROXIES, so a bad range stops start-up with the key named
// instead of failing the first fetch.
Problem apply_fetch_allow(Config& config, const std::string& value) {
    try {
        core::parse_ip_ranges(value, "ranges");
    } catch (const Error& e) {
        return std::string(e.what()).substr(std::string_view("ranges: ").size());
    }
    config.fetch_allow = value;
    return std::nullopt;
}

Problem apply_assets_dir(Config& config, const std::string& value) {
    if (value.empty()) {
        config.assets_dir.reset();
        return std::nullopt;
    }
    const fs::path dir = value;
    if (!is_readable_directory(dir)) {
        return "must be a readable directory";
    }
    for (const char* sub : {"web_assets", "templates"}) {
        if (!is_readable_directory(dir / sub)) {
            return std::string("must contain readable web_assets/ and templates/ folders; ") + sub +
                   "/ is missing";
        }
    }
    config.assets_dir = dir;
    return std::nullopt;
}

ConfigKey make_key(std::string key, std::string default_value, std::string value_name,
                   std::string help, ConfigApply apply) {
    ConfigKey row;
    row.flag = flag_for_key(key);
    row.key = std::move(key);
    row.default_value = std::move(default_value);
    row.value_name = std::move(value_name);
    row.help = std::move(help);
    row.apply = std::move(apply);
    return row;
}

ConfigKey with_default_doc(ConfigKey row, std::string doc) {
    row.default_doc = std::move(doc);
    return row;
}

ConfigKey seconds_key(std::string key, std::string default_value, int Config::*field,
                      std::int64_t high, std::string help) {
    return make_key(std::move(key), std::move(default_value), "SECONDS", std::move(help),
                    integer_field(field, 1, high));
}

void store_log_level(Config& config, const std::string& value) {
    config.log_level = value;
}

void store_log_format(Config& config, const std::string& value) {
    config.log_format = value == "json" ? LogFormat::json : LogFormat::text;
}

// Defaults here must equal the member initialisers of Config; a unit test holds them together.
std::vector<ConfigKey> build_schema() {
    return {
        make_key("VITAE_ADDR", "127.0.0.1", "ADDR",
                 "Address to listen on: an IPv4 or IPv6 address or a host name", apply_addr),
        make_key("VITAE_PORT", "8080", "PORT", "Port to listen on; 0 picks a free one",
                 integer_field(&Config::port, 0, 65535)),
        make_key("VITAE_DATA_DIR", "data", "PATH",
                 "Folder for the database and uploads; created on first start", apply_data_dir),
        with_default_doc(
            make_key("VITAE_BASE_URL", "", "URL",
                     "Public URL of the site, used in links it sends out", apply_base_url),
            "http://ADDR:PORT"),
        make_key("LOG_LEVEL", "info", "LEVEL",
                 "Log verbosity: trace, debug, info, warn, error, off",
                 choice_field({"trace", "debug", "info", "warn", "error", "off"}, store_log_level)),
        make_key("LOG_FORMAT", "text", "FORMAT", "Log line format: text or json",
                 choice_field({"text", "json"}, store_log_format)),
        make_key("LOG_KEEP_DAYS", "14", "DAYS", "Days of log files to keep",
                 integer_field(&Config::log_keep_days, 1, 3650)),
        make_key("MAX_UPLOAD_BYTES", "10MiB", "SIZE",
                 "Largest accepted upload, in bytes or with a KiB, MiB or GiB suffix",
                 size_field(&Config::max_upload_bytes, 1, 1ull << 30)),
        make_key("IMPORT_MAX_PDF_PAGES", "10", "N",
                 "Most pages of a PDF CV that an import reads; longer PDFs are refused",
                 integer_field(&Config::import_max_pdf_pages, 1, 1000)),
        make_key("HTTP_THREADS", "256", "N", "Most HTTP worker threads at once",
                 integer_field(&Config::http_threads, 2, 4096)),
        seconds_key("HTTP_READ_TIMEOUT_S", "10", &Config::http_read_timeout_s, 3600,
                    "Seconds to wait for a request before dropping the connection"),
        seconds_key("HTTP_WRITE_TIMEOUT_S", "10", &Config::http_write_timeout_s, 3600,
                    "Seconds to wait on a slow client while sending a response"),
        seconds_key("HTTP_KEEPALIVE_TIMEOUT_S", "5", &Config::http_keepalive_timeout_s, 3600,
                    "Seconds an idle keep-alive connection stays open"),
        make_key("HTTP_KEEPALIVE_MAX", "1000", "N", "Requests served on one keep-alive connection",
                 integer_field(&Config::http_keepalive_max, 1, 100000)),
        seconds_key("SHUTDOWN_TIMEOUT_S", "10", &Config::shutdown_timeout_s, 600,
                    "Seconds to finish requests and jobs in flight on shutdown"),
        make_key("DB_READERS", "4", "N", "Read-only database connections",
                 integer_field(&Config::db_readers, 1, 64)),
        make_key("MIN_FREE_DISK_MB", "100", "MB",
                 "Free disk space (MB) the data folder needs; below it /readyz answers 503",
                 integer_field(&Config::min_free_disk_mb, 0, 10000000)),
        make_key("ARGON2_MEMORY_KIB", "19456", "KIB",
                 "Argon2id memory per password hash, KiB (19 MiB: OWASP's minimum)",
                 integer_field(&Config::argon2_memory_kib, 8192, 1048576)),
        make_key("ARGON2_ITERATIONS", "4", "N",
                 "Argon2id passes; 4 makes a hash take 50-250 ms on a 2-core machine",
                 integer_field(&Config::argon2_iterations, 1, 32)),
        make_key("ARGON2_PARALLELISM", "1", "N", "Argon2id lanes per password hash",
                 integer_field(&Config::argon2_parallelism, 1, 16)),
        make_key("SESSION_IDLE_DAYS", "7", "DAYS",
                 "Days without a request after which a browser session is signed out",
                 integer_field(&Config::session_idle_days, 1, 365)),
        make_key("SESSION_MAX_DAYS", "30", "DAYS",
                 "Days after signing in when a browser session ends, however active",
                 integer_field(&Config::session_max_days, 1, 3650)),
        make_key("AUDIT_KEEP_DAYS", "180", "DAYS", "Days of audit log entries to keep",
                 integer_field(&Config::audit_keep_days, 1, 36500)),
        make_key("CV_VERSIONS_KEEP", "50", "N",
                 "Saved versions kept per CV; older ones are deleted on the next save",
                 integer_field(&Config::cv_versions_keep, 1, 100000)),
        make_key("TRUSTED_PROXIES", "", "CIDRS",
                 "Reverse proxies whose X-Forwarded-For is believed, as comma-separated "
                 "addresses or CIDR ranges (empty: none, the header is ignored)",
                 apply_trusted_proxies),
        make_key("VITAE_FETCH_ALLOW", "", "CIDRS",
                 "Private or loopback ranges that fetching a URL (a job advert) may reach, as "
                 "comma-separated addresses or CIDR ranges (empty: public addresses only)",
                 apply_fetch_allow),
        make_key("VITAE_ASSETS_DIR", "", "PATH",
                 "Serve web_assets/ and templates/ from this folder instead of the built-in "
                 "copies, for development",
                 apply_assets_dir),
    };
}

std::string markdown_cell(std::string_view text) {
    std::string out;
    for (char c : text) {
        out += c == '|' ? std::string("\\|") : std::string(1, c);
    }
    return out;
}

bool has_default(const ConfigKey& row) {
    return !row.default_doc.empty() || !row.default_value.empty();
}

std::string shown_default(const ConfigKey& row) {
    if (!row.default_doc.empty()) {
        return row.default_doc;
    }
    return has_default(row) ? row.default_value : "unset";
}

std::string default_cell(const ConfigKey& row) {
    const std::string text = markdown_cell(shown_default(row));
    return has_default(row) ? "`" + text + "`" : text;
}

}  // namespace

const std::vector<ConfigKey>& config_schema() {
    static const std::vector<ConfigKey> schema = build_schema();
    return schema;
}

std::string flag_for_key(std::string_view key) {
    if (key.starts_with("VITAE_")) {
        key.remove_prefix(6);
    }
    std::string flag = "--" + lower(key);
    std::ranges::replace(flag, '_', '-');
    return flag;
}

std::string render_config_markdown(const std::vector<ConfigKey>& schema) {
    std::string out = "| Key | Flag | Default | Meaning |\n|---|---|---|---|\n";
    out += "| `" + std::string(kConfigFileKey) + "` | `" + std::string(kConfigFileFlag) +
           "` | unset | Config file of `KEY=VALUE` lines, read before the environment |\n";
    for (const auto& row : schema) {
        out += "| `" + row.key + "` | `" + row.flag + "` | " + default_cell(row) + " | " +
               markdown_cell(row.help) + " |\n";
    }
    return out;
}

std::string render_flag_help(const std::vector<ConfigKey>& schema) {
    auto usage = [](const ConfigKey& row) { return row.flag + " " + row.value_name; };
    std::size_t width = 0;
    for (const auto& row : schema) {
        width = std::max(width, usage(row).size());
    }
    std::string out;
    for (const auto& row : schema) {
        const std::string left = usage(row);
        out.append("  ").append(left).append(width - left.size() + 2, ' ').append(row.help);
        out.append(" (env ").append(row.key).append(", default ").append(shown_default(row));
        out.append(")\n");
    }
    return out;
}

}  // namespace vitae::core
