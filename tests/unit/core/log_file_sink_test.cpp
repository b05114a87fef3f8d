#include "core/log_file_sink.hpp"

#include <doctest/doctest.h>
#include <spdlog/logger.h>
#include <spdlog/pattern_formatter.h>
#include <utime.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <string>

#include "support/temp_dir.hpp"

namespace vitae::core {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using test::TempDir;
using Clock = std::chrono::system_clock;

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void write_file(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

Clock::time_point utc(int year, int month, int day, int hour = 12) {
    std::tm tm{};
    tm.tm_year = year - 1900;
    tm.tm_mon = month - 1;
    tm.tm_mday = day;
    tm.tm_hour = hour;
    return Clock::from_time_t(timegm(&tm));
}

std::set<std::string> file_names(const fs::path& dir) {
    std::set<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir))
        names.insert(entry.path().filename().string());
    return names;
}

// A logger over one LogFileSink, writing just the message so files compare exactly.
struct SinkLogger {
    explicit SinkLogger(const fs::path& dir, int keep_days = 14)
        : sink(std::make_shared<LogFileSink>(dir, keep_days)), logger("test", sink) {
        logger.set_formatter(
            std::make_unique<spdlog::pattern_formatter>("%v", spdlog::pattern_time_type::utc));
    }

    // Every line carries an explicit time, so which day it belongs to never depends on
    // when the test runs.
    void write(Clock::time_point at, const std::string& text) {
        logger.log(at, spdlog::source_loc{}, spdlog::level::info, text);
        logger.flush();
    }

    std::shared_ptr<LogFileSink> sink;
    spdlog::logger logger;
};

TEST_CASE("log_file_sink_writes_to_vitae_log_in_its_directory") {
    TempDir tmp;
    SinkLogger log(tmp / "logs");

    log.logger.info("hello");
    log.logger.flush();

    CHECK(read_file(tmp / "logs" / "vitae.log") == "hello\n");
}

TEST_CASE("log_file_sink_appends_to_an_existing_file_of_today") {
    TempDir tmp;
    write_file(tmp / "vitae.log", "earlier run\n");
    SinkLogger log(tmp.path());

    log.write(Clock::now(), "this run");

    CHECK(read_file(tmp / "vitae.log") == "earlier run\nthis run\n");
}

TEST_CASE("rotate_if_due_on_a_later_day_renames_the_file_after_the_day_of_its_content") {
    TempDir tmp;
    SinkLogger log(tmp.path());
    auto now = Clock::now();
    log.write(now, "old day");

    log.sink->rotate_if_due(now + 24h);

    CHECK(read_file(tmp / ("vitae-" + utc_day(now) + ".log")) == "old day\n");
    CHECK(read_file(tmp / "vitae.log").empty());
    log.write(now + 24h, "new day");
    CHECK(read_file(tmp / "vitae.log") == "new day\n");
    CHECK(read_file(tmp / ("vitae-" + utc_day(now) + ".log")) == "old day\n");
}

TEST_CASE("rotate_if_due_on_the_same_day_keeps_the_file") {
    TempDir tmp;
    SinkLogger log(tmp.path());
    log.write(utc(2030, 5, 1, 0), "first");

    log.sink->rotate_if_due(utc(2030, 5, 1, 23));
    log.write(utc(2030, 5, 1, 23), "second");

    CHECK(read_file(tmp / "vitae.log") == "first\nsecond\n");
    CHECK_FALSE(fs::exists(tmp / "vitae-2030-05-01.log"));
}

TEST_CASE("log_file_sink_rotates_when_a_message_is_from_a_new_day") {
    TempDir tmp;
    SinkLogger log(tmp.path());
    log.write(utc(2030, 5, 1, 23), "before midnight");

    spdlog::details::log_msg msg(utc(2030, 5, 2, 0), spdlog::source_loc{}, "test",
                                 spdlog::level::info, "after midnight");
    log.sink->log(msg);
    log.sink->flush();

    CHECK(read_file(tmp / "vitae-2030-05-01.log") == "before midnight\n");
    CHECK(read_file(tmp / "vitae.log") == "after midnight\n");
}

