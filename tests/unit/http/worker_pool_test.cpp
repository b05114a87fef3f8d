#include "http/worker_pool.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace vitae::http {
namespace {

using namespace std::chrono_literals;

// Long enough never to be reached on a healthy run; it only keeps a broken pool from
// hanging the suite.
constexpr auto kBound = 10s;

// Jobs that block on one gate until the test opens it, counting how many run at once.
class BlockingJobs {
  public:
    void run_one() {
        std::unique_lock lock(mutex_);
        ++running_;
        peak_ = std::max(peak_, running_);
        cv_.notify_all();
        cv_.wait_for(lock, kBound, [&] { return open_; });
        --running_;
        ++finished_;
        cv_.notify_all();
    }

    void open() {
        std::lock_guard lock(mutex_);
        open_ = true;
        cv_.notify_all();
    }

    bool wait_until_running(int n) {
        return wait([&] { return running_ == n; });
    }
    bool wait_until_finished(int n) {
        return wait([&] { return finished_ == n; });
    }

    int running() {
        std::lock_guard lock(mutex_);
        return running_;
    }
    int peak() {
        std::lock_guard lock(mutex_);
        return peak_;
    }

  private:
    template <class Pred>
    bool wait(Pred pred) {
        std::unique_lock lock(mutex_);
        return cv_.wait_for(lock, kBound, pred);
    }

    std::mutex mutex_;
    std::condition_variable cv_;
    int running_ = 0;
    int peak_ = 0;
    int finished_ = 0;
    bool open_ = false;
};

// Declared after the pool, so a failed REQUIRE opens the gate before the pool's destructor
// waits for the blocked jobs.
struct OpenOnExit {
    BlockingJobs& jobs;
    ~OpenOnExit() { jobs.open(); }
};

void enqueue_blocking(WorkerPool& pool, BlockingJobs& jobs, int n) {
    for (int i = 0; i < n; ++i)
        pool.enqueue([&jobs] { jobs.run_one(); });
}

// thread_count() changes without any event a test could wait on: surplus threads retire
// on their own timer inside the pool. So this polls it, yielding, up to a deadline.
bool wait_for_thread_count(const WorkerPool& pool, size_t expected) {
    auto deadline = std::chrono::steady_clock::now() + kBound;
    while (pool.thread_count() != expected) {
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        std::this_thread::yield();
    }
    return true;
}

TEST_CASE("worker_pool_starts_with_its_minimum_threads") {
    WorkerPool pool(2, 16);
    CHECK(pool.thread_count() == 2);
}

TEST_CASE("worker_pool_treats_a_zero_minimum_as_one_thread") {
    WorkerPool pool(0, 4);
    CHECK(pool.thread_count() == 1);
}

TEST_CASE("worker_pool_grows_to_serve_blocked_jobs_up_to_its_bound") {
    BlockingJobs jobs;
    WorkerPool pool(2, 16);
    OpenOnExit open_on_exit{jobs};

    enqueue_blocking(pool, jobs, 10);

    REQUIRE(jobs.wait_until_running(10));
    CHECK(pool.thread_count() == 10);
    jobs.open();
    CHECK(jobs.wait_until_finished(10));
}

TEST_CASE("worker_pool_never_runs_more_threads_than_its_maximum") {
    BlockingJobs jobs;
    WorkerPool pool(1, 3);
    OpenOnExit open_on_exit{jobs};

    enqueue_blocking(pool, jobs, 6);

    REQUIRE(jobs.wait_until_running(3));
    CHECK(pool.thread_count() == 3);
    // Every thread is held by a job, so the other three can only be queued.
    CHECK(jobs.running() == 3);

    jobs.open();
    REQUIRE(jobs.wait_until_finished(6));
    CHECK(jobs.peak() == 3);
    CHECK(pool.thread_count() <= 3);
}

TEST_CASE("worker_pool_shutdown_runs_queued_jobs_to_completion_and_joins") {
    BlockingJobs jobs;
    std::mutex mutex;
    int ran = 0;
    WorkerPool pool(1, 1);
    OpenOnExit open_on_exit{jobs};

    enqueue_blocking(pool, jobs, 1);
    REQUIRE(jobs.wait_until_running(1));
    // The only thread is blocked, so these wait in the queue.
    for (int i = 0; i < 5; ++i) {
        pool.enqueue([&] {
            std::lock_guard lock(mutex);
            ++ran;
        });
    }
    // The five are usually still queued when shutdown begins; whatever the interleaving,
    // all of them must have run when it returns.
    jobs.open();
    pool.shutdown();

    // Joined: every job ran and no thread is left to touch `ran` after this point.
    std::lock_guard lock(mutex);
    CHECK(ran == 5);
    CHECK(pool.thread_count() == 0);
}

TEST_CASE("worker_pool_shutdown_twice_is_harmless") {
    WorkerPool pool(2, 4);
    pool.shutdown();
    pool.shutdown();
    CHECK(pool.thread_count() == 0);
}

TEST_CASE("worker_pool_retires_surplus_threads_after_the_idle_period") {
    BlockingJobs jobs;
    WorkerPool pool(1, 8, 20ms);
    OpenOnExit open_on_exit{jobs};

    enqueue_blocking(pool, jobs, 5);
    REQUIRE(jobs.wait_until_running(5));
    CHECK(pool.thread_count() == 5);
    jobs.open();
    REQUIRE(jobs.wait_until_finished(5));

    CHECK(wait_for_thread_count(pool, 1));
}

TEST_CASE("worker_pool_grows_again_after_surplus_threads_retired") {
    BlockingJobs first;
    BlockingJobs second;
    WorkerPool pool(1, 8, 20ms);
    OpenOnExit open_first{first};
    OpenOnExit open_second{second};

    enqueue_blocking(pool, first, 4);
    REQUIRE(first.wait_until_running(4));
    first.open();
    REQUIRE(first.wait_until_finished(4));
    REQUIRE(wait_for_thread_count(pool, 1));

    // New threads take the slots of the retired ones.
    enqueue_blocking(pool, second, 6);
    REQUIRE(second.wait_until_running(6));
    CHECK(pool.thread_count() == 6);
    second.open();
    CHECK(second.wait_until_finished(6));
}

}  // namespace
}  // namespace vitae::http
