#include "api/admin_user_handlers.hpp"

#include <nlohmann/json.hpp>

#include "api/json_body.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "http/server.hpp"

namespace vitae::api {

namespace {

constexpr const char* kUsers = "/api/v1/admin/users";
constexpr const char* kUser = R"(/api/v1/admin/users/(\d+))";

nlohmann::json to_json(const auth::ManagedUser& user) {
    return {{"id", user.id},
            {"email", user.email},
            {"name", user.name},
            {"role", user.role},
            {"disabled", user.disabled},
            {"two_factor", user.two_factor},
            {"invite_pending", user.invite_pending},
            {"created_at", core::iso8601_utc(user.created_at)}};
}

void send_json(httplib::Response& res, const nlohmann::json& body, int status = 200) {
    res.status = status;
    // Invite and reset links are secrets: no cache may keep them.
    res.set_header("Cache-Control", "no-store");
    res.set_content(body.dump(), "application/json");
}

auth::Actor actor_of(const httplib::Request& req, const auth::Principal& who) {
    return auth::Actor::of(who, http::caller_ip(req));
}

void register_collection(http::Router& router, const AdminUserHandlers& h) {
    router.get(kUsers, http::Access::admin,
               [h](const httplib::Request&, httplib::Response& res, const auth::Principal&) {
                   auto users = nlohmann::json::array();
                   for (const auto& user : h.users.list())
                       users.push_back(to_json(user));
                   send_json(res, {{"users", users}});
               });

    router.post(
        kUsers, http::Access::admin,
        [h](const httplib::Request& req, httplib::Response& res, const auth::Principal& who) {
            JsonBody body(req, {"email", "name", "role"});
            auto invitation =
                h.users.create(body.required_text("email"), body.text("name").value_or(""),
                               body.text("role").value_or("member"), actor_of(req, who));
            auto out = to_json(invitation.user);
            out["invite_url"] =
                auth::link_url(h.base_url, auth::LinkPurpose::invite, invitation.link_token);
            res.set_header("Location",
                           std::string(kUsers) + "/" + std::to_string(invitation.user.id));
            send_json(res, out, 201);
        });
}

void register_member(http::Router& router, const AdminUserHandlers& h) {
    router.get(kUser, http::Access::admin,
               [h](const httplib::Request& req, httplib::Response& res, const auth::Principal&) {
                   send_json(res, to_json(h.users.get(http::path_id(req))));
               });

    router.put(
        kUser, http::Access::admin,
        [h](const httplib::Request& req, httplib::Response& res, const auth::Principal& who) {
            auto id = http::path_id(req);
            JsonBody body(req, {"role", "disabled", "name"});
            auto user = h.users.update(id,
                                       {.role = body.text("role"),
                                        .disabled = body.flag("disabled"),
                                        .name = body.text("name")},
                                       actor_of(req, who));
            send_json(res, to_json(user));
        });

    router.del(
        kUser, http::Access::admin,
        [h](const httplib::Request& req, httplib::Response& res, const auth::Principal& who) {
            auto id = http::path_id(req);
            if (!req.has_param("confirm")) {
                throw Error(ErrorCode::bad_request,
                            "Add ?confirm=<the user's email> to delete an account.");
            }
            h.users.remove(id, req.get_param_value("confirm"), actor_of(req, who));
            res.status = 204;
        });

    router.post(
        std::string(kUser) + "/reset", http::Access::admin,
        [h](const httplib::Request& req, httplib::Response& res, const auth::Principal& who) {
            auto id = http::path_id(req);
            auto token = h.users.reset_password(id, actor_of(req, who));
            send_json(res,
                      {{"reset_url", auth::link_url(h.base_url, auth::LinkPurpose::reset, token)}});
        });
}

}  // namespace

void register_admin_user_routes(http::Router& router, const AdminUserHandlers& handlers) {
    register_collection(router, handlers);
    register_member(router, handlers);
}

}  // namespace vitae::api
