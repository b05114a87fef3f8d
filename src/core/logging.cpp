#include "core/logging.hpp"

#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/stdout_sinks.h>

#include <nlohmann/json.hpp>

#include "core/log_file_sink.hpp"

namespace vitae::core {

namespace {

constexpr const char* kTextPattern = "%Y-%m-%dT%H:%M:%S.%eZ %-5l [%n] %v";

std::string iso_time(std::chrono::system_clock::time_point t) {
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()) % 1000;
    std::time_t secs = std::chrono::system_clock::to_time_t(t);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                  static_cast<int>(ms.count()));
    return buf;
}

// One JSON object a line. Access-log payloads already are JSON members and are spliced
// in, so an operator's log tooling gets method, status, duration as fields.
class JsonFormatter final : public spdlog::formatter {
  public:
    void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override {
        auto level_name = spdlog::level::to_string_view(msg.level);
        std::string_view level(level_name.data(), level_name.size());
        std::string_view name(msg.logger_name.data(), msg.logger_name.size());
        std::string_view payload(msg.payload.data(), msg.payload.size());
        std::string line = "{\"ts\":\"" + iso_time(msg.time) + "\",\"level\":\"" +
                           std::string(level) + "\",\"logger\":" + json_quote(name) + ",";
        if (name == "access") {
            line += payload;
        } else {
            line += "\"msg\":" + json_quote(payload);
        }
        line += "}\n";
        dest.append(line.data(), line.data() + line.size());
    }
    std::unique_ptr<spdlog::formatter> clone() const override {
        return std::make_unique<JsonFormatter>();
    }
};

std::unique_ptr<spdlog::formatter> make_formatter(LogFormat format) {
    if (format == LogFormat::json)
        return std::make_unique<JsonFormatter>();
    return std::make_unique<spdlog::pattern_formatter>(kTextPattern,
                                                       spdlog::pattern_time_type::utc);
}

}  // namespace

std::string json_quote(std::string_view s) {
    return nlohmann::json(std::string(s))
        .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Logging::Logging(const LogOptions& options) {
    std::vector<spdlog::sink_ptr> sinks;
    if (options.console)
        sinks.push_back(std::make_shared<spdlog::sinks::stdout_sink_mt>());
    if (options.dir)
        sinks.push_back(std::make_shared<LogFileSink>(*options.dir, options.keep_days));
    for (auto& sink : sinks)
        sink->set_formatter(make_formatter(options.format));

    auto level = spdlog::level::from_str(options.level);
    auto app = std::make_shared<spdlog::logger>("vitae", sinks.begin(), sinks.end());
    access_ = std::make_shared<spdlog::logger>("access", sinks.begin(), sinks.end());
    for (auto* logger : {app.get(), access_.get()}) {
        logger->set_level(level);
        logger->flush_on(spdlog::level::warn);
    }
    spdlog::set_default_logger(app);
    // Info lines reach the file within a second even when nothing else flushes them.
    spdlog::flush_every(std::chrono::seconds(1));
}

Logging::~Logging() {
    spdlog::flush_every(std::chrono::seconds(0));  // joins the flusher thread
    spdlog::default_logger()->flush();
    access_->flush();
    spdlog::set_default_logger(std::make_shared<spdlog::logger>(
        "vitae", std::make_shared<spdlog::sinks::stdout_sink_mt>()));
}

}  // namespace vitae::core
