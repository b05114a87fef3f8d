#include "web/admin_settings_page.hpp"

#include "core/error.hpp"
#include "http/server.hpp"
#include "web/browser_session.hpp"

namespace vitae::web {

namespace {

// The checkbox sends "1" when ticked and nothing when not, as HTML forms do.
bool checked(const httplib::Request& req, const char* name) {
    std::string value = req.get_param_value(name);
    if (value.empty() || value == "0")
        return false;
    if (value == "1")
        return true;
    throw Error(ErrorCode::bad_request, "A setting was sent with a value it cannot have.");
}

}  // namespace

void register_admin_settings_page(http::Router& router, const AdminSettingsPage& p) {
    router.get(
        "/admin/settings", http::Access::admin,
        [p](const httplib::Request& req, httplib::Response& res, const auth::Principal& who) {
            Data data;
            data.set("require_admin_2fa", p.second_factor.required_for_admins());
            data.set("self_enrolled", p.second_factor.status(who).enabled);
            if (req.get_param_value("done") == "security")
                data.set("notice", "The security settings were saved.");
            send_html(res, p.views.page("admin_settings", "Settings", data, "/admin/settings",
                                        BrowserSessions::viewer(who)));
        });

    router.post(
        "/admin/settings/security", http::Access::admin,
        [p](const httplib::Request& req, httplib::Response& res, const auth::Principal& who) {
            p.second_factor.require_for_admins(checked(req, "require_admin_2fa"),
                                               auth::Actor::of(who, http::caller_ip(req)));
            res.set_redirect("/admin/settings?done=security", 303);
        });
}

}  // namespace vitae::web
