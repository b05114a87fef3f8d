#pragma once
// The audit log: who did what, to whom, from where, when.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string_view>

#include "auth/principal.hpp"
#include "core/clock.hpp"

namespace vitae::store {
class Connection;
class Database;
}  // namespace vitae::store

namespace vitae::auth {

// An entry written inside the caller's transaction, so the action and its record commit
// together or not at all.
void audit(store::Connection& conn, std::int64_t now, const Actor& actor, std::string_view action,
           std::string_view target, const nlohmann::json& detail = nlohmann::json::object());

// For events that change nothing else (a refused attempt, a throttled client).
class AuditLog {
  public:
    explicit AuditLog(store::Database& db, core::UnixClock clock = core::unix_now)
        : db_(db), clock_(std::move(clock)) {}

    void record(const Actor& actor, std::string_view action, std::string_view target,
                const nlohmann::json& detail = nlohmann::json::object());

  private:
    store::Database& db_;
    core::UnixClock clock_;
};

}  // namespace vitae::auth
