#include "store/upload_repository.hpp"

#include "store/connection.hpp"
#include "store/statement.hpp"

namespace vitae::store {

namespace {

constexpr const char* kColumns =
    "SELECT id, user_id, sha256, size, media_type, kind, original_name, cv_id, created_at "
    "FROM uploads ";

UploadRow read_row(const Statement& s) {
    return {s.column_int64(0), s.column_int64(1),          s.column_text(2),
            s.column_int64(3), s.column_text(4),           s.column_text(5),
            s.column_text(6),  s.column_optional_int64(7), s.column_int64(8)};
}

std::optional<UploadRow> first_row(Statement& stmt) {
    if (!stmt.step())
        return std::nullopt;
    return read_row(stmt);
}

}  // namespace

std::int64_t UploadRepository::insert(Connection& conn, const UploadRow& u) {
    conn.prepare(
            "INSERT INTO uploads (user_id, sha256, size, media_type, kind, original_name, "
            "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        .bind_all(u.user_id, u.sha256, u.size, u.media_type, u.kind, u.original_name, u.created_at)
        .exec();
    return conn.last_insert_rowid();
}

std::optional<UploadRow> UploadRepository::find(Connection& conn, std::int64_t user_id,
                                                std::int64_t id) {
    auto stmt = conn.prepare(std::string(kColumns) + "WHERE id = ?1 AND user_id = ?2");
    stmt.bind_all(id, user_id);
    return first_row(stmt);
}

std::optional<UploadRow> UploadRepository::find_by_cv(Connection& conn, std::int64_t user_id,
                                                      std::int64_t cv_id) {
    auto stmt = conn.prepare(std::string(kColumns) +
                             "WHERE cv_id = ?1 AND user_id = ?2 ORDER BY id DESC LIMIT 1");
    stmt.bind_all(cv_id, user_id);
    return first_row(stmt);
}

bool UploadRepository::link_cv(Connection& conn, std::int64_t user_id, std::int64_t id,
                               std::int64_t cv_id) {
    return conn.prepare(
                   "UPDATE uploads SET cv_id = ?3 WHERE id = ?1 AND user_id = ?2 AND cv_id IS NULL")
               .bind_all(id, user_id, cv_id)
               .exec() > 0;
}

std::vector<std::string> UploadRepository::delete_unsaved_before(Connection& conn,
                                                                 std::int64_t cutoff) {
    auto stmt = conn.prepare(
        "DELETE FROM uploads WHERE cv_id IS NULL AND created_at < ?1 RETURNING sha256");
    stmt.bind_all(cutoff);
    std::vector<std::string> hashes;
    while (stmt.step())
        hashes.push_back(stmt.column_text(0));
    return hashes;
}

bool UploadRepository::hash_in_use(Connection& conn, std::string_view sha256) {
    auto stmt = conn.prepare("SELECT 1 FROM uploads WHERE sha256 = ?1 LIMIT 1");
    stmt.bind_all(sha256);
    return stmt.step();
}

}  // namespace vitae::store
