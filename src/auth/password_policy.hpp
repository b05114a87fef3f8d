#pragma once
// What a new password must satisfy before it is hashed and stored.
#include <cstddef>
#include <string_view>

namespace vitae::auth {

// Length over complexity rules, as NIST SP 800-63B advises: at least 10 characters, no
// composition rules, and no password an attacker would try first.
class PasswordPolicy {
  public:
    // Counted in Unicode code points, so "éééééééééé" is 10, not 20.
    static constexpr std::size_t kMinCodePoints = 10;
    // Counted in bytes: argon2 pre-hashes the whole input, so an unbounded password is a
    // cheap way to make the server work; 1024 bytes still fits a long passphrase.
    static constexpr std::size_t kMaxBytes = 1024;

    // Throws vitae::Error(ErrorCode::bad_request) naming the first rule password breaks.
    // email is the account's address; the password may equal neither it nor the part
    // before the @ (compared ignoring ASCII case).
    void check(std::string_view password, std::string_view email) const;
};

}  // namespace vitae::auth
