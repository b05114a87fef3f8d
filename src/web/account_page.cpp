#include "web/account_page.hpp"

#include "core/clock.hpp"
#include "core/error.hpp"
#include "http/middleware.hpp"
#include "http/server.hpp"
#include "web/moment.hpp"
#include "web/sign_in_pages.hpp"

namespace vitae::web {

namespace {

// Notices shown after a redirect back to the page (?done=…): fixed texts, so the query
// string cannot put words on the page.
const char* notice_for(std::string_view done) {
    if (done == "password")
        return "Your password was changed. Your other sessions were signed out.";
    if (done == "imported")
        return "Your data was imported: the CVs and applications of the file were added.";
    if (done == "token-revoked")
        return "The token was revoked. Scripts using it are refused from now on.";
    return nullptr;
}

Data token_list(auth::ApiTokenService& tokens, std::int64_t user_id) {
    Data list{Data::type::list};
    for (const auto& row : tokens.list_for_user(user_id)) {
        Data item;
        item.set("id", std::to_string(row.id));
        item.set("name", row.name);
        item.set("prefix", row.prefix);
        item.set("created", moment(row.created_at));
        if (row.last_used_at)
            item.set("last_used", moment(*row.last_used_at));
        if (row.revoked_at)
            item.set("revoked", moment(*row.revoked_at));
        list.push_back(item);
    }
    return list;
}

}  // namespace

Data account_data(const AccountPage& p, const httplib::Request& req, const auth::Principal& who) {
    Data data;
    data.set("email", who.email);
    data.set("name", who.name);
    data.set("has_name", !who.name.empty());  // kainjow treats "" as true in sections
    data.set("role", who.role);
    data.set("password_label", "New password");
    if (const char* notice = notice_for(req.get_param_value("done")))
        data.set("notice", notice);
    auto second_factor = p.second_factor.status(who);
    data.set("two_factor_on", second_factor.enabled);
    data.set("recovery_codes_left", std::to_string(second_factor.recovery_codes_left));
    Data tokens = token_list(p.tokens, who.user_id);
    data.set("has_tokens", !tokens.is_empty_list());
    data.set("tokens", tokens);
    return data;
}

void send_account_page(httplib::Response& res, const AccountPage& p, const Data& data,
                       const auth::Principal& who, int status) {
    send_html(res,
              p.views.page("account", "Account", data, "/account", BrowserSessions::viewer(who)),
              status);
}

void register_account_page(http::Router& router, const AccountPage& p) {
    router.get(
        "/account", http::Access::member,
        [p](const httplib::Request& req, httplib::Response& res, const auth::Principal& who) {
            send_account_page(res, p, account_data(p, req, who), who);
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
                send_form_error(res, p.views, "account", "Account", account_data(p, req, who),
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
