#pragma once
// SQL for the audit log: who did what, to whom, from where, when.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vitae::store {

class Connection;

struct AuditEntry {
    std::int64_t id = 0;
    std::int64_t at = 0;
    std::optional<std::int64_t> actor_user_id{};
    std::string actor{};   // email at the time, or "system" / "cli"
    std::string action{};  // "user.create", "signin.failure", "token.create", …
    std::string target{};
    std::string ip{};
    std::string detail = "{}";  // JSON object
};

// Every condition is optional; the ones given must all hold.
struct AuditFilter {
    std::optional<std::string> action{};         // equal
    std::optional<std::string> action_prefix{};  // starts with ("signin.")
    std::optional<std::string> actor{};          // contains, ignoring ASCII case
    std::optional<std::string> target{};         // contains, ignoring ASCII case
    std::optional<std::string> ip{};             // equal
    std::optional<std::string> ip_prefix{};      // starts with ("10.0.")
    std::optional<std::int64_t> from{};          // at >= from
    std::optional<std::int64_t> until{};         // at < until
    std::optional<std::int64_t> before_id{};     // id < before_id: the next page (keyset)
    int limit = 50;                              // clamped to 1..kMaxLimit
};

struct AuditPage {
    std::vector<AuditEntry> entries{};             // newest first
    std::optional<std::int64_t> next_before_id{};  // set when older entries match too
};

class AuditLogRepository {
  public:
    static constexpr int kMaxLimit = 200;

    static std::int64_t append(Connection& conn, const AuditEntry& entry);
    // Newest first (by id, which follows insertion order).
    static AuditPage list(Connection& conn, const AuditFilter& filter);
    // Entries matching the filter on every page (before_id and limit are ignored).
    static std::int64_t count(Connection& conn, const AuditFilter& filter);
    // Deletes entries written before `cutoff` (unix seconds); returns how many.
    static std::int64_t prune(Connection& conn, std::int64_t cutoff);
};

}  // namespace vitae::store
