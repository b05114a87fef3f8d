#pragma once
// GET /: the home page (the dashboard arrives with accounts and CVs).
#include "http/router.hpp"
#include "ops/health.hpp"
#include "web/views.hpp"

namespace vitae::web {

void register_home_page(http::Router& router, const Views& views, const ops::Health& health);

// "3 d 4 h", "2 h 5 min", "42 s"
std::string format_uptime(double seconds);

}  // namespace vitae::web
