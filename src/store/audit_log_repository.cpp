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

std::vector<AuditEntry> AuditLogRepository::list(Connection& conn, const AuditFilter& f) {
    // NULL parameters switch their condition off, so one statement serves every filter.
    auto stmt = conn.prepare(
        "SELECT id, at, actor_user_id, actor, action, target, ip, detail FROM audit_log "
        "WHERE (?1 IS NULL OR action = ?1) AND (?2 IS NULL OR actor_user_id = ?2) "
        "ORDER BY id DESC LIMIT ?3");
    stmt.bind_all(f.action, f.actor_user_id, f.limit);
    std::vector<AuditEntry> rows;
    while (stmt.step()) {
        rows.push_back({stmt.column_int64(0), stmt.column_int64(1), stmt.column_optional_int64(2),
                        stmt.column_text(3), stmt.column_text(4), stmt.column_text(5),
                        stmt.column_text(6), stmt.column_text(7)});
    }
    return rows;
}

std::int64_t AuditLogRepository::prune(Connection& conn, std::int64_t before) {
    return conn.prepare("DELETE FROM audit_log WHERE at < ?1").bind_all(before).exec();
}

}  // namespace vitae::store
