#include "api/audit_handlers.hpp"

#include <nlohmann/json.hpp>

namespace vitae::api {

namespace {

nlohmann::json entry_json(const store::AuditEntry& e) {
    // Written by audit() as a JSON object; should one ever not parse, it goes out as text.
    auto detail = nlohmann::json::parse(e.detail, nullptr, false);
    if (detail.is_discarded())
        detail = e.detail;
    return {{"id", e.id},
            {"at", core::iso8601_utc(e.at)},
            {"actor", e.actor},
            {"actor_user_id", e.actor_user_id ? nlohmann::json(*e.actor_user_id) : nullptr},
            {"action", e.action},
            {"target", e.target},
            {"ip", e.ip},
            {"detail", detail}};
}

}  // namespace

// Query parameters as on /admin/audit: action, actor, target, ip, from, to (YYYY-MM-DD,
// UTC), before (the next_before_id of the previous page), limit (1..200).
void register_audit_routes(http::Router& router, const auth::AuditLog& audit) {
    router.get(
        "/api/v1/admin/audit", http::Access::admin,
        http::AuthedHandler(
            [&audit](const httplib::Request& req, httplib::Response& res, const auth::Principal&) {
                auto results = audit.list(auth::AuditSearch::from_params(
                    [&req](const char* name) { return req.get_param_value(name); }));
                nlohmann::json entries = nlohmann::json::array();
                for (const auto& entry : results.page.entries)
                    entries.push_back(entry_json(entry));
                nlohmann::json body = {
                    {"entries", entries},
                    {"next_before_id", results.page.next_before_id
                                           ? nlohmann::json(*results.page.next_before_id)
                                           : nullptr},
                    {"total", results.total}};
                res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                                "application/json");
            }));
}

}  // namespace vitae::api
