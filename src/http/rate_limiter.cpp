#include "http/rate_limiter.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <list>
#include <mutex>
#include <unordered_map>

namespace vitae::http {

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// Sharded so HTTP worker threads hitting different keys rarely wait on one another.
constexpr std::size_t kShardCount = 16;
// A shard drops its idle entries in a sweep that visits every entry. Spacing sweeps at
// least half the shard's size apart in calls keeps that to two visits per call however
// large the table grows (a flood of new keys included); the floor stops a small table
// from sweeping on nearly every call.
constexpr std::size_t kSweepVisitsPerCall = 2;
constexpr std::size_t kMinCallsBetweenSweeps = 64;
// Refill is fractional, so 6 s at 10/60 tokens per second comes to 0.99999…: a little
// slack keeps a client that waited exactly retry_after from being refused.
constexpr double kTokenSlack = 1e-9;
// Retry-After for a refusal that waiting cannot cure. A day is long enough to mean "stop"
// and small enough for any client to parse.
constexpr int kMaxRetryAfterS = 24 * 60 * 60;

struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// A string-keyed map split into locked shards, each remembering the order its entries
// were last touched so the stalest can be evicted. `Idle(const Value&)` says an entry
// carries no information and can go.
template <class Value>
class KeyedShards {
  public:
    explicit KeyedShards(std::size_t max_keys) {
        // Spread max_keys exactly over the shards so the total never exceeds it.
        for (std::size_t i = 0; i < kShardCount; ++i)
            shards_[i].max_keys = max_keys / kShardCount + (i < max_keys % kShardCount ? 1 : 0);
    }

    // Runs fn(value, created) on the key's entry under its shard lock, creating the
    // entry (value-initialised) if absent. An entry idle after fn is dropped.
    template <class Idle, class Fn>
    auto update(std::string_view key, Idle idle, Fn fn) {
        Shard& shard = shard_for(key);
        std::lock_guard lock(shard.mutex);
        if (sweep_due(shard))
            sweep(shard, idle);
        auto it = shard.slots.find(key);
        const bool created = it == shard.slots.end();
        if (created)
            it = insert(shard, key);
        else
            shard.lru.splice(shard.lru.end(), shard.lru, it->second.lru_pos);
        auto result = fn(it->second.value, created);
        if (idle(it->second.value))
            erase(shard, it);
        return result;
    }

    // Runs fn(const Value*) under the shard lock; null when the key is absent.
    template <class Fn>
    auto peek(std::string_view key, Fn fn) {
        Shard& shard = shard_for(key);
        std::lock_guard lock(shard.mutex);
        auto it = shard.slots.find(key);
        return fn(it == shard.slots.end() ? nullptr : &it->second.value);
    }

    void erase(std::string_view key) {
        Shard& shard = shard_for(key);
        std::lock_guard lock(shard.mutex);
        auto it = shard.slots.find(key);
        if (it != shard.slots.end())
            erase(shard, it);
    }

    std::size_t size() const {
        std::size_t total = 0;
        for (const Shard& shard : shards_) {
            std::lock_guard lock(shard.mutex);
            total += shard.slots.size();
        }
        return total;
    }

  private:
    // Points at keys inside `slots`: unordered_map nodes never move, so these stay valid.
    using Lru = std::list<const std::string*>;
    struct Slot {
        Value value{};
        typename Lru::iterator lru_pos;
    };
    using Slots = std::unordered_map<std::string, Slot, StringHash, std::equal_to<>>;
    struct Shard {
        mutable std::mutex mutex;
        Slots slots;
        Lru lru;  // front: least recently touched
        std::size_t max_keys = 0;
        std::size_t calls_since_sweep = 0;
    };

    Shard& shard_for(std::string_view key) { return shards_[StringHash{}(key) % kShardCount]; }

    static bool sweep_due(Shard& shard) {
        ++shard.calls_since_sweep;
        return shard.calls_since_sweep >=
               std::max(kMinCallsBetweenSweeps, shard.slots.size() / kSweepVisitsPerCall);
    }

