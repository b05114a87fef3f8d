#pragma once
// GET /: the home page (the dashboard grows with CVs and applications).
#include "applications/application_service.hpp"
#include "http/router.hpp"
#include "ops/health.hpp"
#include "web/browser_session.hpp"
#include "web/views.hpp"

namespace vitae::web {

// A signed-in member also sees the applications card (web/application_pages.hpp).
void register_home_page(http::Router& router, const Views& views, const ops::Health& health,
                        const BrowserSessions& browser,
                        applications::ApplicationService& applications);

// "3 d 4 h", "2 h 5 min", "42 s"
std::string format_uptime(double seconds);

}  // namespace vitae::web
