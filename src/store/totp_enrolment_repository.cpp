#include "store/totp_enrolment_repository.hpp"

#include "store/connection.hpp"
#include "store/statement.hpp"

namespace vitae::store {

void TotpEnrolmentRepository::put(Connection& conn, std::int64_t user_id, std::string_view secret,
                                  std::int64_t now) {
    conn.prepare(
            "INSERT INTO totp_enrolments (user_id, secret, created_at) VALUES (?1, ?2, ?3) "
            "ON CONFLICT(user_id) DO UPDATE SET secret = excluded.secret, "
            "created_at = excluded.created_at")
        .bind_all(user_id, secret, now)
        .exec();
}

std::optional<TotpEnrolmentRow> TotpEnrolmentRepository::find(Connection& conn,
                                                              std::int64_t user_id) {
    auto s =
        conn.prepare("SELECT user_id, secret, created_at FROM totp_enrolments WHERE user_id = ?1");
    s.bind_all(user_id);
    if (!s.step())
        return std::nullopt;
    return TotpEnrolmentRow{s.column_int64(0), s.column_text(1), s.column_int64(2)};
}

void TotpEnrolmentRepository::remove(Connection& conn, std::int64_t user_id) {
    conn.prepare("DELETE FROM totp_enrolments WHERE user_id = ?1").bind_all(user_id).exec();
}

}  // namespace vitae::store
