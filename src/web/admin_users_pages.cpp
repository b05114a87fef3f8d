#include "web/admin_users_pages.hpp"

#include <functional>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "http/server.hpp"
#include "web/sign_in_pages.hpp"

namespace vitae::web {

namespace {

// Notices shown after a redirect (?done=…): fixed texts, so the query string cannot put
// words on the page.
const char* notice_for(std::string_view done) {
    if (done == "role")
        return "The role was changed. The person was signed out everywhere.";
    if (done == "disabled")
        return "The account was disabled. Its sessions ended and its API tokens stopped working.";
    if (done == "enabled")
        return "The account was enabled. The person can sign in again.";
    if (done == "deleted")
        return "The account and everything that belonged to it were deleted.";
    return nullptr;
}

const char* status_of(const auth::ManagedUser& user) {
    if (user.disabled)
        return "disabled";
    return user.invite_pending ? "invited" : "active";
}

const char* tone_of(const auth::ManagedUser& user) {
    if (user.disabled)
        return "error";
    return user.invite_pending ? "warn" : "success";
}

Data user_data(const auth::ManagedUser& user) {
    Data data;
    data.set("id", std::to_string(user.id));
    data.set("email", user.email);
    if (!user.name.empty())  // mustache treats "" as true in {{#name}}
        data.set("name", user.name);
    data.set("role", user.role);
    data.set("admin", user.role == "admin");
    data.set("disabled", user.disabled);
    data.set("status", status_of(user));
    data.set("status_tone", tone_of(user));
    data.set("two_factor", user.two_factor ? "on" : "off");
    data.set("created", core::format_utc(std::chrono::system_clock::time_point(
                                             std::chrono::seconds(user.created_at)),
                                         "%Y-%m-%d"));
    data.set("created_iso", core::iso8601_utc(user.created_at));
    return data;
}

Data list_data(const AdminUsersPages& p, const httplib::Request& req) {
    Data users{Data::type::list};
    auto all = p.users.list();
    for (const auto& user : all)
        users.push_back(user_data(user));
    Data data;
    data.set("users", users);
    data.set("count", std::to_string(all.size()));
    if (const char* notice = notice_for(req.get_param_value("done")))
        data.set("notice", notice);
    return data;
}

Data one_user_data(const AdminUsersPages& p, const httplib::Request& req,
                   const auth::Principal& who, std::int64_t id) {
    auto user = p.users.get(id);
    Data data;
    data.set("user", user_data(user));
    data.set("self", user.id == who.user_id);
    if (const char* notice = notice_for(req.get_param_value("done")))
        data.set("notice", notice);
    return data;
}

// A one-time link shown to the admin once (the one_time_link partial).
Data link_data(const std::string& heading, const std::string& message, const std::string& url) {
    Data link;
    link.set("heading", heading);
    link.set("message", message);
    link.set("url", url);
    return link;
}

// Secret links are in the page: no cache may keep a copy.
void send_secret_page(httplib::Response& res, std::string html) {
    res.set_header("Cache-Control", "no-store");
    send_html(res, std::move(html));
}

void register_list(http::Router& router, const AdminUsersPages& p) {
    router.get(
        "/admin/users", http::Access::admin,
        [p](const httplib::Request& req, httplib::Response& res, const auth::Principal& who) {
            send_html(res, p.views.page("admin_users", "Users", list_data(p, req), "/admin/users",
                                        BrowserSessions::viewer(who)));
        });

    router.post(
        "/admin/users", http::Access::admin,
        [p](const httplib::Request& req, httplib::Response& res, const auth::Principal& who) {
            Data data = list_data(p, req);
            Data form;
            form.set("email", req.get_param_value("email"));
            form.set("name", req.get_param_value("name"));
            form.set("admin", req.get_param_value("role") == "admin");
            data.set("form", form);
            auto viewer = BrowserSessions::viewer(who);
            handle_form(res, p.views, "admin_users", "Users", data, viewer, [&] {
                auto invitation = p.users.create(
                    req.get_param_value("email"), req.get_param_value("name"),
                    req.get_param_value("role"), auth::Actor::of(who, http::caller_ip(req)));
                Data shown = list_data(p, req);
                shown.set("link", link_data(invitation.user.email + " is invited",
                                            "Send this invite link to them.",
                                            auth::link_url(p.base_url, auth::LinkPurpose::invite,
                                                           invitation.link_token)));
                send_secret_page(
                    res, p.views.page("admin_users", "Users", shown, "/admin/users", viewer));
            });
        });
}

// A POST to /admin/users/{id}/<verb> that runs `action` and redirects back with the notice
// `done` (to the list once the account is gone). When the admins changed their own
// account, their session is gone: on to sign in again.
void register_action(http::Router& router, const AdminUsersPages& p, const std::string& verb,
                     const std::string& done,
                     std::function<void(const AdminUsersPages&, const httplib::Request&,
                                        std::int64_t, const auth::Actor&)>
                         action) {
    router.post(R"(/admin/users/(\d+)/)" + verb, http::Access::admin,
                [p, done, action](const httplib::Request& req, httplib::Response& res,
                                  const auth::Principal& who) {
                    auto id = http::path_id(req);
                    auto viewer = BrowserSessions::viewer(who);
                    handle_form(res, p.views, "admin_user", "User", one_user_data(p, req, who, id),
                                viewer, [&] {
                                    action(p, req, id, auth::Actor::of(who, http::caller_ip(req)));
                                    if (id == who.user_id && !p.browser.principal(req)) {
                                        p.browser.clear(res);
                                        res.set_redirect("/login", 303);
                                        return;
                                    }
                                    std::string back = done == "deleted"
                                                           ? "/admin/users"
                                                           : "/admin/users/" + std::to_string(id);
                                    res.set_redirect(back + "?done=" + done, 303);
                                });
                });
}

void register_user_page(http::Router& router, const AdminUsersPages& p) {
    router.get(
        R"(/admin/users/(\d+))", http::Access::admin,
        [p](const httplib::Request& req, httplib::Response& res, const auth::Principal& who) {
            auto id = http::path_id(req);
            send_html(res, p.views.page("admin_user", "User", one_user_data(p, req, who, id),
                                        "/admin/users", BrowserSessions::viewer(who)));
        });

    router.post(
        R"(/admin/users/(\d+)/reset)", http::Access::admin,
        [p](const httplib::Request& req, httplib::Response& res, const auth::Principal& who) {
            auto id = http::path_id(req);
            Data data = one_user_data(p, req, who, id);
            auto viewer = BrowserSessions::viewer(who);
            handle_form(res, p.views, "admin_user", "User", data, viewer, [&] {
                auto token = p.users.reset_password(id, auth::Actor::of(who, http::caller_ip(req)));
                data.set("link",
                         link_data("Password reset link",
                                   "Their sessions were signed out. Send this link to "
                                   "them to choose a new password.",
                                   auth::link_url(p.base_url, auth::LinkPurpose::reset, token)));
                send_secret_page(res,
                                 p.views.page("admin_user", "User", data, "/admin/users", viewer));
            });
        });
}

void register_user_actions(http::Router& router, const AdminUsersPages& p) {
    register_action(
        router, p, "role", "role",
        [](const AdminUsersPages& p, const httplib::Request& req, std::int64_t id,
           const auth::Actor& actor) { p.users.set_role(id, req.get_param_value("role"), actor); });
    register_action(router, p, "disable", "disabled",
                    [](const AdminUsersPages& p, const httplib::Request&, std::int64_t id,
                       const auth::Actor& actor) { p.users.set_disabled(id, true, actor); });
    register_action(router, p, "enable", "enabled",
                    [](const AdminUsersPages& p, const httplib::Request&, std::int64_t id,
                       const auth::Actor& actor) { p.users.set_disabled(id, false, actor); });
    register_action(router, p, "delete", "deleted",
                    [](const AdminUsersPages& p, const httplib::Request& req, std::int64_t id,
                       const auth::Actor& actor) {
                        p.users.remove(id, req.get_param_value("confirm_email"), actor);
                    });
}

}  // namespace

void register_admin_users_pages(http::Router& router, const AdminUsersPages& pages) {
    register_list(router, pages);
    register_user_page(router, pages);
    register_user_actions(router, pages);
}

}  // namespace vitae::web
