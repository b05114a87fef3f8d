#pragma once
// Wall-clock formatting. Vitae writes every time in UTC: logs, file names, API fields.
#include <chrono>
#include <string>

namespace vitae::core {

// strftime of t in UTC, e.g. format_utc(t, "%Y-%m-%d").
std::string format_utc(std::chrono::system_clock::time_point t, const char* strftime_format);

// "2026-11-22T15:31:27Z"
inline std::string iso8601_utc(std::chrono::system_clock::time_point t) {
    return format_utc(t, "%Y-%m-%dT%H:%M:%SZ");
}

}  // namespace vitae::core
