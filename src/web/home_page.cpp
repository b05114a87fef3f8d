#include "web/home_page.hpp"

#include "web/application_pages.hpp"

namespace vitae::web {

std::string format_uptime(double seconds) {
    auto s = static_cast<long long>(seconds);
    long long d = s / 86400, h = s % 86400 / 3600, m = s % 3600 / 60;
    if (d > 0)
        return std::to_string(d) + " d " + std::to_string(h) + " h";
    if (h > 0)
        return std::to_string(h) + " h " + std::to_string(m) + " min";
    if (m > 0)
        return std::to_string(m) + " min";
    return std::to_string(s) + " s";
}

void register_home_page(http::Router& router, const Views& views, const ops::Health& health,
                        const BrowserSessions& browser,
                        applications::ApplicationService& applications) {
    router.get("/", http::Access::public_,
               [&views, &health, &browser, &applications](const httplib::Request& req,
                                                          httplib::Response& res) {
                   Viewer viewer = browser.viewer(req, res);
                   Data status;
                   status.set("database", health.database_status());
                   status.set("uptime", format_uptime(health.uptime_s()));
                   Data page;
                   page.set("status", status);
                   page.set("version", views.version());
                   page.set("signed_in", viewer.signed_in());
                   if (viewer.signed_in()) {
                       page.set("dashboard",
                                application_dashboard(applications, viewer.principal->user_id));
                   }
                   send_html(res, views.page("home", "Home", page, "/", viewer));
               });
}

}  // namespace vitae::web
