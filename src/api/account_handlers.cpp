#include "api/account_handlers.hpp"

#include <nlohmann/json.hpp>

namespace vitae::api {

void register_account_routes(http::Router& router) {
    router.get(
        "/api/v1/me", http::Access::member,
        http::AuthedHandler(
            [](const httplib::Request&, httplib::Response& res, const auth::Principal& me) {
                nlohmann::json body = {
                    {"id", me.user_id}, {"email", me.email}, {"name", me.name}, {"role", me.role}};
                res.set_content(body.dump(), "application/json");
            }));
}

}  // namespace vitae::api
