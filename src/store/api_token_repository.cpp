#include "store/api_token_repository.hpp"

#include "store/connection.hpp"
#include "store/statement.hpp"

namespace vitae::store {

namespace {

constexpr const char* kColumns =
    "id, user_id, name, prefix, created_at, last_used_at, revoked_at FROM api_tokens";

ApiTokenRow read_row(const Statement& s) {
    return {s.column_int64(0),         s.column_int64(1), s.column_text(2),
            s.column_text(3),          s.column_int64(4), s.column_optional_int64(5),
            s.column_optional_int64(6)};
}

}  // namespace

std::int64_t ApiTokenRepository::insert(Connection& conn, std::int64_t user_id,
                                        std::string_view name, std::string_view token_hash,
                                        std::string_view prefix, std::int64_t now) {
    conn.prepare(
            "INSERT INTO api_tokens (user_id, name, token_hash, prefix, created_at) "
            "VALUES (?1, ?2, ?3, ?4, ?5)")
        .bind_all(user_id, name, token_hash, prefix, now)
        .exec();
    return conn.last_insert_rowid();
}

std::optional<ApiTokenRow> ApiTokenRepository::find_active(Connection& conn,
                                                           std::string_view token_hash) {
    auto stmt = conn.prepare(std::string("SELECT ") + kColumns +
                             " WHERE token_hash = ?1 AND revoked_at IS NULL");
    stmt.bind_all(token_hash);
    if (!stmt.step())
        return std::nullopt;
    return read_row(stmt);
}

std::vector<ApiTokenRow> ApiTokenRepository::list_for_user(Connection& conn, std::int64_t user_id) {
    auto stmt = conn.prepare(std::string("SELECT ") + kColumns +
                             " WHERE user_id = ?1 ORDER BY created_at DESC, id DESC");
    stmt.bind_all(user_id);
    std::vector<ApiTokenRow> rows;
    while (stmt.step())
        rows.push_back(read_row(stmt));
    return rows;
}

void ApiTokenRepository::touch(Connection& conn, std::int64_t id, std::int64_t now) {
    conn.prepare("UPDATE api_tokens SET last_used_at = ?2 WHERE id = ?1").bind_all(id, now).exec();
}

bool ApiTokenRepository::revoke(Connection& conn, std::int64_t user_id, std::int64_t id,
                                std::int64_t now) {
    return conn.prepare(
                   "UPDATE api_tokens SET revoked_at = ?3 "
                   "WHERE id = ?1 AND user_id = ?2 AND revoked_at IS NULL")
               .bind_all(id, user_id, now)
               .exec() > 0;
}

}  // namespace vitae::store
