#include "api/member_data_handlers.hpp"

#include "core/error.hpp"

namespace vitae::api {

void register_member_data_routes(http::Router& router, backup::MemberArchive& archive) {
    router.get(
        "/api/v1/me/export", http::Access::member,
        [&archive](const httplib::Request&, httplib::Response& res, const auth::Principal& me) {
            res.set_header("Cache-Control", "no-store");
            res.set_content(archive.export_all(me.user_id).dump(), "application/json");
        });

    router.post(
        "/api/v1/me/import", http::Access::member,
        [&archive](const httplib::Request& req, httplib::Response& res, const auth::Principal& me) {
            auto body = nlohmann::json::parse(req.body, nullptr, false);
            if (body.is_discarded())
                throw Error(ErrorCode::bad_request, "The request body is not valid JSON (UTF-8).");
            auto counts = archive.import_all(me.user_id, body);
            nlohmann::json out = {
                {"imported", {{"cvs", counts.cvs}, {"applications", counts.applications}}}};
            res.status = 201;
            res.set_content(out.dump(), "application/json");
        });
}

}  // namespace vitae::api