    // Makes room by forgetting the least recently touched entries; idle ones have
    // already been swept out, so these are the stalest live ones.
    typename Slots::iterator insert(Shard& shard, std::string_view key) {
        while (!shard.lru.empty() && shard.slots.size() >= shard.max_keys)
            erase(shard, shard.slots.find(*shard.lru.front()));
        auto it = shard.slots.try_emplace(std::string(key)).first;
        it->second.lru_pos = shard.lru.insert(shard.lru.end(), &it->first);
        return it;
    }

    template <class Idle>
    void sweep(Shard& shard, Idle& idle) {
        shard.calls_since_sweep = 0;
        for (auto it = shard.slots.begin(); it != shard.slots.end();) {
            if (idle(it->second.value))
                it = erase(shard, it);
            else
                ++it;
        }
    }

    typename Slots::iterator erase(Shard& shard, typename Slots::iterator it) {
        shard.lru.erase(it->second.lru_pos);
        return shard.slots.erase(it);
    }

    std::array<Shard, kShardCount> shards_;
};

// Whole seconds for Retry-After: rounded up so a client that waits exactly that long is
// let in, at least 1 because "0" invites an immediate retry, and capped for "never".
int retry_seconds(milliseconds wait) {
    if (wait >= milliseconds(std::int64_t{kMaxRetryAfterS} * 1000))
        return kMaxRetryAfterS;
    const auto seconds = (wait.count() + 999) / 1000;
    return std::max<int>(1, static_cast<int>(seconds));
}

std::string retry_message(std::string_view what, int seconds) {
    return std::string(what) + " Try again in " + std::to_string(seconds) +
           (seconds == 1 ? " second." : " seconds.");
}

// Elapsed time between two readings, never negative: threads read the clock before
// taking a shard lock, so a bucket may already have been touched "after" our reading.
double seconds_between(Clock::time_point from, Clock::time_point to) {
    return std::max(0.0, std::chrono::duration<double>(to - from).count());
}

}  // namespace

// ---------------------------------------------------------------------------
// RateLimiter

namespace {

struct Bucket {
    double tokens = 0;
    Clock::time_point updated{};
};

}  // namespace

struct RateLimiter::Table : KeyedShards<Bucket> {
    using KeyedShards::KeyedShards;
};

RateLimiter::RateLimiter(Rule rule, SteadyClock clock, std::size_t max_keys)
    : rule_(rule), clock_(std::move(clock)) {
    if (!(rule_.capacity > 0) || !(rule_.refill_per_second >= 0) ||
        !std::isfinite(rule_.capacity) || !std::isfinite(rule_.refill_per_second))
        throw Error(ErrorCode::config,
                    "rate limit needs a positive capacity and a non-negative refill rate");
    if (max_keys < kShardCount)
        throw Error(ErrorCode::config, "rate limiter needs room for at least " +
                                           std::to_string(kShardCount) + " keys");
    table_ = std::make_unique<Table>(max_keys);
}

RateLimiter::~RateLimiter() = default;
RateLimiter::RateLimiter(RateLimiter&&) noexcept = default;
RateLimiter& RateLimiter::operator=(RateLimiter&&) noexcept = default;

RateLimiter::Decision RateLimiter::take(std::string_view key, double cost) {
    // A negative cost would mint tokens; NaN would poison the bucket. Both are bugs.
    if (!(cost >= 0) || !std::isfinite(cost))
        throw Error(ErrorCode::internal, "rate limiter cost must be a non-negative number");
    const auto now = clock_();
    const Rule rule = rule_;
    auto refill = [&](Bucket& b) {
        const double gained = seconds_between(b.updated, now) * rule.refill_per_second;
        b.tokens = std::min(rule.capacity, b.tokens + gained);
        b.updated = std::max(b.updated, now);
    };
    // A bucket back at capacity is what a new key would get, so it need not be kept.
    auto idle = [&](const Bucket& b) {
        const double gained = seconds_between(b.updated, now) * rule.refill_per_second;
        return b.tokens + gained + kTokenSlack >= rule.capacity;
    };
    return table_->update(key, idle, [&](Bucket& b, bool created) {
        if (created)
            b = {rule.capacity, now};
        refill(b);
        if (b.tokens + kTokenSlack >= cost) {
            b.tokens = std::max(0.0, b.tokens - cost);
            return Decision{true, b.tokens, milliseconds(0)};
        }
        if (cost > rule.capacity || rule.refill_per_second <= 0)
            return Decision{false, b.tokens, milliseconds::max()};
        // Bounded before the cast: a tiny refill rate must not overflow the integer.
        const double wait_ms = std::min((cost - b.tokens) / rule.refill_per_second * 1000, 1e15);
        const auto wait = milliseconds(static_cast<std::int64_t>(std::ceil(wait_ms)));
        return Decision{false, b.tokens, std::max(wait, milliseconds(1))};
    });
}

