#pragma once
// Wall-clock time. Vitae writes every time in UTC: logs, file names, API fields.
// Services that decide by the time (expiry, idle timeouts) take a UnixClock, so tests can
// move time forward instead of sleeping.
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace vitae::core {

// Seconds since 1970-01-01 UTC.
using UnixClock = std::function<std::int64_t()>;

std::int64_t unix_now();

// strftime of t in UTC, e.g. format_utc(t, "%Y-%m-%d").
std::string format_utc(std::chrono::system_clock::time_point t, const char* strftime_format);

// "2026-11-22T15:31:27Z"
inline std::string iso8601_utc(std::chrono::system_clock::time_point t) {
    return format_utc(t, "%Y-%m-%dT%H:%M:%SZ");
}

// The same for unix seconds.
inline std::string iso8601_utc(std::int64_t unix_seconds) {
    return iso8601_utc(std::chrono::system_clock::time_point(std::chrono::seconds(unix_seconds)));
}

// The inverse of iso8601_utc(unix seconds): nullopt unless text is exactly
// "YYYY-MM-DDTHH:MM:SSZ" naming a real moment.
std::optional<std::int64_t> parse_iso8601_utc(std::string_view text);

}  // namespace vitae::core
