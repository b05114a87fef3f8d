#include "web/home_page.hpp"

#include <doctest/doctest.h>

namespace vitae::web {
namespace {

TEST_CASE("format_uptime_shows_seconds_below_a_minute") {
    CHECK(format_uptime(0) == "0 s");
    CHECK(format_uptime(59) == "59 s");
    CHECK(format_uptime(59.9) == "59 s");
}

TEST_CASE("format_uptime_shows_minutes_below_an_hour") {
    CHECK(format_uptime(60) == "1 min");
    CHECK(format_uptime(3599) == "59 min");
}

TEST_CASE("format_uptime_shows_hours_and_minutes_below_a_day") {
    CHECK(format_uptime(3600) == "1 h 0 min");
    CHECK(format_uptime(86399) == "23 h 59 min");
}

TEST_CASE("format_uptime_shows_days_and_hours_from_a_day") {
    CHECK(format_uptime(86400) == "1 d 0 h");
    CHECK(format_uptime(3 * 86400 + 4 * 3600 + 59) == "3 d 4 h");
}

}  // namespace
}  // namespace vitae::web