void RateLimiter::check(std::string_view key) {
    const Decision decision = take(key);
    if (decision.allowed)
        return;
    const int seconds = retry_seconds(decision.retry_after);
    throw RateLimited(seconds, retry_message("Too many requests.", seconds));
}

std::size_t RateLimiter::size() const {
    return table_->size();
}

// ---------------------------------------------------------------------------
// FailureBackoff

namespace {

struct Failures {
    int count = 0;
    Clock::time_point last{};
};

}  // namespace

struct FailureBackoff::Table : KeyedShards<Failures> {
    using KeyedShards::KeyedShards;
};

FailureBackoff::FailureBackoff(Policy policy, SteadyClock clock, std::size_t max_keys)
    : policy_(policy), clock_(std::move(clock)) {
    if (policy_.free_attempts < 0 || policy_.first_delay <= milliseconds(0) ||
        policy_.max_delay < policy_.first_delay)
        throw Error(ErrorCode::config,
                    "backoff needs free attempts >= 0 and 0 < first delay <= max delay");
    if (max_keys < kShardCount)
        throw Error(ErrorCode::config,
                    "backoff needs room for at least " + std::to_string(kShardCount) + " keys");
    table_ = std::make_unique<Table>(max_keys);
}

FailureBackoff::~FailureBackoff() = default;
FailureBackoff::FailureBackoff(FailureBackoff&&) noexcept = default;
FailureBackoff& FailureBackoff::operator=(FailureBackoff&&) noexcept = default;

namespace {

// The wait imposed after `count` failures, before counting time already served.
milliseconds delay_after(int count, const FailureBackoff::Policy& policy) {
    if (count <= policy.free_attempts)
        return milliseconds(0);
    milliseconds delay = policy.first_delay;
    for (int i = policy.free_attempts + 1; i < count && delay < policy.max_delay; ++i)
        delay *= 2;
    return std::min(delay, policy.max_delay);
}

}  // namespace

void FailureBackoff::record_failure(std::string_view key) {
    const auto now = clock_();
    const Policy policy = policy_;
    auto idle = [&](const Failures& f) { return f.count == 0 || now - f.last >= policy.max_delay; };
    table_->update(key, idle, [&](Failures& f, bool) {
        // A key idle past max_delay is forgotten on the next sweep; count it afresh now
        // so the outcome does not depend on when that sweep happens to run.
        if (f.count > 0 && now - f.last >= policy.max_delay)
            f.count = 0;
        // Saturate: past the cap the count no longer changes the wait.
        if (f.count <= policy.free_attempts + 64)
            ++f.count;
        f.last = std::max(f.last, now);
        return 0;
    });
}

void FailureBackoff::reset(std::string_view key) {
    table_->erase(key);
}

milliseconds FailureBackoff::wait_for(std::string_view key) const {
    const auto now = clock_();
    return table_->peek(key, [&](const Failures* f) {
        if (f == nullptr || now - f->last >= policy_.max_delay)
            return milliseconds(0);
        const auto until = f->last + delay_after(f->count, policy_);
        if (until <= now)
            return milliseconds(0);
        return std::chrono::ceil<milliseconds>(until - now);
    });
}

void FailureBackoff::check(std::string_view key) {
    const milliseconds wait = wait_for(key);
    if (wait <= milliseconds(0))
        return;
    const int seconds = retry_seconds(wait);
    throw RateLimited(seconds, retry_message("Too many failed attempts.", seconds));
}

std::size_t FailureBackoff::size() const {
    return table_->size();
}

}  // namespace vitae::http
