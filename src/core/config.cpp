#include "core/config.hpp"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>
#include <utility>

#include "core/config_schema.hpp"
#include "core/error.hpp"

extern char** environ;  // NOLINT: POSIX gives no other way to walk the environment

namespace vitae::core {
namespace {

namespace fs = std::filesystem;

// A value as found in one source, before it is checked.
struct RawValue {
    std::string value;
    ConfigSource source;
    std::string origin;
};
using RawValues = std::map<std::string, RawValue>;  // by key

struct CommandLine {
    RawValues values;
    std::optional<RawValue> config_file;
    std::vector<std::string> rest;
};

[[noreturn]] void fail(const std::string& message) {
    throw Error(ErrorCode::config, message);
}

std::string_view trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        return {};
    }
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

const ConfigKey* find_by(const std::vector<ConfigKey>& schema, std::string_view name,
                         std::string ConfigKey::*field) {
    auto found =
        std::ranges::find_if(schema, [&](const ConfigKey& row) { return row.*field == name; });
    return found == schema.end() ? nullptr : &*found;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) {
        row[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// Unknown keys are mostly typos; naming the key that was meant saves a trip to the docs.
std::string unknown_key_message(const std::vector<ConfigKey>& schema, const std::string& key) {
    std::string message = "unknown key " + key;
    for (const auto& row : schema) {
        if (edit_distance(row.key, key) <= 2) {
            return message + " (did you mean " + row.key + "?)";
        }
    }
    return message;
}

// "--port=80" → {"--port", "80"}; "--port" → {"--port", nullopt}.
std::pair<std::string, std::optional<std::string>> split_flag(const std::string& arg) {
    const auto equals = arg.find('=');
    if (equals == std::string::npos) {
        return {arg, std::nullopt};
    }
    return {arg.substr(0, equals), arg.substr(equals + 1)};
}

// Known flags are taken out; everything else stays, in order, for the subcommand to judge.
CommandLine scan_command_line(const std::vector<std::string>& args,
                              const std::vector<ConfigKey>& schema) {
    CommandLine line;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--") {
            line.rest.insert(line.rest.end(), args.begin() + static_cast<std::ptrdiff_t>(i),
                             args.end());
            break;
        }
        auto [name, value] = split_flag(args[i]);
        const bool is_config_flag = name == kConfigFileFlag;
        const ConfigKey* key = find_by(schema, name, &ConfigKey::flag);
        if (!name.starts_with("--") || (!is_config_flag && key == nullptr)) {
            line.rest.push_back(args[i]);
            continue;
        }
        if (!value && i + 1 < args.size() && !args[i + 1].starts_with("--")) {
            value = args[++i];
        }
        if (!value || (is_config_flag && value->empty())) {
            fail(name + " needs a value");
        }
        RawValue raw{*value, ConfigSource::flag, name};
        if (is_config_flag) {
            line.config_file = std::move(raw);
        } else {
            line.values[key->key] = std::move(raw);
        }
    }
    return line;
}

std::optional<RawValue> config_file_location(const CommandLine& line,
                                             const std::map<std::string, std::string>& env) {
    if (line.config_file) {
        return line.config_file;
    }
    auto found = env.find(std::string(kConfigFileKey));
    if (found == env.end() || found->second.empty()) {
        return std::nullopt;
    }
    return RawValue{found->second, ConfigSource::environment, "env " + found->first};
}

std::string read_whole_file(const RawValue& location) {
    const std::string where = location.value + " (from " + location.origin + ")";
    std::error_code error;
    if (fs::is_directory(location.value, error)) {
        fail("cannot read config file " + where + ": it is a directory");
    }
    std::ifstream file(location.value, std::ios::binary);
    if (!file) {
        fail("cannot read config file " + where + ": " + std::generic_category().message(errno));
    }
    std::ostringstream text;
    text << file.rdbuf();
    if (file.bad()) {
        fail("cannot read config file " + where + ": read failed");
    }
    return text.str();
}

bool is_key_name(std::string_view key) {
    if (key.empty() || std::isdigit(static_cast<unsigned char>(key.front())) != 0) {
        return false;
    }
    return std::ranges::all_of(key,
                               [](unsigned char c) { return std::isalnum(c) != 0 || c == '_'; });
}

// A quoted value ends at its closing quote, after which only a comment may follow; an
// unquoted value ends at a '#' that follows a blank, as in a shell.
std::optional<std::string> parse_value(std::string_view text) {
    if (!text.empty() && (text.front() == '"' || text.front() == '\'')) {
        const auto close = text.find(text.front(), 1);
        if (close == std::string_view::npos) {
            return std::nullopt;
        }
        const auto after = trim(text.substr(close + 1));
        if (!after.empty() && after.front() != '#') {
            return std::nullopt;
        }
        return std::string(text.substr(1, close - 1));
    }
    for (std::size_t i = 1; i < text.size(); ++i) {
        if (text[i] == '#' && (text[i - 1] == ' ' || text[i - 1] == '\t')) {
            return std::string(trim(text.substr(0, i)));
        }
    }
    return text.starts_with('#') ? std::string() : std::string(text);
}

struct FileLine {
    std::string key;
    std::string value;
};

// Returns nothing for blank and comment lines; throws for lines that are neither.
std::optional<FileLine> parse_line(std::string_view line, const std::string& where) {
    line = trim(line);
    if (line.empty() || line.front() == '#') {
        return std::nullopt;
    }
    if (line.starts_with("export ") || line.starts_with("export\t")) {
        line = trim(line.substr(7));
    }
    const auto equals = line.find('=');
    const std::string key(trim(line.substr(0, equals)));
    if (equals == std::string_view::npos || !is_key_name(key)) {
        fail(where + ": expected KEY=VALUE");
    }
    auto value = parse_value(trim(line.substr(equals + 1)));
    if (!value) {
        fail(where + ": unterminated quote, or text after the closing quote");
    }
    return FileLine{key, std::move(*value)};
}

RawValues read_config_file(const RawValue& location, const std::vector<ConfigKey>& schema) {
    std::istringstream text(read_whole_file(location));
    RawValues values;
    std::string line;
    for (int number = 1; std::getline(text, line); ++number) {
        const std::string where = location.value + ":" + std::to_string(number);
        auto parsed = parse_line(line, where);
        if (!parsed) {
            continue;
        }
        if (find_by(schema, parsed->key, &ConfigKey::key) == nullptr) {
            fail(where + ": " + unknown_key_message(schema, parsed->key));
        }
        values[parsed->key] = RawValue{std::move(parsed->value), ConfigSource::file, where};
    }
    return values;
}

// Only known keys are read, since the environment is full of other programs' settings; but a
// VITAE_ name we do not know is a typo that would otherwise be silently ignored.
RawValues read_environment(const std::map<std::string, std::string>& env,
                           const std::vector<ConfigKey>& schema) {
    RawValues values;
    for (const auto& [name, value] : env) {
        if (find_by(schema, name, &ConfigKey::key) != nullptr) {
            values[name] = RawValue{value, ConfigSource::environment, "env " + name};
        } else if (name.starts_with("VITAE_") && name != kConfigFileKey) {
            fail("environment: " + unknown_key_message(schema, name));
        }
    }
    return values;
}

void overlay(RawValues& below, const RawValues& above) {
    for (const auto& [key, raw] : above) {
        below[key] = raw;
    }
}

std::string shown_value(const ConfigKey& row, const std::string& value) {
    return row.secret && !value.empty() ? "***" : value;
}

// Only the winning value of each key is checked: a data folder named in /etc that a test run
// overrides with --data-dir must not have to exist for that run.
Config apply_values(const RawValues& values, const std::vector<ConfigKey>& schema) {
    Config config;
    for (const auto& row : schema) {
        auto found = values.find(row.key);
        const RawValue raw =
            found != values.end()
                ? found->second
                : RawValue{row.default_value, ConfigSource::default_value, "default"};
        if (auto problem = row.apply(config, raw.value)) {
            fail(row.key + "=" + shown_value(row, raw.value) + " (from " + raw.origin +
                 "): " + *problem);
        }
        config.entries.push_back({row.key, shown_value(row, raw.value), raw.source, raw.origin});
    }
    return config;
}

// Brackets keep an IPv6 address apart from the port: http://[::1]:8080.
void derive_base_url(Config& config) {
    if (!config.base_url.empty()) {
        return;
    }
    const bool is_ipv6 = config.addr.find(':') != std::string::npos;
    const std::string host = is_ipv6 ? "[" + config.addr + "]" : config.addr;
    config.base_url = "http://" + host + ":" + std::to_string(config.port);
    for (auto& entry : config.entries) {
        if (entry.key == "VITAE_BASE_URL") {
            entry.value = config.base_url;
        }
    }
}

}  // namespace

