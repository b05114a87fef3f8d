#pragma once
// SQL for two-factor enrolments that are started but not confirmed yet (one per user).
#include <cstdint>
#include <optional>
#include <string>

namespace vitae::store {

class Connection;

struct TotpEnrolmentRow {
    std::int64_t user_id = 0;
    std::string secret;  // base32
    std::int64_t created_at = 0;
};

class TotpEnrolmentRepository {
  public:
    // Starts the user's enrolment afresh: an earlier unconfirmed secret is replaced.
    static void put(Connection& conn, std::int64_t user_id, std::string_view secret,
                    std::int64_t now);
    static std::optional<TotpEnrolmentRow> find(Connection& conn, std::int64_t user_id);
    static void remove(Connection& conn, std::int64_t user_id);
};

}  // namespace vitae::store
