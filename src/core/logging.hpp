#pragma once
// Process-wide logging set-up: the app logger (spdlog's default) and the access logger,
// each to stdout and to data/logs/vitae.log, in text or JSON lines.
#include <spdlog/spdlog.h>

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

// Installs the loggers for its lifetime; flushes and restores a plain stderr logger
// when destroyed. Only one may exist at a time (the logger is the process's one global).
class Logging {
  public:
    explicit Logging(const LogOptions& options);
    ~Logging();
    Logging(const Logging&) = delete;
    Logging& operator=(const Logging&) = delete;

    // The access logger: one line per request. In JSON mode its payload must be a
    // comma-separated list of JSON members ("k":v,...), which the formatter splices in.
    const std::shared_ptr<spdlog::logger>& access() const { return access_; }

  private:
    std::shared_ptr<spdlog::logger> access_;
};

// Quotes and escapes a string for JSON (invalid UTF-8 replaced, never throws).
std::string json_quote(std::string_view s);

}  // namespace vitae::core
