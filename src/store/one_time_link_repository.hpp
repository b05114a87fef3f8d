#pragma once
// SQL for one-time links: the first-run setup link, invites and password resets.
#include <cstdint>
#include <optional>
#include <string>

namespace vitae::store {

class Connection;

struct OneTimeLinkRow {
    std::string token_hash;
    std::string purpose;  // "setup" | "invite" | "reset"
    std::optional<std::int64_t> user_id;
    std::int64_t created_at = 0;
    std::int64_t expires_at = 0;
    std::optional<std::int64_t> used_at;
};

class OneTimeLinkRepository {
  public:
    static void insert(Connection& conn, const OneTimeLinkRow& row);
    static std::optional<OneTimeLinkRow> find(Connection& conn, std::string_view token_hash);
    // Spends the link; false when it was already spent (a concurrent use won).
    static bool mark_used(Connection& conn, std::string_view token_hash, std::int64_t now);
    // Withdraws the unused links of a purpose (for a user, or the setup links when
    // user_id is empty), so only the newest one works.
    static std::int64_t withdraw(Connection& conn, std::string_view purpose,
                                 std::optional<std::int64_t> user_id);
};

}  // namespace vitae::store
