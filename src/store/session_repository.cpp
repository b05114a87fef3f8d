#include "store/session_repository.hpp"

#include "store/connection.hpp"
#include "store/statement.hpp"

namespace vitae::store {

void SessionRepository::insert(Connection& conn, const SessionRow& r) {
    conn.prepare(
            "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, ip, "
            "user_agent, second_factor_pending) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        .bind_all(r.id_hash, r.user_id, r.csrf_token, r.created_at, r.last_seen_at, r.ip,
                  r.user_agent, r.second_factor_pending)
        .exec();
}

std::optional<SessionRow> SessionRepository::find(Connection& conn, std::string_view id_hash) {
    auto s = conn.prepare(
        "SELECT id_hash, user_id, csrf_token, created_at, last_seen_at, ip, user_agent, "
        "second_factor_pending FROM sessions WHERE id_hash = ?1");
    s.bind_all(id_hash);
    if (!s.step())
        return std::nullopt;
    return SessionRow{s.column_text(0),  s.column_int64(1),     s.column_text(2),
                      s.column_int64(3), s.column_int64(4),     s.column_text(5),
                      s.column_text(6),  s.column_int64(7) != 0};
}

void SessionRepository::touch(Connection& conn, std::string_view id_hash, std::int64_t now) {
    conn.prepare("UPDATE sessions SET last_seen_at = ?2 WHERE id_hash = ?1")
        .bind_all(id_hash, now)
        .exec();
}

bool SessionRepository::rekey(Connection& conn, std::string_view old_hash, const SessionRow& r) {
    return conn.prepare(
                   "UPDATE sessions SET id_hash = ?2, csrf_token = ?3, last_seen_at = ?4, "
                   "second_factor_pending = ?5 WHERE id_hash = ?1")
               .bind_all(old_hash, r.id_hash, r.csrf_token, r.last_seen_at, r.second_factor_pending)
               .exec() == 1;
}

bool SessionRepository::remove(Connection& conn, std::string_view id_hash) {
    return conn.prepare("DELETE FROM sessions WHERE id_hash = ?1").bind_all(id_hash).exec() == 1;
}

std::int64_t SessionRepository::remove_for_user(Connection& conn, std::int64_t user_id,
                                                std::string_view keep_hash) {
    return conn.prepare("DELETE FROM sessions WHERE user_id = ?1 AND id_hash <> ?2")
        .bind_all(user_id, keep_hash)
        .exec();
}

std::int64_t SessionRepository::remove_expired(Connection& conn, std::int64_t idle_cutoff,
                                               std::int64_t absolute_cutoff) {
    return conn.prepare("DELETE FROM sessions WHERE last_seen_at < ?1 OR created_at < ?2")
        .bind_all(idle_cutoff, absolute_cutoff)
        .exec();
}

std::int64_t SessionRepository::count_for_user(Connection& conn, std::int64_t user_id) {
    auto s = conn.prepare("SELECT count(*) FROM sessions WHERE user_id = ?1");
    s.bind_all(user_id);
    s.step();
    return s.column_int64(0);
}

}  // namespace vitae::store
