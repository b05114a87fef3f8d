#include "web/api_token_pages.hpp"

#include <charconv>

#include "core/error.hpp"
#include "http/server.hpp"
#include "web/sign_in_pages.hpp"

namespace vitae::web {

namespace {

// The {id} of /account/tokens/{id}/revoke; an id no token can have when it overflows.
std::int64_t token_id(const httplib::Request& req) {
    const std::string& digits = req.matches[1].str();
    std::int64_t id = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
    if (ec != std::errc() || end != digits.data() + digits.size())
        return 0;
    return id;
}

}  // namespace

void register_api_token_pages(http::Router& router, const AccountPage& p) {
    router.post(
        "/account/tokens", http::Access::member,
        [p](const httplib::Request& req, httplib::Response& res, const auth::Principal& who) {
            auth::CreatedToken created;
            try {
                created = p.tokens.create(who.user_id, req.get_param_value("name"),
                                          auth::Actor::of(who, http::caller_ip(req)));
            } catch (const Error& e) {
                if (e.code() != ErrorCode::bad_request)
                    throw;
                Data data = account_data(p, req, who);
                data.set("token_name", req.get_param_value("name"));
                send_form_error(res, p.views, "account", "Account", data,
                                BrowserSessions::viewer(who), 400, e.what());
                return;
            }
            // In this response only, never through a redirect: the plain token
            // exists nowhere else, and the page is served no-store.
            Data data = account_data(p, req, who);
            data.set("new_token", created.token);
            send_account_page(res, p, data, who);
        });

    router.post(
        R"(/account/tokens/(\d+)/revoke)", http::Access::member,
        [p](const httplib::Request& req, httplib::Response& res, const auth::Principal& who) {
            // Scoped to the caller's own tokens: someone else's id is "no such token",
            // not "forbidden", so ids reveal nothing.
            if (!p.tokens.revoke(who.user_id, token_id(req),
                                 auth::Actor::of(who, http::caller_ip(req))))
                throw Error(ErrorCode::not_found, "You have no active token with that id.");
            res.set_redirect("/account?done=token-revoked#tokens", 303);
        });
}

}  // namespace vitae::web
