#pragma once
// Two-factor sign-in with TOTP (RFC 6238) and one-time recovery codes.
#include <cstdint>
#include <string>

#include "auth/totp.hpp"
#include "core/clock.hpp"

namespace vitae::store {
class Database;
}

namespace vitae::auth {

class SecondFactor {
  public:
    SecondFactor(store::Database& db, core::UnixClock clock = core::unix_now)
        : db_(db), clock_(std::move(clock)) {}

    // The second step of signing in: `code` is the current TOTP code of the user's
    // authenticator, or one of their unused recovery codes. An accepted TOTP code
    // records its step, so it cannot be replayed; an accepted recovery code is spent.
    // Audits signin.success (with the method) or signin.failure. Returns whether the
    // code was accepted; a user without two-factor never passes.
    bool verify_sign_in(std::int64_t user_id, std::string_view code, const std::string& ip);

  private:
    store::Database& db_;
    core::UnixClock clock_;
    Totp totp_;
};

}  // namespace vitae::auth
