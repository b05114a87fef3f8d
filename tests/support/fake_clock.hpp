#pragma once
// Time that moves only when a test says so: wall-clock seconds and steady time together.
#include <atomic>
#include <chrono>
#include <cstdint>

#include "app/app.hpp"

namespace vitae::test {

class FakeClock {
  public:
    // 2027-01-15T07:46:40Z: a fixed, ordinary day.
    static constexpr std::int64_t kStart = 1'799'999'200;

    void advance(std::chrono::seconds by) {
        unix_ += by.count();
        steady_ms_ += std::chrono::duration_cast<std::chrono::milliseconds>(by).count();
    }
    std::int64_t now() const { return unix_.load(); }

    // AppOptions whose clocks read this one; it must outlive the app.
    app::AppOptions options() {
        app::AppOptions o;
        o.console_log = false;
        o.clock = [this] { return unix_.load(); };
        o.steady_clock = [this] {
            return std::chrono::steady_clock::time_point(
                std::chrono::milliseconds(steady_ms_.load()));
        };
        return o;
    }

  private:
    std::atomic<std::int64_t> unix_{kStart};
    std::atomic<std::int64_t> steady_ms_{1'000'000};
};

}  // namespace vitae::test
