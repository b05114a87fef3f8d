// The only translation unit that includes spdlog (header-only, expensive to compile):
// core/log.hpp is the interface every other room uses.
#include "core/logging.hpp"

#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <iostream>
#include <nlohmann/json.hpp>

#include "core/clock.hpp"
#include "core/log.hpp"
#include "core/log_file_sink.hpp"

namespace vitae {

namespace {

constexpr const char* kTextPattern = "%Y-%m-%dT%H:%M:%S.%eZ %-5l [%n] %v";

// The logging configuration is the process's one piece of global state (STYLE.md). It
// is set before any worker thread starts and reset after they have all stopped.
std::atomic<bool> g_json{false};
std::shared_ptr<spdlog::logger> g_access;

spdlog::level::level_enum to_spdlog(log::Level level) {
    switch (level) {
        case log::Level::trace:
            return spdlog::level::trace;
        case log::Level::debug:
            return spdlog::level::debug;
        case log::Level::info:
            return spdlog::level::info;
        case log::Level::warn:
            return spdlog::level::warn;
        case log::Level::error:
            return spdlog::level::err;
    }
    return spdlog::level::info;
}

std::string iso_time(std::chrono::system_clock::time_point t) {
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()) % 1000;
    char millis[8];
    std::snprintf(millis, sizeof millis, ".%03dZ", static_cast<int>(ms.count()));
    return core::format_utc(t, "%Y-%m-%dT%H:%M:%S") + millis;
}

// logfmt value: bare when safe, else quoted with \" \\ \n \r \t escaped, so a value
// (a request path, an error text) can never start a new log line.
void append_logfmt_value(std::string& out, std::string_view v) {
    bool bare = !v.empty() && v.find_first_of(" =\"\\\n\r\t") == std::string_view::npos;
    if (bare) {
        out += v;
        return;
    }
    out += '"';
    for (char c : v) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                out += c;
        }
    }
    out += '"';
}

// The payload handed to spdlog: "message k=v ..." as text, or JSON members
// ("msg":"...","k":"v") that the JSON formatter splices into its object.
std::string render(std::string_view message, log::Fields fields) {
    std::string out;
    if (g_json) {
        if (!message.empty())
            out += "\"msg\":" + core::json_quote(message);
        for (const auto& f : fields) {
            if (!out.empty())
                out += ',';
            out += core::json_quote(f.key) + ":" + (f.number ? f.value : core::json_quote(f.value));
        }
        return out;
    }
    for (char c : message)
        out += (c == '\n' || c == '\r') ? ' ' : c;
    for (const auto& f : fields) {
        if (!out.empty())
            out += ' ';
        out += f.key;
        out += '=';
        append_logfmt_value(out, f.value);
    }
    return out;
}

class JsonFormatter final : public spdlog::formatter {
  public:
    void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override {
        auto level_name = spdlog::level::to_string_view(msg.level);
        std::string_view name(msg.logger_name.data(), msg.logger_name.size());
        std::string line = "{\"ts\":\"" + iso_time(msg.time) + "\",\"level\":\"" +
                           std::string(level_name.data(), level_name.size()) +
                           "\",\"logger\":" + core::json_quote(name);
        if (msg.payload.size() > 0)
            line += "," + std::string(msg.payload.data(), msg.payload.size());
        line += "}\n";
        dest.append(line.data(), line.data() + line.size());
    }
    std::unique_ptr<spdlog::formatter> clone() const override {
        return std::make_unique<JsonFormatter>();
    }
};

std::unique_ptr<spdlog::formatter> make_formatter(core::LogFormat format) {
    if (format == core::LogFormat::json)
        return std::make_unique<JsonFormatter>();
    return std::make_unique<spdlog::pattern_formatter>(kTextPattern,
                                                       spdlog::pattern_time_type::utc);
}

std::shared_ptr<spdlog::logger> console_logger(const std::string& name) {
    auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(std::cout, false);
    sink->set_formatter(make_formatter(core::LogFormat::text));
    return std::make_shared<spdlog::logger>(name, sink);
}

}  // namespace

namespace log {

void write(Level level, std::string_view message, Fields fields) {
    auto& logger = *spdlog::default_logger_raw();
    auto lvl = to_spdlog(level);
    if (!logger.should_log(lvl))
        return;
    logger.log(lvl, "{}", render(message, fields));
    // Errors are rare and matter most when the process is about to die: write them now.
    if (level == Level::error)
        logger.flush();
}

void access(Level level, Fields fields) {
    auto logger = g_access;
    if (!logger)
        return;
    auto lvl = to_spdlog(level);
    if (logger->should_log(lvl))
        logger->log(lvl, "{}", render({}, fields));
}

void flush() {
    spdlog::default_logger_raw()->flush();
    if (g_access)
        g_access->flush();
}

}  // namespace log

namespace core {

std::string json_quote(std::string_view s) {
    return nlohmann::json(std::string(s))
        .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Logging::Logging(const LogOptions& options) {
    std::vector<spdlog::sink_ptr> sinks;
    if (options.console) {
        // Not spdlog's stdout sink: it fflush()es every line, a write(2) per request under
        // one mutex. Buffered lines reach stdout by the periodic flush below.
        sinks.push_back(std::make_shared<spdlog::sinks::ostream_sink_mt>(std::cout, false));
    }
    if (options.dir) {
        sinks.push_back(std::make_shared<LogFileSink>(*options.dir, options.keep_days));
    }
    for (auto& sink : sinks)
        sink->set_formatter(make_formatter(options.format));

    auto level = spdlog::level::from_str(options.level);
    auto app = std::make_shared<spdlog::logger>("vitae", sinks.begin(), sinks.end());
    auto access = std::make_shared<spdlog::logger>("access", sinks.begin(), sinks.end());
    for (auto* logger : {app.get(), access.get()}) {
        logger->set_level(level);
        logger->flush_on(spdlog::level::warn);
    }
    g_json = options.format == LogFormat::json;
    g_access = access;
    spdlog::set_default_logger(app);
    // Info lines reach the file within a second even when nothing else flushes them.
    spdlog::flush_every(std::chrono::seconds(1));
}

Logging::~Logging() {
    spdlog::flush_every(std::chrono::seconds(0));  // joins the flusher thread
    log::flush();
    g_access.reset();
    g_json = false;
    spdlog::set_default_logger(console_logger("vitae"));
}

}  // namespace core

}  // namespace vitae
