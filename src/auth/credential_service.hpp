#pragma once
// Passwords after account creation: checking them at sign-in, changing them, and setting
// them through an invite or reset link.
#include <cstdint>
#include <string>

#include "auth/one_time_links.hpp"
#include "auth/password_hasher.hpp"
#include "auth/password_policy.hpp"
#include "auth/principal.hpp"
#include "core/clock.hpp"

namespace vitae::store {
class Database;
}

namespace vitae::auth {

struct PasswordCheck {
    std::int64_t user_id = 0;
    bool second_factor_due = false;  // the account has TOTP on: ask for a code next
};

// The one message for every failed sign-in, so the answer does not tell whether the
// email has an account.
inline constexpr const char* kSignInFailed = "The email or password is not right.";
// When a signed-in person re-enters their password to confirm a change, and it is wrong.
inline constexpr const char* kWrongCurrentPassword = "The current password is not right.";

class CredentialService {
  public:
    CredentialService(store::Database& db, const PasswordHasher& hasher,
                      const PasswordPolicy& policy, OneTimeLinks& links,
                      core::UnixClock clock = core::unix_now);

    // Throws vitae::Error(bad_request) for an email that is not one or a password over
    // PasswordPolicy::kMaxBytes, and Error(unauthorized, kSignInFailed) for an unknown
    // email, a wrong password, a disabled account or one whose invite is unused, after
    // the same argon2 work in each case. Audits the outcome (signin.success when no
    // second factor is due, signin.password when one is, signin.failure).
    PasswordCheck check_password(std::string_view email, std::string_view password,
                                 const std::string& ip);

    // Whether `password` is the user's password now: the re-check before a sensitive
    // change to a signed-in account. Costs one argon2 verification either way.
    bool is_current_password(std::int64_t user_id, std::string_view password) const;

    // Throws Error(bad_request) when `current` is wrong or `next` breaks the policy.
    // Audits password.change. Sessions are the caller's business (see SessionService).
    void change_password(const Principal& who, std::string_view current, std::string_view next,
                         const std::string& ip);

    // Sets the password of the invite or reset link's user, spending the link. Throws
    // Error(forbidden) for a bad link, Error(bad_request) for a bad password. Returns the
    // user id; audits password.set_by_link.
    std::int64_t set_password_by_link(std::string_view token, LinkPurpose purpose,
                                      std::string_view password, const std::string& ip);

  private:
    store::Database& db_;
    const PasswordHasher& hasher_;
    const PasswordPolicy& policy_;
    OneTimeLinks& links_;
    core::UnixClock clock_;
};

}  // namespace vitae::auth
