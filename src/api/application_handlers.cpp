#include "api/application_handlers.hpp"

#include <nlohmann/json.hpp>

#include "api/json_body.hpp"
#include "applications/application_json.hpp"
#include "core/error.hpp"

namespace vitae::api {

namespace {

using applications::ApplicationInput;
using nlohmann::json;

constexpr const char* kApplications = "/api/v1/applications";
constexpr const char* kApplication = R"(/api/v1/applications/(\d+))";
// A job description of 100 000 characters is up to 400 kB of UTF-8; the rest is small.
constexpr std::size_t kMaxBody = 1024 * 1024;

void send_json(httplib::Response& res, const json& body, int status = 200) {
    res.status = status;
    res.set_header("Cache-Control", "no-store");  // applications are personal data
    res.set_content(body.dump(), "application/json");
}

// The size is checked before parsing: a huge body must not cost a parse first.
ApplicationInput input_of(const httplib::Request& req) {
    if (req.body.size() > kMaxBody)
        throw Error(ErrorCode::payload_too_large, "The request body is larger than 1 MiB.");
    JsonBody body(
        req, {"company", "role", "location", "job_url", "salary", "source", "status", "saved_on",
              "applied_on", "follow_up_on", "contacts", "notes", "job_description", "cv_id"});
    return applications::input_from_json(body.all());
}

void register_collection(http::Router& router, applications::ApplicationService& apps) {
    router.get(kApplications, http::Access::member,
               [&apps](const httplib::Request&, httplib::Response& res, const auth::Principal& me) {
                   auto list = json::array();
                   for (const auto& a : apps.list(me.user_id))
                       list.push_back(applications::to_json(a, false));
                   send_json(res, {{"applications", list}});
               });

    router.post(
        kApplications, http::Access::member,
        [&apps](const httplib::Request& req, httplib::Response& res, const auth::Principal& me) {
            auto created = apps.create(me.user_id, input_of(req));
            res.set_header("Location",
                           std::string(kApplications) + "/" + std::to_string(created.id));
            send_json(res, applications::to_json(created, true), 201);
        });
}

void register_member(http::Router& router, applications::ApplicationService& apps) {
    router.get(
        kApplication, http::Access::member,
        [&apps](const httplib::Request& req, httplib::Response& res, const auth::Principal& me) {
            send_json(res, applications::to_json(apps.get(me.user_id, http::path_id(req)), true));
        });

    router.put(
        kApplication, http::Access::member,
        [&apps](const httplib::Request& req, httplib::Response& res, const auth::Principal& me) {
            auto id = http::path_id(req);
            apps.get(me.user_id, id);  // a stranger's id is 404 before any word on the body
            send_json(res, applications::to_json(apps.update(me.user_id, id, input_of(req)), true));
        });

    router.del(
        kApplication, http::Access::member,
        [&apps](const httplib::Request& req, httplib::Response& res, const auth::Principal& me) {
            apps.remove(me.user_id, http::path_id(req));
            res.status = 204;
        });
}

}  // namespace

void register_application_routes(http::Router& router,
                                 applications::ApplicationService& applications) {
    register_collection(router, applications);
    register_member(router, applications);
}

}  // namespace vitae::api