LoadedConfig load_config(const std::vector<std::string>& args,
                         const std::map<std::string, std::string>& env) {
    return load_config(args, env, config_schema());
}

LoadedConfig load_config(const std::vector<std::string>& args,
                         const std::map<std::string, std::string>& env,
                         const std::vector<ConfigKey>& schema) {
    CommandLine line = scan_command_line(args, schema);
    RawValues values;
    if (auto location = config_file_location(line, env)) {
        values = read_config_file(*location, schema);
    }
    overlay(values, read_environment(env, schema));
    overlay(values, line.values);
    LoadedConfig loaded{apply_values(values, schema), std::move(line.rest)};
    derive_base_url(loaded.config);
    return loaded;
}

std::map<std::string, std::string> process_environment() {
    std::map<std::string, std::string> env;
    for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
        const std::string_view text(*entry);
        const auto equals = text.find('=');
        if (equals != std::string_view::npos) {
            env.emplace(text.substr(0, equals), text.substr(equals + 1));
        }
    }
    return env;
}

std::string describe(const Config& config) {
    std::size_t key_width = 3;
    std::size_t value_width = 5;
    auto shown = [](const ConfigEntry& entry) {
        return entry.value.empty() ? std::string("(unset)") : entry.value;
    };
    for (const auto& entry : config.entries) {
        key_width = std::max(key_width, entry.key.size());
        value_width = std::max(value_width, shown(entry).size());
    }
    auto row = [&](const std::string& key, const std::string& value, const std::string& origin) {
        return key + std::string(key_width - key.size() + 2, ' ') + value +
               std::string(value_width - value.size() + 2, ' ') + origin + "\n";
    };
    std::string out = row("KEY", "VALUE", "SOURCE");
    for (const auto& entry : config.entries) {
        out += row(entry.key, shown(entry), entry.origin);
    }
    return out;
}

std::string_view to_string(ConfigSource source) {
    switch (source) {
        case ConfigSource::default_value:
            return "default";
        case ConfigSource::file:
            return "file";
        case ConfigSource::environment:
            return "environment";
        case ConfigSource::flag:
            return "flag";
    }
    return "default";
}

}  // namespace vitae::core