TEST_CASE("log_file_sink_rotates_a_file_left_from_an_earlier_day_when_it_opens") {
    TempDir tmp;
    write_file(tmp / "vitae.log", "left over\n");
    utimbuf times{};
    times.actime = times.modtime = Clock::to_time_t(utc(2024, 3, 10));
    REQUIRE(::utime((tmp / "vitae.log").c_str(), &times) == 0);

    SinkLogger log(tmp.path());

    CHECK(read_file(tmp / "vitae-2024-03-10.log") == "left over\n");
    CHECK(read_file(tmp / "vitae.log").empty());
}

TEST_CASE("log_file_sink_keeps_only_the_newest_keep_days_rotated_files") {
    TempDir tmp;
    for (int day = 1; day <= 5; ++day)
        write_file(tmp / ("vitae-2030-04-0" + std::to_string(day) + ".log"), "old\n");
    write_file(tmp / "notes.txt", "not a log\n");
    SinkLogger log(tmp.path(), 3);
    log.write(utc(2030, 4, 10), "tenth");

    log.sink->rotate_if_due(utc(2030, 4, 11));

    // The sink opened on today's date, so the line from the 10th first rotated today's
    // empty file away; older than every 2030 name, it went in that first pruning.
    auto names = file_names(tmp.path());
    CHECK(names.count("vitae-2030-04-10.log") == 1);
    CHECK(names.count("vitae-2030-04-05.log") == 1);
    CHECK(names.count("vitae-2030-04-04.log") == 1);
    CHECK(names.count("vitae-2030-04-03.log") == 0);
    CHECK(names.count("vitae-2030-04-02.log") == 0);
    CHECK(names.count("vitae-2030-04-01.log") == 0);
    CHECK(names.count("vitae.log") == 1);
    CHECK(names.count("notes.txt") == 1);
    CHECK(read_file(tmp / "vitae-2030-04-10.log") == "tenth\n");
}

TEST_CASE("log_file_sink_keeps_both_files_when_a_day_is_rotated_twice") {
    TempDir tmp;
    write_file(tmp / "vitae-2030-05-01.log", "first rotation\n");
    SinkLogger log(tmp.path());
    log.write(utc(2030, 5, 1), "second rotation");

    log.sink->rotate_if_due(utc(2030, 5, 2));

    CHECK(read_file(tmp / "vitae-2030-05-01.log") == "first rotation\n");
    int second_copies = 0;
    for (const auto& name : file_names(tmp.path())) {
        if (name.starts_with("vitae-2030-05-01-") && name.ends_with(".log")) {
            CHECK(read_file(tmp / name) == "second rotation\n");
            ++second_copies;
        }
    }
    CHECK(second_copies == 1);
}

TEST_CASE("utc_day_formats_the_utc_calendar_day") {
    CHECK(utc_day(utc(2024, 2, 29, 0)) == "2024-02-29");
    CHECK(utc_day(utc(2024, 2, 29, 23) + 59min + 59s) == "2024-02-29");
    CHECK(utc_day(utc(2024, 2, 29, 23) + 60min) == "2024-03-01");
}

}  // namespace
TEST_CASE("log_file_sink_does_not_rotate_for_a_message_from_an_earlier_day") {
    TempDir tmp;
    SinkLogger log(tmp / "logs");
    // spdlog stamps lines before the sink's lock, so around midnight they can arrive out
    // of order; a late line of the old day must join the current file.
    log.write(utc(2030, 5, 2, 0), "new day, first");
    log.write(utc(2030, 5, 1, 23), "old day, late");
    log.write(utc(2030, 5, 2, 0), "new day, second");

    CHECK(read_file(tmp / "logs" / "vitae.log") ==
          "new day, first\nold day, late\nnew day, second\n");
    for (const auto& name : file_names(tmp / "logs")) {
        CAPTURE(name);
        CHECK(name.find("2030") == std::string::npos);
    }
}

}  // namespace vitae::core
