#pragma once
// Two-factor sign-in with TOTP (RFC 6238) and one-time recovery codes: enrolling, signing
// in with a code, turning it off, and the admin setting that makes it mandatory for admins.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/principal.hpp"
#include "auth/totp.hpp"
#include "core/clock.hpp"

namespace vitae::store {
class Connection;
class Database;
}  // namespace vitae::store

namespace vitae::auth {

class CredentialService;

// What the account pages show about a person's two-factor sign-in.
struct SecondFactorStatus {
    bool enabled = false;
    std::size_t recovery_codes_left = 0;
    // The secret of an enrolment started but not confirmed yet (and not expired).
    std::optional<std::string> pending_secret;
    // An admin while admins must use two-factor: they may not turn it off.
    bool required = false;
};

class SecondFactor {
  public:
    // settings key: "1" when every admin must sign in with a second factor.
    static constexpr std::string_view kRequireAdminSetting = "require_admin_2fa";
    // How long a started enrolment waits for its confirming code: time enough to install
    // an authenticator app and scan, short enough that a forgotten one does not linger.
    static constexpr std::int64_t kEnrolmentTtlS = 30 * 60;

    SecondFactor(store::Database& db, const CredentialService& credentials,
                 core::UnixClock clock = core::unix_now)
        : db_(db), credentials_(credentials), clock_(std::move(clock)) {}

    // The second step of signing in: `code` is the current TOTP code of the user's
    // authenticator, or one of their unused recovery codes. An accepted TOTP code
    // records its step, so it cannot be replayed; an accepted recovery code is spent.
    // Audits signin.success (with the method) or signin.failure. Returns whether the
    // code was accepted; a user without two-factor never passes.
    bool verify_sign_in(std::int64_t user_id, std::string_view code, const std::string& ip);

    SecondFactorStatus status(const Principal& who);

    // Enrolment, step 1: a fresh secret, kept server-side as the user's pending enrolment
    // (replacing an earlier one) and returned for the QR code. Two-factor stays off until
    // confirm_enrolment(). Throws Error(conflict) when it is already on.
    std::string start_enrolment(const Principal& who);

    // Enrolment, step 2: `code` must be the pending secret's code for now (±1 step), which
    // proves the authenticator holds it. Turns two-factor on, records the code's step as
    // used and returns the new recovery codes: the only time they exist in plain. Throws
    // Error(bad_request) for a wrong code or no pending enrolment, Error(conflict) when it
    // is already on. Audits 2fa.enable.
    std::vector<std::string> confirm_enrolment(const Principal& who, std::string_view code,
                                               const std::string& ip);

    // Needs the current password. Throws Error(forbidden) for an admin while admins must
    // use two-factor, Error(bad_request) for a wrong password or when it is off. Audits
    // 2fa.disable.
    void disable(const Principal& who, std::string_view password, const std::string& ip);

    // New recovery codes replacing all unused ones; needs the current password. Throws
    // Error(bad_request) for a wrong password or when two-factor is off. Audits
    // 2fa.recovery_codes.
    std::vector<std::string> regenerate_recovery_codes(const Principal& who,
                                                       std::string_view password,
                                                       const std::string& ip);

    bool required_for_admins();
    // Audits settings.require_admin_2fa.
    void require_for_admins(bool on, const Actor& actor);

    // Whether `who` must enrol before anything else: an admin without two-factor while
    // it is required for admins.
    bool enrolment_owed(const Principal& who);

  private:
    void check_password(const Principal& who, std::string_view password) const;

    store::Database& db_;
    const CredentialService& credentials_;
    core::UnixClock clock_;
    Totp totp_;
};

}  // namespace vitae::auth
