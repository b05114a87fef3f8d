#include "jobs/scheduler.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <future>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "core/log.hpp"
#include "core/logging.hpp"
#include "support/temp_dir.hpp"

namespace vitae::jobs {
namespace {

using namespace std::chrono_literals;

TEST_CASE("scheduled_task_runs_at_the_first_check_then_once_per_interval") {
    Scheduler scheduler([] { return std::int64_t{0}; });
    int runs = 0;
    scheduler.every(60s, "count", [&] { ++runs; });
    CHECK(scheduler.run_due(1000) == 1);
    CHECK(runs == 1);
    CHECK(scheduler.run_due(1000) == 0);
    CHECK(scheduler.run_due(1059) == 0);
    CHECK(runs == 1);
    CHECK(scheduler.run_due(1060) == 1);
    CHECK(runs == 2);
}

TEST_CASE("scheduled_task_that_fell_far_behind_runs_once") {
    Scheduler scheduler([] { return std::int64_t{0}; });
    int runs = 0;
    scheduler.every(3600s, "hourly", [&] { ++runs; });
    scheduler.run_due(0);
    CHECK(scheduler.run_due(181 * 86400) == 1);
    CHECK(runs == 2);
    // The next run counts from the late one, not from the missed hours.
    CHECK(scheduler.run_due(181 * 86400 + 3599) == 0);
    CHECK(scheduler.run_due(181 * 86400 + 3600) == 1);
}

TEST_CASE("scheduled_tasks_keep_their_own_intervals") {
    Scheduler scheduler([] { return std::int64_t{0}; });
    int hourly = 0, daily = 0;
    scheduler.every(3600s, "hourly", [&] { ++hourly; });
    scheduler.every(86400s, "daily", [&] { ++daily; });
    for (std::int64_t t = 0; t <= 2 * 86400; t += 600)
        scheduler.run_due(t);
    CHECK(hourly == 49);
    CHECK(daily == 3);
}

TEST_CASE("scheduled_task_that_throws_is_logged_does_not_stop_the_others_and_runs_again") {
    test::TempDir dir;
    core::Logging logging({.format = core::LogFormat::json, .dir = dir.path(), .console = false});
    Scheduler scheduler([] { return std::int64_t{0}; });
    int failing = 0, healthy = 0;
    scheduler.every(10s, "failing", [&] {
        ++failing;
        throw std::runtime_error("disk on fire");
    });
    scheduler.every(10s, "healthy", [&] { ++healthy; });
    CHECK_NOTHROW(scheduler.run_due(0));
    CHECK(scheduler.run_due(10) == 2);
    CHECK(failing == 2);
    CHECK(healthy == 2);

    log::flush();
    std::ifstream in(dir / "vitae.log");
    int logged = 0;
    for (std::string line; std::getline(in, line);) {
        auto entry = nlohmann::json::parse(line);
        if (entry["msg"] == "scheduled task failed") {
            CHECK(entry["level"] == "error");
            CHECK(entry["task"] == "failing");
            CHECK(entry["error"] == "disk on fire");
            ++logged;
        }
    }
    CHECK(logged == 2);
}

TEST_CASE("scheduler_refuses_a_task_without_a_positive_interval") {
    Scheduler scheduler;
    CHECK_THROWS(scheduler.every(0s, "never", [] {}));
}

// The thread, driven by a clock the test moves: no sleeping, only bounded waits for what
// the thread must do.
TEST_CASE("scheduler_thread_runs_tasks_at_start_survives_a_throw_and_follows_the_clock") {
    std::atomic<std::int64_t> now{5000};
    Scheduler scheduler([&] { return now.load(); }, 5ms);
    std::atomic<int> runs{0};
    std::promise<void> first, second;
    scheduler.every(60s, "flaky", [&] {
        int run = ++runs;
        if (run == 1) {
            first.set_value();
            throw std::runtime_error("first run fails");
        }
        if (run == 2)
            second.set_value();
    });
    scheduler.start();
    REQUIRE(first.get_future().wait_for(10s) == std::future_status::ready);
    auto second_run = second.get_future();
    CHECK(second_run.wait_for(50ms) == std::future_status::timeout);  // not due yet
    now += 60;
    REQUIRE(second_run.wait_for(10s) == std::future_status::ready);
    scheduler.stop();
    CHECK(runs == 2);
}

TEST_CASE("scheduler_stop_wakes_the_thread_without_waiting_for_the_tick") {
    Scheduler scheduler([] { return std::int64_t{0}; }, 30s);
    std::promise<void> ran;
    scheduler.every(60s, "once", [&] { ran.set_value(); });
    scheduler.start();
    REQUIRE(ran.get_future().wait_for(10s) == std::future_status::ready);
    auto started = std::chrono::steady_clock::now();
    scheduler.stop();
    CHECK(std::chrono::steady_clock::now() - started < 10s);
    scheduler.stop();  // idempotent
}

TEST_CASE("scheduler_can_be_started_again_after_stop_but_not_twice") {
    Scheduler scheduler([] { return std::int64_t{0}; }, 5ms);
    scheduler.start();
    CHECK_THROWS(scheduler.start());
    scheduler.stop();
    CHECK_NOTHROW(scheduler.start());
}  // the destructor stops it

}  // namespace
}  // namespace vitae::jobs
