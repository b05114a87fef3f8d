#pragma once
// Elastic worker pool for the HTTP server. cpp-httplib holds one worker per open
// connection (idle keep-alive ones included), so a fixed small pool stalls behind idle
// clients. This pool starts threads on demand up to a bound and lets surplus threads
// retire after an idle minute, keeping idle memory low.
#include <httplib.h>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace vitae::http {

class WorkerPool final : public httplib::TaskQueue {
  public:
    WorkerPool(size_t min_threads, size_t max_threads,
               std::chrono::milliseconds idle_retire = std::chrono::seconds(60));
    ~WorkerPool() override;

    void enqueue(std::function<void()> fn) override;
    void shutdown() override;  // runs queued work to completion, then joins every thread

    size_t thread_count() const;

  private:
    void spawn_locked();
    void run(size_t slot);

    const size_t min_threads_;
    const size_t max_threads_;
    const std::chrono::milliseconds idle_retire_;
    mutable std::mutex mutex_;
    std::condition_variable cv_;
    std::deque<std::function<void()>> jobs_;
    std::vector<std::thread> threads_;  // retired threads are joined on the next spawn
    std::vector<size_t> retired_;       // slots of threads that have returned
    size_t live_ = 0;
    size_t idle_ = 0;
    bool stopping_ = false;
};

}  // namespace vitae::http
