#include "web/moment.hpp"

#include "core/clock.hpp"

namespace vitae::web {

Data moment(std::int64_t unix_seconds) {
    auto t = std::chrono::system_clock::time_point(std::chrono::seconds(unix_seconds));
    Data data;
    data.set("iso", core::iso8601_utc(t));
    data.set("text", core::format_utc(t, "%Y-%m-%d %H:%M UTC"));
    return data;
}

}  // namespace vitae::web
