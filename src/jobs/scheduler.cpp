#include "jobs/scheduler.hpp"

#include "core/error.hpp"
#include "core/log.hpp"

namespace vitae::jobs {

Scheduler::Scheduler(core::UnixClock clock, std::chrono::milliseconds tick)
    : clock_(std::move(clock)), tick_(tick) {}

Scheduler::~Scheduler() {
    stop();
}

void Scheduler::every(std::chrono::seconds interval, std::string name, std::function<void()> task) {
    if (interval.count() <= 0)
        throw Error(ErrorCode::internal, "scheduled task " + name + " needs a positive interval");
    std::lock_guard lock(tasks_mutex_);
    tasks_.push_back({std::move(name), interval, std::move(task), std::nullopt});
}

void Scheduler::start() {
    std::lock_guard lifecycle(lifecycle_mutex_);
    if (thread_.joinable())
        throw Error(ErrorCode::internal, "the scheduler is running already");
    {
        std::lock_guard lock(state_mutex_);
        stopping_ = false;
    }
    thread_ = std::thread([this] { loop(); });
}

void Scheduler::stop() {
    std::lock_guard lifecycle(lifecycle_mutex_);
    {
        std::lock_guard lock(state_mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable())
        thread_.join();
}

int Scheduler::run_due(std::int64_t now) {
    std::lock_guard lock(tasks_mutex_);
    int ran = 0;
    for (auto& task : tasks_) {
        if (task.due && *task.due > now)
            continue;
        run_logged(task);
        // From now, not from when it was due: a long pause must not cause a burst of runs.
        task.due = now + task.interval.count();
        ++ran;
    }
    return ran;
}

void Scheduler::loop() {
    std::unique_lock lock(state_mutex_);
    while (!stopping_) {
        lock.unlock();
        run_due(clock_());
        lock.lock();
        wake_.wait_for(lock, tick_, [this] { return stopping_; });
    }
}

// A failing task is reported and tried again at its next time; it must not end the
// thread, which the other tasks need.
void Scheduler::run_logged(const Task& task) {
    try {
        task.run();
    } catch (const std::exception& e) {
        log::error("scheduled task failed", {{"task", task.name}, {"error", e.what()}});
    } catch (...) {
        log::error("scheduled task failed", {{"task", task.name}, {"error", "unknown exception"}});
    }
}

}  // namespace vitae::jobs
