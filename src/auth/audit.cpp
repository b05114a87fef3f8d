#include "auth/audit.hpp"

#include "store/audit_log_repository.hpp"
#include "store/database.hpp"

namespace vitae::auth {

void audit(store::Connection& conn, std::int64_t now, const Actor& actor, std::string_view action,
           std::string_view target, const nlohmann::json& detail) {
    store::AuditLogRepository::append(
        conn, {.at = now,
               .actor_user_id = actor.user_id,
               .actor = actor.label,
               .action = std::string(action),
               .target = std::string(target),
               .ip = actor.ip,
               .detail = detail.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)});
}

void AuditLog::record(const Actor& actor, std::string_view action, std::string_view target,
                      const nlohmann::json& detail) {
    auto now = clock_();
    db_.write([&](store::Connection& conn) { audit(conn, now, actor, action, target, detail); });
}

}  // namespace vitae::auth
