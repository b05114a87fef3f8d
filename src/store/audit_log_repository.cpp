#include "store/audit_log_repository.hpp"

#include <algorithm>

#include "store/connection.hpp"
#include "store/statement.hpp"

namespace vitae::store {

namespace {

// A NULL parameter switches its condition off, so one cached statement serves every
// combination of filters. Substrings are matched with instr(), not LIKE, so '%' and '_'
// typed into a filter are plain characters.
constexpr const char* kWhere =
    " WHERE (?1 IS NULL OR action = ?1)"
    " AND (?2 IS NULL OR substr(action, 1, length(?2)) = ?2)"
    " AND (?3 IS NULL OR instr(lower(actor), lower(?3)) > 0)"
    " AND (?4 IS NULL OR instr(lower(target), lower(?4)) > 0)"
    " AND (?5 IS NULL OR ip = ?5)"
    " AND (?6 IS NULL OR substr(ip, 1, length(?6)) = ?6)"
    " AND (?7 IS NULL OR at >= ?7)"
    " AND (?8 IS NULL OR at < ?8)";
constexpr int kWhereParameters = 8;

void bind_conditions(Statement& stmt, const AuditFilter& f) {
    stmt.bind(1, f.action)
        .bind(2, f.action_prefix)
        .bind(3, f.actor)
        .bind(4, f.target)
        .bind(5, f.ip)
        .bind(6, f.ip_prefix)
        .bind(7, f.from)
        .bind(8, f.until);
}

AuditEntry read_entry(const Statement& stmt) {
    return {stmt.column_int64(0), stmt.column_int64(1), stmt.column_optional_int64(2),
            stmt.column_text(3),  stmt.column_text(4),  stmt.column_text(5),
            stmt.column_text(6),  stmt.column_text(7)};
}

}  // namespace

std::int64_t AuditLogRepository::append(Connection& conn, const AuditEntry& e) {
    conn.prepare(
            "INSERT INTO audit_log (at, actor_user_id, actor, action, target, ip, detail) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        .bind_all(e.at, e.actor_user_id, e.actor, e.action, e.target, e.ip, e.detail)
        .exec();
    return conn.last_insert_rowid();
}

AuditPage AuditLogRepository::list(Connection& conn, const AuditFilter& f) {
    static const std::string kSql =
        std::string(
            "SELECT id, at, actor_user_id, actor, action, target, ip, detail "
            "FROM audit_log") +
        kWhere + " AND (?9 IS NULL OR id < ?9) ORDER BY id DESC LIMIT ?10";
    auto stmt = conn.prepare(kSql);
    bind_conditions(stmt, f);
    // One entry more than shown tells whether an "older" link leads anywhere.
    std::size_t limit = std::clamp(f.limit, 1, kMaxLimit);
    stmt.bind(kWhereParameters + 1, f.before_id).bind(kWhereParameters + 2, limit + 1);
    AuditPage page;
    while (stmt.step())
        page.entries.push_back(read_entry(stmt));
    if (page.entries.size() > limit) {
        page.entries.resize(limit);
        page.next_before_id = page.entries.back().id;
    }
    return page;
}

std::int64_t AuditLogRepository::count(Connection& conn, const AuditFilter& f) {
    static const std::string kSql = std::string("SELECT count(*) FROM audit_log") + kWhere;
    auto stmt = conn.prepare(kSql);
    bind_conditions(stmt, f);
    stmt.step();
    return stmt.column_int64(0);
}

std::int64_t AuditLogRepository::prune(Connection& conn, std::int64_t cutoff) {
    return conn.prepare("DELETE FROM audit_log WHERE at < ?1").bind_all(cutoff).exec();
}

}  // namespace vitae::store
