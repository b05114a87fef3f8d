#include "core/clock.hpp"

#include <charconv>
#include <ctime>

namespace vitae::core {

std::int64_t unix_now() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string format_utc(std::chrono::system_clock::time_point t, const char* strftime_format) {
    std::time_t secs = std::chrono::system_clock::to_time_t(t);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char buf[64];
    std::size_t n = std::strftime(buf, sizeof buf, strftime_format, &tm);
    return std::string(buf, n);
}

namespace {

// The number of `width` digits at text[at], or -1.
int digits_at(std::string_view text, std::size_t at, std::size_t width) {
    int n = 0;
    const char* first = text.data() + at;
    auto [end, ec] = std::from_chars(first, first + width, n);
    return ec == std::errc() && end == first + width ? n : -1;
}

}  // namespace

std::optional<std::int64_t> parse_iso8601_utc(std::string_view text) {
    constexpr std::string_view kShape = "dddd-dd-ddTdd:dd:ddZ";
    if (text.size() != kShape.size())
        return std::nullopt;
    for (std::size_t i = 0; i < kShape.size(); ++i) {
        bool digit = text[i] >= '0' && text[i] <= '9';
        if (kShape[i] == 'd' ? !digit : text[i] != kShape[i])
            return std::nullopt;
    }
    using namespace std::chrono;
    year_month_day day{year(digits_at(text, 0, 4)), month(digits_at(text, 5, 2)),
                       std::chrono::day(digits_at(text, 8, 2))};
    int h = digits_at(text, 11, 2), m = digits_at(text, 14, 2), s = digits_at(text, 17, 2);
    if (!day.ok() || h > 23 || m > 59 || s > 59)
        return std::nullopt;
    return static_cast<std::int64_t>(sys_days(day).time_since_epoch().count()) * 86400 + h * 3600 +
           m * 60 + s;
}

}  // namespace vitae::core
