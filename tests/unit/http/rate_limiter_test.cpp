#include "http/rate_limiter.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <cmath>
#include <string>
#include <thread>
#include <vector>

namespace vitae::http {
namespace {

using namespace std::chrono_literals;
using std::chrono::milliseconds;

// Time stands still until a test moves it, so nothing here sleeps.
class FakeClock {
  public:
    SteadyClock source() {
        return [this] { return now_; };
    }
    void advance(std::chrono::steady_clock::duration d) { now_ += d; }

  private:
    std::chrono::steady_clock::time_point now_{std::chrono::hours(1)};
};

int allowed_count(RateLimiter& limiter, std::string_view key, int attempts) {
    int allowed = 0;
    for (int i = 0; i < attempts; ++i)
        allowed += limiter.take(key).allowed ? 1 : 0;
    return allowed;
}

template <class Fn>
RateLimited caught_rate_limited(Fn fn) {
    try {
        fn();
    } catch (const RateLimited& e) {
        return e;
    }
    FAIL("expected RateLimited");
    return RateLimited(0, "");
}

// ---------------------------------------------------------------------------
// RateLimiter

TEST_CASE("rate_limiter_allows_capacity_then_refuses_until_the_next_token") {
    FakeClock clock;
    RateLimiter limiter({.capacity = 10, .refill_per_second = 10.0 / 60}, clock.source());

    for (int i = 0; i < 10; ++i) {
        const auto d = limiter.take("ip:1.2.3.4");
        REQUIRE(d.allowed);
        CHECK(d.remaining == doctest::Approx(9 - i));
        CHECK(d.retry_after == milliseconds(0));
    }
    const auto refused = limiter.take("ip:1.2.3.4");
    CHECK_FALSE(refused.allowed);
    CHECK(refused.remaining == doctest::Approx(0));
    CHECK(refused.retry_after == 6000ms);  // one token per 6 s

    clock.advance(5999ms);
    CHECK_FALSE(limiter.take("ip:1.2.3.4").allowed);
    clock.advance(1ms);
    CHECK(limiter.take("ip:1.2.3.4").allowed);
}

TEST_CASE("rate_limiter_refills_in_proportion_to_elapsed_time_up_to_capacity") {
    FakeClock clock;
    RateLimiter limiter({.capacity = 10, .refill_per_second = 2}, clock.source());
    REQUIRE(allowed_count(limiter, "k", 10) == 10);

    clock.advance(1500ms);  // 3 tokens
    CHECK(allowed_count(limiter, "k", 10) == 3);

    const auto partial = limiter.take("k");
    CHECK_FALSE(partial.allowed);
    CHECK(partial.retry_after == 500ms);

    clock.advance(1h);  // far more than capacity's worth
    CHECK(allowed_count(limiter, "k", 20) == 10);
}

TEST_CASE("rate_limiter_keeps_separate_keys_independent") {
    FakeClock clock;
    RateLimiter limiter({.capacity = 3, .refill_per_second = 0.1}, clock.source());
    REQUIRE(allowed_count(limiter, "user:1", 5) == 3);
    CHECK(allowed_count(limiter, "user:2", 5) == 3);
    CHECK(allowed_count(limiter, "signin:a@example.org", 5) == 3);
    CHECK_FALSE(limiter.take("user:1").allowed);
}

TEST_CASE("rate_limiter_charges_cost_above_one_and_a_refusal_spends_nothing") {
    FakeClock clock;
    RateLimiter limiter({.capacity = 10, .refill_per_second = 1}, clock.source());
    CHECK(limiter.take("k", 4).allowed);
    const auto second = limiter.take("k", 4);
    CHECK(second.allowed);
    CHECK(second.remaining == doctest::Approx(2));

    const auto refused = limiter.take("k", 4);
    CHECK_FALSE(refused.allowed);
    CHECK(refused.remaining == doctest::Approx(2));
    CHECK(refused.retry_after == 2000ms);
    CHECK(limiter.take("k", 2).allowed);  // the refusal left the 2 tokens in place
}

TEST_CASE("rate_limiter_refuses_for_ever_a_cost_above_capacity_or_without_refill") {
    FakeClock clock;
    RateLimiter refilling({.capacity = 5, .refill_per_second = 1}, clock.source());
    const auto too_big = refilling.take("k", 6);
    CHECK_FALSE(too_big.allowed);
    CHECK(too_big.retry_after == milliseconds::max());
    CHECK(refilling.take("k", 5).allowed);

    RateLimiter fixed({.capacity = 1, .refill_per_second = 0}, clock.source());
    REQUIRE(fixed.take("k").allowed);
    CHECK(fixed.take("k").retry_after == milliseconds::max());
    // Retry-After still has to be a sane number of seconds.
    CHECK(caught_rate_limited([&] { fixed.check("k"); }).retry_after_s() == 24 * 60 * 60);
}

TEST_CASE("rate_limiter_check_throws_rate_limited_with_whole_seconds_rounded_up") {
    FakeClock clock;
    RateLimiter limiter({.capacity = 1, .refill_per_second = 0.4}, clock.source());
    CHECK_NOTHROW(limiter.check("k"));

    const auto e = caught_rate_limited([&] { limiter.check("k"); });
    CHECK(e.code() == ErrorCode::too_many_requests);
    CHECK(e.retry_after_s() == 3);  // 2.5 s
    CHECK(std::string(e.what()) == "Too many requests. Try again in 3 seconds.");

    clock.advance(2400ms);  // 100 ms left: still reported as one whole second
    CHECK(caught_rate_limited([&] { limiter.check("k"); }).retry_after_s() == 1);
    clock.advance(100ms);
    CHECK_NOTHROW(limiter.check("k"));
}

TEST_CASE("rate_limiter_allows_exactly_capacity_across_concurrent_threads") {
    RateLimiter limiter({.capacity = 1000, .refill_per_second = 0});
    std::atomic<int> allowed{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 1000; ++i) {
                if (limiter.take("ip:203.0.113.9").allowed)
                    allowed.fetch_add(1, std::memory_order_relaxed);
            }
        });
    }
    for (auto& t : threads)
        t.join();
    CHECK(allowed.load() == 1000);
}

