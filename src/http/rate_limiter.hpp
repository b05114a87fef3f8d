#pragma once
// Throttles for the HTTP room: token buckets that cap request rates per key, and an
// exponential backoff that slows brute-force guessing (sign-in, TOTP, setup codes).
// Both keep state in memory only, so a restart forgets it; that is acceptable for limits
// measured in seconds and minutes, and it keeps the database out of the hot path.
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace vitae::http {

// Refusal by a limiter. The middleware turns it into 429 with a Retry-After header, so
// it carries the wait in whole seconds alongside the message.
class RateLimited : public vitae::Error {
  public:
    RateLimited(int retry_after_s, const std::string& message)
        : vitae::Error(ErrorCode::too_many_requests, message), retry_after_s_(retry_after_s) {}
    int retry_after_s() const { return retry_after_s_; }

  private:
    int retry_after_s_;
};

// Injectable time source, so tests advance a fake clock instead of sleeping.
using SteadyClock = std::function<std::chrono::steady_clock::time_point()>;

// Above this many keys a limiter forgets the least recently touched ones (see below).
inline constexpr std::size_t kDefaultMaxKeys = 100'000;

// Token buckets keyed by a string such as "ip:1.2.3.4", "user:42" or "signin:a@b.c".
// Each key starts with `capacity` tokens and regains `refill_per_second` of them per
// second, never above capacity.
//
// Memory stays bounded under a spray of distinct keys: a bucket that has refilled to
// capacity says nothing a fresh bucket would not, so it is dropped; those are swept out
// periodically. If the table is still full of partly drained buckets when a new key
// arrives, the least recently touched bucket is forgotten. The alternative, refusing
// new keys, would let one flood lock every newcomer out; forgetting the stalest bucket
// only hands a client it belonged to a fresh allowance, and the flood needed to push a
// key out is itself throttled.
class RateLimiter {
  public:
    struct Rule {
        double capacity;           // burst size, > 0
        double refill_per_second;  // sustained rate, >= 0 (0: a fixed allowance)
    };

    struct Decision {
        bool allowed;
        double remaining;  // tokens left after this call
        // How long until the same cost would succeed; zero when allowed. When it never
        // can (no refill, or cost above capacity) it is milliseconds::max().
        std::chrono::milliseconds retry_after;
    };

    // Throws vitae::Error(config) for a rule that cannot work, or max_keys below 16 (the
    // table is split into 16 locked shards).
    explicit RateLimiter(Rule rule, SteadyClock clock = std::chrono::steady_clock::now,
                         std::size_t max_keys = kDefaultMaxKeys);
    ~RateLimiter();
    RateLimiter(RateLimiter&&) noexcept;
    RateLimiter& operator=(RateLimiter&&) noexcept;

    // Spends `cost` tokens if the key has them; a refused call spends nothing. A negative
    // or NaN cost is a bug and throws vitae::Error(internal).
    Decision take(std::string_view key, double cost = 1);
    // take(key), throwing RateLimited (retry_after_s >= 1) when refused.
    void check(std::string_view key);

    // Keys currently remembered; for tests and metrics.
    std::size_t size() const;
    const Rule& rule() const { return rule_; }

  private:
    struct Table;

    Rule rule_;
    SteadyClock clock_;
    std::unique_ptr<Table> table_;
};

// Outside FailureBackoff only so that `Policy policy = {}` compiles: GCC cannot use a
// nested class's member initialisers in a default argument of the enclosing class.
struct BackoffPolicy {
    int free_attempts = 5;
    std::chrono::milliseconds first_delay = std::chrono::seconds(1);
    std::chrono::milliseconds max_delay = std::chrono::minutes(15);
};

// Failure counter per key with an exponential wait. The first `free_attempts` failures
// cost nothing (a mistyped password should not); the next one makes the key wait
// `first_delay` before trying again, and each further failure doubles the wait up to
// `max_delay`. With the defaults, failures 1-5 wait 0, then 1 s, 2 s, 4 s, … 15 min.
//
// A key whose last failure is older than `max_delay` is forgotten, since any wait it
// imposed has run out; the table is also capped like RateLimiter's, dropping the key
// whose last failure is oldest.
class FailureBackoff {
  public:
    using Policy = BackoffPolicy;

    // Throws vitae::Error(config) for a policy that cannot work.
    explicit FailureBackoff(Policy policy = {}, SteadyClock clock = std::chrono::steady_clock::now,
                            std::size_t max_keys = kDefaultMaxKeys);
    ~FailureBackoff();
    FailureBackoff(FailureBackoff&&) noexcept;
    FailureBackoff& operator=(FailureBackoff&&) noexcept;

    void record_failure(std::string_view key);
    // After a success: the key starts again with its free attempts.
    void reset(std::string_view key);
    // How long the key must wait before its next attempt; zero when it may go now.
    std::chrono::milliseconds wait_for(std::string_view key) const;
    // Throws RateLimited (retry_after_s >= 1) while wait_for(key) is non-zero.
    void check(std::string_view key);

    std::size_t size() const;
    const Policy& policy() const { return policy_; }

  private:
    struct Table;

    Policy policy_;
    SteadyClock clock_;
    std::unique_ptr<Table> table_;
};

}  // namespace vitae::http
