#pragma once
// The audit log: who did what, to whom, from where, when.
#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "auth/principal.hpp"
#include "core/clock.hpp"
#include "store/audit_log_repository.hpp"

namespace vitae::store {
class Connection;
class Database;
}  // namespace vitae::store

namespace vitae::auth {

// An entry written inside the caller's transaction, so the action and its record commit
// together or not at all.
void audit(store::Connection& conn, std::int64_t now, const Actor& actor, std::string_view action,
           std::string_view target, const nlohmann::json& detail = nlohmann::json::object());

// A search as an admin types it (query-string text); AuditLog::list checks every field.
// Empty fields do not filter.
struct AuditSearch {
    std::string action{};  // exact, or a prefix when it ends with "." ("signin.")
    std::string actor{};   // part of the actor's label (email, "cli"), ignoring ASCII case
    std::string target{};  // part of the target, ignoring ASCII case
    std::string ip{};      // exact, or a prefix when it ends with "." or ":" ("10.0.")
    std::string from{};    // YYYY-MM-DD, UTC: the first day shown
    std::string to{};      // YYYY-MM-DD, UTC: the last day shown
    std::string before{};  // an entry id: only older entries (the "older" link)
    std::string limit{};   // entries per page, 1..200 (default 50)

    // The fields read by name (the query parameter names) from `param`.
    static AuditSearch from_params(const std::function<std::string(const char*)>& param);
};

struct AuditResults {
    store::AuditPage page{};
    std::int64_t total = 0;  // entries matching on every page
};

class AuditLog {
  public:
    static constexpr std::size_t kMaxFilterBytes = 200;
    static constexpr int kDefaultLimit = 50;

    explicit AuditLog(store::Database& db, core::UnixClock clock = core::unix_now)
        : db_(db), clock_(std::move(clock)) {}

    // For events that change nothing else (a refused attempt, a throttled client).
    void record(const Actor& actor, std::string_view action, std::string_view target,
                const nlohmann::json& detail = nlohmann::json::object());

    // Throws vitae::Error(bad_request) naming the first field that is not acceptable.
    AuditResults list(const AuditSearch& search) const;

    // Deletes entries older than keep_days days; returns how many.
    std::int64_t prune(int keep_days);

  private:
    store::Database& db_;
    core::UnixClock clock_;
};

}  // namespace vitae::auth
