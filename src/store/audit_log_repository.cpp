#include "store/audit_log_repository.hpp"

#include "store/connection.hpp"
#include "store/statement.hpp"

namespace vitae::store {

std::int64_t AuditLogRepository::append(Connection& conn, const AuditEntry& e) {
    conn.prepare(
            "INSERT INTO audit_log (at, actor_user_id, actor, action, target, ip, detail) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        .bind_all(e.at, e.actor_user_id, e.actor, e.action, e.target, e.ip, e.detail)
        .exec();
    return conn.last_insert_rowid();
}

}  // namespace vitae::store
