#pragma once
// Times on pages, UTC like everything Vitae shows.
#include <cstdint>

#include "web/views.hpp"

namespace vitae::web {

// {iso: "2027-01-15T07:46:40Z", text: "2027-01-15 07:46 UTC"}, for
// <time datetime="{{iso}}">{{text}}</time>.
Data moment(std::int64_t unix_seconds);

}  // namespace vitae::web
