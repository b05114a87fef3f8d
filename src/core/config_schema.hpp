#pragma once
// The table of configuration keys: the one place a new key is added. Parsing, `vitae --help`,
// `vitae config` and the README table are all generated from it.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/config.hpp"

namespace vitae::core {

// Checks a value and stores it in the config. Returns nothing on success, else the rule the
// value broke ("must be an integer from 0 to 65535"); the caller adds key, value and source.
using ConfigApply = std::function<std::optional<std::string>(Config&, const std::string&)>;

struct ConfigKey {
    std::string key;            // name in the environment and the config file: "VITAE_PORT"
    std::string flag;           // command-line flag: "--port"
    std::string default_value;  // used when no source sets the key; empty means unset
    std::string default_doc;    // shown in docs instead of default_value, for computed defaults
    std::string value_name;     // placeholder in --help: "PORT", "PATH"
    std::string help;           // one line, for --help and the README
    bool secret = false;        // never printed: `vitae config` and errors show "***"
    ConfigApply apply;
};

// Every key Vitae knows, in the order `vitae config` and the docs list them.
const std::vector<ConfigKey>& config_schema();

// The flag a key gets unless the table says otherwise: lower-case, no leading "VITAE_",
// '_' → '-'. HTTP_THREADS → --http-threads, VITAE_DATA_DIR → --data-dir.
std::string flag_for_key(std::string_view key);

// The configuration table of the README, as Markdown: key | flag | default | meaning.
std::string render_config_markdown(const std::vector<ConfigKey>& schema = config_schema());

// The options section of `vitae --help`: one line per schema flag, with its key and default.
// --config is not a schema key; the caller prints it.
std::string render_flag_help(const std::vector<ConfigKey>& schema = config_schema());

}  // namespace vitae::core
