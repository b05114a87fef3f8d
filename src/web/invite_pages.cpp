#include "web/invite_pages.hpp"

#include "core/error.hpp"
#include "core/log.hpp"
#include "http/server.hpp"
#include "web/sign_in_pages.hpp"

namespace vitae::web {

namespace {

struct LinkPage {
    auth::LinkPurpose purpose;
    const char* path;
    const char* title;
    const char* lead;
};

constexpr LinkPage kInvite{auth::LinkPurpose::invite, "/invite", "Welcome to Vitae",
                           "Choose a password for your new account. This link works once."};
constexpr LinkPage kReset{auth::LinkPurpose::reset, "/reset", "Set a new password",
                          "Choose a new password for your account. This link works once."};

// The account a live link is for; a dead link is a 403 that gives no reason away.
auth::ManagedUser link_holder(const InvitePages& p, const LinkPage& page,
                              const std::string& token) {
    auto link = p.links.peek(token, page.purpose);
    auto user = link && link->user_id ? p.users.find(*link->user_id) : std::nullopt;
    if (!user)
        throw Error(ErrorCode::forbidden, auth::kLinkInvalidMessage);
    return *user;
}

Data form_data(const LinkPage& page, const std::string& token, const std::string& email) {
    Data data;
    data.set("heading", page.title);
    data.set("lead", page.lead);
    data.set("action", page.path);
    data.set("token", token);
    data.set("email", email);
    return data;
}

// The person proved they hold the link: sign them in, in a new session. An account with
// two-factor still owes its code, so a leaked link alone does not open it.
void sign_in_after_link(const InvitePages& p, const httplib::Request& req, httplib::Response& res,
                        const auth::ManagedUser& user) {
    if (auto old = p.browser.cookie(req); !old.empty())
        p.browser.sessions().end(old);
    if (user.disabled) {
        res.set_redirect("/login", 303);
        return;
    }
    p.browser.begin(res, p.browser.sessions().start(user.id, client_of(req), user.two_factor));
    res.set_redirect(user.two_factor ? "/login/two-factor" : "/", 303);
}

void submit_password(const InvitePages& p, const LinkPage& page, const httplib::Request& req,
                     httplib::Response& res) {
    std::string ip = http::caller_ip(req);
    std::string token = req.get_param_value("token");
    p.throttle.check("ip:" + ip, "");
    auth::ManagedUser user;
    try {
        user = link_holder(p, page, token);
    } catch (const Error& e) {
        if (e.code() != ErrorCode::forbidden)
            throw;
        std::string purpose(auth::to_string(page.purpose));
        audit_throttle(p.audit, p.throttle.record_failure("ip:" + ip, ""), purpose, ip,
                       purpose + "_link");
        throw;
    }
    Viewer viewer{std::nullopt, p.browser.anonymous_csrf(req)};
    handle_form(res, p.views, "set_password", page.title, form_data(page, token, user.email),
                viewer, [&] {
                    if (req.get_param_value("password") != req.get_param_value("password_confirm"))
                        throw Error(ErrorCode::bad_request, "The two passwords are not the same.");
                    p.credentials.set_password_by_link(token, page.purpose,
                                                       req.get_param_value("password"), ip);
                    log::info("password set through a link",
                              {{"user_id", user.id}, {"link", std::string(page.path)}});
                    sign_in_after_link(p, req, res, user);
                });
}

void register_link_page(http::Router& router, const InvitePages& p, const LinkPage& page) {
    router.get(page.path, http::Access::public_,
               [p, page](const httplib::Request& req, httplib::Response& res) {
                   std::string token = req.get_param_value("token");
                   auto user = link_holder(p, page, token);
                   res.set_header("Cache-Control", "no-store");
                   // Public forms are checked against the anonymous CSRF cookie, even in a
                   // browser that is signed in as somebody else.
                   Viewer viewer = p.browser.anonymous_viewer(req, res);
                   send_html(res,
                             p.views.page("set_password", page.title,
                                          form_data(page, token, user.email), page.path, viewer));
               });
    router
        .post(page.path, http::Access::public_,
              [p, page](const httplib::Request& req, httplib::Response& res) {
                  submit_password(p, page, req, res);
              })
        .limit(p.rate);
}

}  // namespace

void register_invite_pages(http::Router& router, const InvitePages& pages) {
    register_link_page(router, pages, kInvite);
    register_link_page(router, pages, kReset);
}

}  // namespace vitae::web
