#include "api/health_handlers.hpp"

#include "core/clock.hpp"

#include <cstdint>
#include <nlohmann/json.hpp>

namespace vitae::api {

void register_health_routes(http::Router& router, const ops::Health& health) {
    router.get("/healthz", http::Access::public_,
               [&health](const httplib::Request&, httplib::Response& res) {
                   nlohmann::json body = {
                       {"status", "ok"},
                       {"timestamp", core::iso8601_utc(std::chrono::system_clock::now())},
                       {"version", health.version()},
                       {"uptime_s", static_cast<std::int64_t>(health.uptime_s())},
                   };
                   res.set_content(body.dump(), "application/json");
               });

    router.get("/readyz", http::Access::public_,
               [&health](const httplib::Request&, httplib::Response& res) {
                   bool ready = true;
                   nlohmann::json checks = nlohmann::json::object();
                   for (const auto& check : health.readiness()) {
                       ready = ready && check.ok;
                       checks[check.name] = {{"ok", check.ok}, {"detail", check.detail}};
                   }
                   nlohmann::json body = {
                       {"status", ready ? "ready" : "not_ready"},
                       {"timestamp", core::iso8601_utc(std::chrono::system_clock::now())},
                       {"checks", checks},
                   };
                   res.status = ready ? 200 : 503;
                   res.set_content(body.dump(), "application/json");
               });
}

}  // namespace vitae::api
