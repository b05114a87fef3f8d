#pragma once
// SQL for browser sessions. Rows are keyed by the SHA-256 of the cookie value, so a copy
// of the database does not hand out live sessions.
#include <cstdint>
#include <optional>
#include <string>

namespace vitae::store {

class Connection;

struct SessionRow {
    std::string id_hash;
    std::int64_t user_id = 0;
    std::string csrf_token;
    std::int64_t created_at = 0;
    std::int64_t last_seen_at = 0;
    std::string ip;
    std::string user_agent;
    bool second_factor_pending = false;
};

class SessionRepository {
  public:
    static void insert(Connection& conn, const SessionRow& row);
    static std::optional<SessionRow> find(Connection& conn, std::string_view id_hash);
    static void touch(Connection& conn, std::string_view id_hash, std::int64_t now);
    // Moves the session to a new id and CSRF token (privilege change); false if it is gone.
    static bool rekey(Connection& conn, std::string_view old_hash, const SessionRow& replacement);
    static bool remove(Connection& conn, std::string_view id_hash);
    // Every session of the user but `keep_hash` (empty: all). Returns how many went.
    static std::int64_t remove_for_user(Connection& conn, std::int64_t user_id,
                                        std::string_view keep_hash = {});
    // Sessions idle since before idle_cutoff or created before absolute_cutoff.
    static std::int64_t remove_expired(Connection& conn, std::int64_t idle_cutoff,
                                       std::int64_t absolute_cutoff);
    static std::int64_t count_for_user(Connection& conn, std::int64_t user_id);
};

}  // namespace vitae::store
