#pragma once
// Timing for the bench programs: wall time (what a user waits) and the CPU time of the
// measuring thread. When the two differ a lot, something else was competing for the cores
// and the wall figure overstates the cost.
#include <time.h>

#include <algorithm>
#include <chrono>
#include <vector>

namespace vitae::bench {

inline double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    if (n == 0)
        return 0;
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

inline double thread_cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

struct Samples {
    std::vector<double> wall_ms;
    std::vector<double> cpu_ms;

    template <class Fn>
    void time(Fn fn) {
        const double cpu_start = thread_cpu_ms();
        const auto start = std::chrono::steady_clock::now();
        fn();
        const auto elapsed = std::chrono::steady_clock::now() - start;
        cpu_ms.push_back(thread_cpu_ms() - cpu_start);
        wall_ms.push_back(std::chrono::duration<double, std::milli>(elapsed).count());
    }
};

}  // namespace vitae::bench
