#include "store/cv_share_repository.hpp"

#include "store/connection.hpp"
#include "store/statement.hpp"

namespace vitae::store {

namespace {

constexpr const char* kColumns =
    "SELECT s.id, s.cv_id, c.user_id, s.name, s.password_hash, s.created_at, s.expires_at, "
    "s.revoked_at, s.view_count, s.last_viewed_at FROM cv_shares s JOIN cvs c ON c.id = s.cv_id ";

CvShareRow read_row(const Statement& s) {
    return {s.column_int64(0),          s.column_int64(1),          s.column_int64(2),
            s.column_text(3),           s.column_optional_text(4),  s.column_int64(5),
            s.column_optional_int64(6), s.column_optional_int64(7), s.column_int64(8),
            s.column_optional_int64(9)};
}

}  // namespace

std::int64_t CvShareRepository::insert(Connection& conn, const NewCvShareRow& share,
                                       std::int64_t now) {
    conn.prepare(
            "INSERT INTO cv_shares (cv_id, name, token_hash, password_hash, created_at, "
            "expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .bind_all(share.cv_id, share.name, share.token_hash, share.password_hash, now,
                  share.expires_at)
        .exec();
    return conn.last_insert_rowid();
}

std::optional<CvShareRow> CvShareRepository::find_by_token_hash(Connection& conn,
                                                                std::string_view token_hash) {
    auto stmt = conn.prepare(std::string(kColumns) + "WHERE s.token_hash = ?1");
    stmt.bind_all(token_hash);
    if (!stmt.step())
        return std::nullopt;
    return read_row(stmt);
}

std::vector<CvShareRow> CvShareRepository::list_for_cv(Connection& conn, std::int64_t cv_id) {
    auto stmt = conn.prepare(std::string(kColumns) +
                             "WHERE s.cv_id = ?1 ORDER BY s.created_at DESC, s.id DESC");
    stmt.bind_all(cv_id);
    std::vector<CvShareRow> rows;
    while (stmt.step())
        rows.push_back(read_row(stmt));
    return rows;
}

bool CvShareRepository::revoke(Connection& conn, std::int64_t cv_id, std::int64_t id,
                               std::int64_t now) {
    bool revoked = conn.prepare(
                           "UPDATE cv_shares SET revoked_at = ?3 "
                           "WHERE id = ?1 AND cv_id = ?2 AND revoked_at IS NULL")
                       .bind_all(id, cv_id, now)
                       .exec() > 0;
    if (revoked)
        conn.prepare("DELETE FROM cv_share_grants WHERE share_id = ?1").bind_all(id).exec();
    return revoked;
}

void CvShareRepository::record_view(Connection& conn, std::int64_t id, std::int64_t now) {
    conn.prepare(
            "UPDATE cv_shares SET view_count = view_count + 1, last_viewed_at = ?2 WHERE id = ?1")
        .bind_all(id, now)
        .exec();
}

void CvShareRepository::insert_grant(Connection& conn, std::int64_t share_id,
                                     std::string_view grant_hash, std::int64_t expires_at,
                                     std::int64_t now) {
    conn.prepare("DELETE FROM cv_share_grants WHERE share_id = ?1 AND expires_at <= ?2")
        .bind_all(share_id, now)
        .exec();
    conn.prepare(
            "INSERT INTO cv_share_grants (grant_hash, share_id, expires_at) VALUES (?1, ?2, ?3)")
        .bind_all(grant_hash, share_id, expires_at)
        .exec();
}

bool CvShareRepository::grant_valid(Connection& conn, std::int64_t share_id,
                                    std::string_view grant_hash, std::int64_t now) {
    auto stmt = conn.prepare(
        "SELECT 1 FROM cv_share_grants WHERE grant_hash = ?1 AND share_id = ?2 AND expires_at > "
        "?3");
    stmt.bind_all(grant_hash, share_id, now);
    return stmt.step();
}

}  // namespace vitae::store
