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
    std::optional<std::int64_t> actor_user_id;
    std::string actor;   // email at the time, or "system" / "cli"
    std::string action;  // "user.create", "signin.failure", "token.create", …
    std::string target;
    std::string ip;
    std::string detail = "{}";  // JSON object
};

class AuditLogRepository {
  public:
    static std::int64_t append(Connection& conn, const AuditEntry& entry);
};

}  // namespace vitae::store
