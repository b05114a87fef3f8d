#pragma once
// Periodic housekeeping (pruning expired rows; later backups, budget checks, log
// rotation) on one thread of its own.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/clock.hpp"

namespace vitae::jobs {

// Decides by a core::UnixClock, so tests drive it with run_due(fake_now) instead of
// sleeping; the thread only wakes every `tick` (real time) to ask that clock.
//
//   Scheduler scheduler(clock);
//   scheduler.every(std::chrono::hours(1), "session prune", [&] { sessions.prune(); });
//   scheduler.start();  // runs every task at once, then each when its interval has passed
//   ...
//   scheduler.stop();   // wakes the thread and joins it
class Scheduler {
  public:
    explicit Scheduler(core::UnixClock clock = core::unix_now,
                       std::chrono::milliseconds tick = std::chrono::seconds(1));
    ~Scheduler();  // stops
    Scheduler(const Scheduler&) = delete;
    Scheduler& operator=(const Scheduler&) = delete;

    // Runs task at the first run_due() and then once `interval` has passed since its
    // last run. A task that fell behind (the machine slept, the clock jumped) runs once,
    // not once per missed interval. A task must not register tasks.
    void every(std::chrono::seconds interval, std::string name, std::function<void()> task);

    // Starts the thread; throws when it runs already.
    void start();
    // Wakes the thread, lets a running task finish, joins. Idempotent.
    void stop();

    // Runs, one after another, every task due at `now` (unix seconds); returns how many
    // ran. A task that throws is logged and counts as run. Safe from any thread: tasks
    // never run twice at once.
    int run_due(std::int64_t now);

  private:
    struct Task {
        std::string name;
        std::chrono::seconds interval;
        std::function<void()> run;
        std::optional<std::int64_t> due;  // unset: at the first check
    };

    void loop();
    static void run_logged(const Task& task);

    core::UnixClock clock_;
    std::chrono::milliseconds tick_;

    std::mutex tasks_mutex_;  // held while tasks run
    std::vector<Task> tasks_;

    std::mutex lifecycle_mutex_;  // start() and stop() from different threads
    std::thread thread_;

    std::mutex state_mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
};

}  // namespace vitae::jobs
