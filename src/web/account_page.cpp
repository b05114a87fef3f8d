#include "web/account_page.hpp"

#include "core/error.hpp"
#include "http/middleware.hpp"
#include "http/server.hpp"
#include "web/sign_in_pages.hpp"

namespace vitae::web {

namespace {

// Notices shown after a redirect back to the page (?done=…): fixed texts, so the query
// string cannot put words on the page.
const char* notice_for(std::string_view done) {
    if (done == "password")
        return "Your password was changed. Your other sessions were signed out.";
    return nullptr;
}

Data account_data(const httplib::Request& req, const auth::Principal& who) {
    Data data;
    data.set("email", who.email);
    data.set("name", who.name);
    data.set("role", who.role);
    data.set("password_label", "New password");
    if (const char* notice = notice_for(req.get_param_value("done")))
        data.set("notice", notice);
    return data;
}

}  // namespace

void register_account_page(http::Router& router, const AccountPage& p) {
    router.get(
        "/account", http::Access::member,
        [p](const httplib::Request& req, httplib::Response& res, const auth::Principal& who) {
            send_html(res, p.views.page("account", "Account", account_data(req, who), "/account",
                                        BrowserSessions::viewer(who)));
        });

    router.post(
        "/account/password", http::Access::member,
        [p](const httplib::Request& req, httplib::Response& res, const auth::Principal& who) {
            try {
                if (req.get_param_value("password") != req.get_param_value("password_confirm"))
                    throw Error(ErrorCode::bad_request, "The two new passwords are not the same.");
                p.credentials.change_password(who, req.get_param_value("current_password"),
                                              req.get_param_value("password"),
                                              http::caller_ip(req));
            } catch (const Error& e) {
                if (e.code() != ErrorCode::bad_request)
                    throw;
                send_form_error(res, p.views, "account", "Account", account_data(req, who),
                                BrowserSessions::viewer(who), 400, e.what());
                return;
            }
            // Whoever else held a session with the old password is out; this
            // browser stays in under a new session id.
            std::string cookie = p.browser.cookie(req);
            p.browser.sessions().end_all(who.user_id, cookie);
            if (auto issued = p.browser.sessions().rotate(cookie))
                p.browser.begin(res, *issued);
            res.set_redirect("/account?done=password", 303);
        });

    router.post(
        "/account/sign-out-everywhere", http::Access::member,
        [p](const httplib::Request& req, httplib::Response& res, const auth::Principal& who) {
            auto ended = p.browser.sessions().end_all(who.user_id);
            p.audit.record(auth::Actor::of(who, http::caller_ip(req)), "signout.everywhere",
                           who.email, {{"sessions", ended}});
            p.browser.clear(res);
            res.set_redirect("/login", 303);
        });
}

}  // namespace vitae::web
