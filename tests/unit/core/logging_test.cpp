#include "core/logging.hpp"

#include "core/log.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "support/temp_dir.hpp"

namespace vitae::core {
namespace {

using test::TempDir;
using Clock = std::chrono::system_clock;

LogOptions file_only(const TempDir& dir, LogFormat format) {
    LogOptions options;
    options.format = format;
    options.dir = dir.path();
    options.console = false;
    return options;
}

void flush(const Logging&) {
    log::flush();
}

std::vector<std::string> log_lines(const TempDir& dir) {
    std::ifstream in(dir / "vitae.log", std::ios::binary);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

// Every line must be one JSON object on its own.
std::vector<nlohmann::json> json_lines(const TempDir& dir) {
    std::vector<nlohmann::json> objects;
    for (const auto& line : log_lines(dir)) {
        INFO("line: " << line);
        REQUIRE(nlohmann::json::accept(line));
        objects.push_back(nlohmann::json::parse(line));
        REQUIRE(objects.back().is_object());
    }
    return objects;
}

// "2024-02-29T12:34:56.789" (UTC) to a time point, seconds precision.
Clock::time_point parse_utc(const std::string& text) {
    std::tm tm{};
    REQUIRE(strptime(text.c_str(), "%Y-%m-%dT%H:%M:%S", &tm) != nullptr);
    return Clock::from_time_t(timegm(&tm));
}

void check_recent(const std::string& stamp, Clock::time_point before, Clock::time_point after) {
    static const std::regex kIso(R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$)");
    INFO("ts: " << stamp);
    REQUIRE(std::regex_match(stamp, kIso));
    auto at = parse_utc(stamp);
    CHECK(at >= std::chrono::floor<std::chrono::seconds>(before));
    CHECK(at <= after);
}

TEST_CASE("json_log_writes_one_object_per_line_with_ts_level_logger_and_msg") {
    TempDir dir;
    auto before = Clock::now();
    {
        Logging logging(file_only(dir, LogFormat::json));
        log::info("started", {{"port", 8080}, {"addr", "127.0.0.1"}});
        log::warn("disk almost full");
        flush(logging);
    }
    auto after = Clock::now();

    auto lines = json_lines(dir);
    REQUIRE(lines.size() == 2);
    check_recent(lines[0]["ts"].get<std::string>(), before, after);
    CHECK(lines[0]["level"] == "info");
    CHECK(lines[0]["logger"] == "vitae");
    CHECK(lines[0]["msg"] == "started");
    CHECK(lines[0]["port"] == 8080);
    CHECK(lines[0]["addr"] == "127.0.0.1");
    CHECK(lines[1]["level"] == "warning");
    CHECK(lines[1]["msg"] == "disk almost full");
}

TEST_CASE("json_access_log_writes_fields_as_members_without_msg") {
    TempDir dir;
    {
        Logging logging(file_only(dir, LogFormat::json));
        log::access(log::Level::info, {{"method", "GET"}, {"path", "/health"}, {"status", 200}});
        flush(logging);
    }

    auto lines = json_lines(dir);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0]["logger"] == "access");
    CHECK(lines[0]["level"] == "info");
    CHECK(lines[0]["method"] == "GET");
    CHECK(lines[0]["path"] == "/health");
    CHECK(lines[0]["status"] == 200);
    CHECK_FALSE(lines[0].contains("msg"));
}

TEST_CASE("json_log_stays_valid_for_quotes_newlines_and_invalid_utf8") {
    TempDir dir;
    const std::string hostile = "say \"hi\"\nsecond line\\ \x01 bad:\xff\xfe end";
    {
        Logging logging(file_only(dir, LogFormat::json));
        log::error(hostile);
        log::access(log::Level::info, {{"path", hostile}});
        flush(logging);
    }

    auto lines = json_lines(dir);
    REQUIRE(lines.size() == 2);
    std::string expected = "say \"hi\"\nsecond line\\ \x01 bad:\xEF\xBF\xBD\xEF\xBF\xBD end";
    CHECK(lines[0]["msg"] == expected);
    CHECK(lines[1]["path"] == expected);
}

TEST_CASE("json_quote_escapes_and_replaces_invalid_utf8") {
    CHECK(json_quote("plain") == "\"plain\"");
    CHECK(json_quote("a\"b\nc") == R"("a\"b\nc")");
    CHECK(json_quote("caf\xc3\xa9") == "\"caf\xc3\xa9\"");
    CHECK(json_quote("\xc3") == "\"\xEF\xBF\xBD\"");
}

TEST_CASE("text_log_lines_start_with_an_iso_utc_timestamp") {
    TempDir dir;
    auto before = Clock::now();
    {
        Logging logging(file_only(dir, LogFormat::text));
        log::info("hello");
        log::access(log::Level::info, {{"method", "GET"}, {"path", "/a b"}, {"status", 200}});
        flush(logging);
    }
    auto after = Clock::now();

    auto lines = log_lines(dir);
    REQUIRE(lines.size() == 2);
    static const std::regex kLine(R"(^(\S+) (info ) \[(\w+)\] (.*)$)");
    std::smatch app;
    REQUIRE(std::regex_match(lines[0], app, kLine));
    check_recent(app[1].str(), before, after);
    CHECK(app[3].str() == "vitae");
    CHECK(app[4].str() == "hello");
    std::smatch access;
    REQUIRE(std::regex_match(lines[1], access, kLine));
    CHECK(access[3].str() == "access");
    CHECK(access[4].str() == R"(method=GET path="/a b" status=200)");
}

TEST_CASE("text_log_values_cannot_start_a_new_line") {
    TempDir dir;
    {
        Logging logging(file_only(dir, LogFormat::text));
        log::info("two\nlines", {{"path", "/x\r\nFAKE 200"}, {"q", "say \"hi\""}});
        log::flush();
    }
    auto lines = log_lines(dir);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].ends_with(R"(two lines path="/x\r\nFAKE 200" q="say \"hi\"")"));
}

TEST_CASE("logging_drops_messages_below_the_configured_level") {
    TempDir dir;
    {
        auto options = file_only(dir, LogFormat::json);
        options.level = "warn";
        Logging logging(options);
        log::info("quiet");
        log::access(log::Level::info, {{"status", 200}});
        log::warn("loud");
        flush(logging);
    }

    auto lines = json_lines(dir);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0]["msg"] == "loud");
}

}  // namespace
}  // namespace vitae::core
