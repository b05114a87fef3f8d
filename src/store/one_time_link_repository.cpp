#include "store/one_time_link_repository.hpp"

#include "store/connection.hpp"
#include "store/statement.hpp"

namespace vitae::store {

void OneTimeLinkRepository::insert(Connection& conn, const OneTimeLinkRow& r) {
    conn.prepare(
            "INSERT INTO one_time_links (token_hash, purpose, user_id, created_at, expires_at) "
            "VALUES (?1, ?2, ?3, ?4, ?5)")
        .bind_all(r.token_hash, r.purpose, r.user_id, r.created_at, r.expires_at)
        .exec();
}

std::optional<OneTimeLinkRow> OneTimeLinkRepository::find(Connection& conn,
                                                          std::string_view token_hash) {
    auto s = conn.prepare(
        "SELECT token_hash, purpose, user_id, created_at, expires_at, used_at "
        "FROM one_time_links WHERE token_hash = ?1");
    s.bind_all(token_hash);
    if (!s.step())
        return std::nullopt;
    return OneTimeLinkRow{s.column_text(0),  s.column_text(1),  s.column_optional_int64(2),
                          s.column_int64(3), s.column_int64(4), s.column_optional_int64(5)};
}

bool OneTimeLinkRepository::mark_used(Connection& conn, std::string_view token_hash,
                                      std::int64_t now) {
    return conn.prepare(
                   "UPDATE one_time_links SET used_at = ?2 "
                   "WHERE token_hash = ?1 AND used_at IS NULL")
               .bind_all(token_hash, now)
               .exec() == 1;
}

std::int64_t OneTimeLinkRepository::withdraw(Connection& conn, std::string_view purpose,
                                             std::optional<std::int64_t> user_id) {
    return conn
        .prepare(
            "DELETE FROM one_time_links WHERE purpose = ?1 AND used_at IS NULL "
            "AND user_id IS ?2")
        .bind_all(purpose, user_id)
        .exec();
}

}  // namespace vitae::store
