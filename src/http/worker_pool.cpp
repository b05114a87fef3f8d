#include "http/worker_pool.hpp"

#include <algorithm>

namespace vitae::http {

WorkerPool::WorkerPool(size_t min_threads, size_t max_threads,
                       std::chrono::milliseconds idle_retire)
    : min_threads_(std::max<size_t>(1, min_threads)),
      max_threads_(std::max(min_threads_, max_threads)),
      idle_retire_(idle_retire) {
    std::lock_guard lock(mutex_);
    for (size_t i = 0; i < min_threads_; ++i)
        spawn_locked();
}

WorkerPool::~WorkerPool() {
    shutdown();
}

size_t WorkerPool::thread_count() const {
    std::lock_guard lock(mutex_);
    return live_;
}

void WorkerPool::enqueue(std::function<void()> fn) {
    std::lock_guard lock(mutex_);
    jobs_.push_back(std::move(fn));
    // Every queued job beyond the idle threads would otherwise wait for a busy one.
    if (idle_ < jobs_.size() && live_ < max_threads_)
        spawn_locked();
    cv_.notify_one();
}

void WorkerPool::spawn_locked() {
    size_t slot;
    if (!retired_.empty()) {
        slot = retired_.back();
        retired_.pop_back();
        threads_[slot].join();  // it has returned already; join reclaims it
        threads_[slot] = std::thread(&WorkerPool::run, this, slot);
    } else {
        slot = threads_.size();
        threads_.emplace_back(&WorkerPool::run, this, slot);
    }
    ++live_;
    ++idle_;
}

void WorkerPool::run(size_t slot) {
    std::unique_lock lock(mutex_);
    for (;;) {
        bool woke = cv_.wait_for(lock, idle_retire_, [&] { return stopping_ || !jobs_.empty(); });
        if (!woke && live_ > min_threads_)
            break;  // surplus thread idle for a while
        if (jobs_.empty()) {
            if (stopping_)
                break;
            continue;
        }
        auto job = std::move(jobs_.front());
        jobs_.pop_front();
        --idle_;
        lock.unlock();
        job();
        lock.lock();
        ++idle_;
    }
    --idle_;
    --live_;
    retired_.push_back(slot);
}

void WorkerPool::shutdown() {
    std::vector<std::thread> threads;
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        // Taken out under the lock: an enqueue during shutdown must not grow the vector
        // being joined. Such late jobs still run: workers leave only once jobs_ is empty.
        threads.swap(threads_);
        retired_.clear();
    }
    cv_.notify_all();
    for (auto& t : threads) {
        if (t.joinable())
            t.join();
    }
}

}  // namespace vitae::http
