#pragma once
// SQL for personal API tokens. Only SHA-256 hashes of tokens are stored.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vitae::store {

class Connection;

struct ApiTokenRow {
    std::int64_t id = 0;
    std::int64_t user_id = 0;
    std::string name;
    std::string prefix;
    std::int64_t created_at = 0;
    std::optional<std::int64_t> last_used_at;
    std::optional<std::int64_t> revoked_at;
};

class ApiTokenRepository {
  public:
    static std::int64_t insert(Connection& conn, std::int64_t user_id, std::string_view name,
                               std::string_view token_hash, std::string_view prefix,
                               std::int64_t now);
    // The token with this hash, unless revoked.
    static std::optional<ApiTokenRow> find_active(Connection& conn, std::string_view token_hash);
    // Every token of the user, revoked ones included, newest first.
    static std::vector<ApiTokenRow> list_for_user(Connection& conn, std::int64_t user_id);
    static void touch(Connection& conn, std::int64_t id, std::int64_t now);
    // Returns false when the user has no such unrevoked token.
    static bool revoke(Connection& conn, std::int64_t user_id, std::int64_t id, std::int64_t now);
};

}  // namespace vitae::store