TEST_CASE("rate_limiter_stays_within_max_keys_under_a_spray_of_distinct_keys") {
    FakeClock clock;
    // Slow refill: nothing becomes idle, so only eviction can keep the table bounded.
    RateLimiter limiter({.capacity = 5, .refill_per_second = 0.001}, clock.source(), 100'000);
    for (int i = 0; i < 200'000; ++i) {
        REQUIRE(limiter.take("ip:" + std::to_string(i)).allowed);
        clock.advance(1ms);
    }
    CHECK(limiter.size() <= 100'000);
    CHECK(limiter.size() > 90'000);  // eviction trims to the bound, not far below it
}

TEST_CASE("rate_limiter_evicts_the_least_recently_touched_key_when_full") {
    FakeClock clock;
    RateLimiter limiter({.capacity = 1, .refill_per_second = 0}, clock.source(), 160);
    REQUIRE(limiter.take("stale").allowed);
    for (int i = 0; i < 10'000; ++i)
        limiter.take("spray:" + std::to_string(i));
    REQUIRE(limiter.take("recent").allowed);

    CHECK_FALSE(limiter.take("recent").allowed);  // touched last: still remembered
    CHECK(limiter.take("stale").allowed);         // pushed out: starts afresh
    CHECK(limiter.size() <= 160);
}

TEST_CASE("rate_limiter_forgets_buckets_that_have_refilled") {
    FakeClock clock;
    RateLimiter limiter({.capacity = 2, .refill_per_second = 1}, clock.source());
    for (int i = 0; i < 1000; ++i)
        limiter.take("ip:" + std::to_string(i));
    REQUIRE(limiter.size() == 1000);

    clock.advance(2s);
    // Periodic sweeps run as other keys are used, in every shard; a zero-cost probe
    // leaves its own bucket full, so it is not kept either.
    for (int i = 0; i < 50'000; ++i)
        limiter.take("probe:" + std::to_string(i), 0);
    CHECK(limiter.size() == 0);
}

TEST_CASE("rate_limiter_rejects_a_rule_that_cannot_work") {
    CHECK_THROWS_AS(RateLimiter({.capacity = 0, .refill_per_second = 1}), Error);
    CHECK_THROWS_AS(RateLimiter({.capacity = 1, .refill_per_second = -1}), Error);
    CHECK_THROWS_AS(
        RateLimiter({.capacity = 1, .refill_per_second = 1}, std::chrono::steady_clock::now, 15),
        Error);
}

TEST_CASE("rate_limiter_rejects_a_negative_or_nan_cost") {
    RateLimiter limiter({.capacity = 1, .refill_per_second = 1});
    CHECK_THROWS_AS(limiter.take("k", -1), Error);
    CHECK_THROWS_AS(limiter.take("k", std::nan("")), Error);
    CHECK(limiter.take("k").allowed);
}

// ---------------------------------------------------------------------------
// FailureBackoff

TEST_CASE("failure_backoff_lets_five_failures_go_free_then_waits_a_second") {
    FakeClock clock;
    FailureBackoff backoff({}, clock.source());
    for (int i = 0; i < 5; ++i) {
        backoff.record_failure("signin:a@example.org");
        CHECK(backoff.wait_for("signin:a@example.org") == 0ms);
        CHECK_NOTHROW(backoff.check("signin:a@example.org"));
    }
    backoff.record_failure("signin:a@example.org");
    CHECK(backoff.wait_for("signin:a@example.org") == 1s);
    CHECK(backoff.wait_for("signin:b@example.org") == 0ms);
}

TEST_CASE("failure_backoff_doubles_each_wait_and_counts_time_already_served") {
    FakeClock clock;
    FailureBackoff backoff({}, clock.source());
    for (int i = 0; i < 6; ++i)
        backoff.record_failure("totp:7");
    REQUIRE(backoff.wait_for("totp:7") == 1s);

    backoff.record_failure("totp:7");
    CHECK(backoff.wait_for("totp:7") == 2s);
    backoff.record_failure("totp:7");
    CHECK(backoff.wait_for("totp:7") == 4s);

    clock.advance(2500ms);
    CHECK(backoff.wait_for("totp:7") == 1500ms);
    clock.advance(1500ms);
    CHECK(backoff.wait_for("totp:7") == 0ms);
}

TEST_CASE("failure_backoff_caps_the_wait") {
    FakeClock clock;
    FailureBackoff backoff({}, clock.source());
    for (int i = 0; i < 1000; ++i)
        backoff.record_failure("k");
    CHECK(backoff.wait_for("k") == 15min);

    FailureBackoff short_cap({.free_attempts = 0, .first_delay = 1s, .max_delay = 5s},
                             clock.source());
    short_cap.record_failure("k");  // no free failures: the first one already waits
    CHECK(short_cap.wait_for("k") == 1s);
    short_cap.record_failure("k");
    short_cap.record_failure("k");
    CHECK(short_cap.wait_for("k") == 4s);
    short_cap.record_failure("k");
    CHECK(short_cap.wait_for("k") == 5s);
}

TEST_CASE("failure_backoff_reset_restores_the_free_attempts") {
    FakeClock clock;
    FailureBackoff backoff({}, clock.source());
    for (int i = 0; i < 8; ++i)
        backoff.record_failure("setup");
    REQUIRE(backoff.wait_for("setup") > 0ms);

    backoff.reset("setup");
    CHECK(backoff.wait_for("setup") == 0ms);
    CHECK(backoff.size() == 0);
    for (int i = 0; i < 5; ++i)
        backoff.record_failure("setup");
    CHECK(backoff.wait_for("setup") == 0ms);
}

TEST_CASE("failure_backoff_check_throws_rate_limited_with_the_remaining_seconds") {
    FakeClock clock;
    FailureBackoff backoff({}, clock.source());
    for (int i = 0; i < 8; ++i)
        backoff.record_failure("k");  // wait: 4 s

    auto e = caught_rate_limited([&] { backoff.check("k"); });
    CHECK(e.code() == ErrorCode::too_many_requests);
    CHECK(e.retry_after_s() == 4);
    CHECK(std::string(e.what()) == "Too many failed attempts. Try again in 4 seconds.");

    clock.advance(3001ms);
    CHECK(caught_rate_limited([&] { backoff.check("k"); }).retry_after_s() == 1);
    clock.advance(999ms);
    CHECK_NOTHROW(backoff.check("k"));
}

TEST_CASE("failure_backoff_forgets_a_key_quiet_for_longer_than_the_cap") {
    FakeClock clock;
    FailureBackoff backoff({}, clock.source());
    for (int i = 0; i < 30; ++i)
        backoff.record_failure("k");
    clock.advance(15min);
    CHECK(backoff.wait_for("k") == 0ms);

    backoff.record_failure("k");  // counts from one again, inside the free attempts
    CHECK(backoff.wait_for("k") == 0ms);
}

TEST_CASE("failure_backoff_stays_within_max_keys_under_a_spray_of_distinct_keys") {
    FakeClock clock;
    FailureBackoff backoff({}, clock.source(), 1000);
    for (int i = 0; i < 50'000; ++i)
        backoff.record_failure("signin:" + std::to_string(i) + "@example.org");
    CHECK(backoff.size() <= 1000);
}

TEST_CASE("failure_backoff_counts_every_failure_from_concurrent_threads") {
    FakeClock clock;
    FailureBackoff backoff({.free_attempts = 3999, .first_delay = 1s, .max_delay = 1h},
                           clock.source());
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 500; ++i)
                backoff.record_failure("k");
        });
    }
    for (auto& t : threads)
        t.join();
    CHECK(backoff.wait_for("k") == 1s);  // exactly 4000 failures recorded
}

}  // namespace
}  // namespace vitae::http
