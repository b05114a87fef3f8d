#pragma once
// Process-wide logging set-up: the app logger and the access logger, each to stdout and
// to data/logs/vitae.log, as text or JSON lines. Write through core/log.hpp.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "core/config.hpp"

namespace vitae::core {

struct LogOptions {
    std::string level = "info";
    LogFormat format = LogFormat::text;
    std::optional<std::filesystem::path> dir;  // no file logging when empty
    int keep_days = 14;
    bool console = true;
};

// Installs the loggers for its lifetime; flushes and restores a plain stdout logger
// when destroyed. Only one may exist at a time (the logger is the process's one global).
class Logging {
  public:
    explicit Logging(const LogOptions& options);
    ~Logging();
    Logging(const Logging&) = delete;
    Logging& operator=(const Logging&) = delete;
};

// Quotes and escapes a string for JSON (invalid UTF-8 replaced, never throws).
std::string json_quote(std::string_view s);

}  // namespace vitae::core
