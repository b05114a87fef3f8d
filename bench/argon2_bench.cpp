// argon2_bench: what one password hash and one sign-in cost with PasswordHasher, for
// bench/cases/argon2.sh and for choosing Argon2 parameters on the machine that will run
// Vitae.
//
//   argon2_bench [--runs N] [--m KIB] [--t N] [--p N]
//       Hashes N times (default 20) and verifies N times with those parameters (default:
//       Argon2Params{}), after one untimed warm-up of each. Prints one line:
//         m=<KiB> t=<n> p=<n> runs=<N> hash_ms=<median> verify_ms=<median>
//         hash_cpu_ms=<median> verify_cpu_ms=<median>
//
// *_ms is wall time (std::chrono::steady_clock, CLOCK_MONOTONIC on Linux), what a user
// waits. *_cpu_ms is the CPU time of the hashing thread (CLOCK_THREAD_CPUTIME_ID): when
// the two differ a lot, something else was competing for the cores and the wall figure
// overstates the cost.

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include "auth/password_hasher.hpp"
#include "timing.hpp"

namespace {

using vitae::auth::Argon2Params;
using vitae::auth::PasswordHasher;
using vitae::bench::median;
using vitae::bench::Samples;

struct Options {
    Argon2Params params;
    int runs = 20;
};

unsigned long parse_number(std::string_view flag, const char* text) {
    char* end = nullptr;
    const unsigned long value = std::strtoul(text, &end, 10);
    if (end == text || *end != '\0' || value == 0) {
        std::fprintf(stderr, "argon2_bench: %.*s wants a positive number, not '%s'\n",
                     static_cast<int>(flag.size()), flag.data(), text);
        std::exit(2);
    }
    return value;
}

Options parse_options(int argc, char** argv) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string_view flag = argv[i];
        if (i + 1 >= argc) {
            std::fprintf(stderr, "usage: argon2_bench [--runs N] [--m KIB] [--t N] [--p N]\n");
            std::exit(2);
        }
        const unsigned long value = parse_number(flag, argv[++i]);
        if (flag == "--runs") {
            options.runs = static_cast<int>(value);
        } else if (flag == "--m") {
            options.params.memory_kib = static_cast<std::uint32_t>(value);
        } else if (flag == "--t") {
            options.params.iterations = static_cast<std::uint32_t>(value);
        } else if (flag == "--p") {
            options.params.parallelism = static_cast<std::uint32_t>(value);
        } else {
            std::fprintf(stderr, "argon2_bench: unknown option %s\n", argv[i - 1]);
            std::exit(2);
        }
    }
    return options;
}

}  // namespace

int main(int argc, char** argv) try {
    const Options options = parse_options(argc, argv);
    const PasswordHasher hasher(options.params, 1);
    const std::string password = "correct horse battery staple";

    // The first run pays for page faults on freshly mapped memory; a server that has been
    // up for a while does not, so it is left out.
    const std::string stored = hasher.hash(password);
    static_cast<void>(hasher.verify(stored, password));

    Samples hashes;
    Samples verifies;
    for (int i = 0; i < options.runs; ++i) {
        hashes.time([&] { static_cast<void>(hasher.hash(password)); });
    }
    for (int i = 0; i < options.runs; ++i) {
        bool ok = false;
        verifies.time([&] { ok = hasher.verify(stored, password); });
        if (!ok) {
            std::fprintf(stderr, "argon2_bench: verify failed on a hash it just made\n");
            return 1;
        }
    }
    const Argon2Params& p = hasher.params();
    std::printf(
        "m=%u t=%u p=%u runs=%d hash_ms=%.1f verify_ms=%.1f hash_cpu_ms=%.1f "
        "verify_cpu_ms=%.1f\n",
        p.memory_kib, p.iterations, p.parallelism, options.runs, median(hashes.wall_ms),
        median(verifies.wall_ms), median(hashes.cpu_ms), median(verifies.cpu_ms));
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "argon2_bench: %s\n", e.what());
    return 1;
}
