#pragma once
// Creating and looking up accounts: validation, password hashing, audit.
#include <cstdint>
#include <functional>
#include <string>

#include "auth/password_hasher.hpp"
#include "auth/password_policy.hpp"
#include "auth/principal.hpp"
#include "core/clock.hpp"

namespace vitae::store {
class Database;
class Connection;
}  // namespace vitae::store

namespace vitae::auth {

struct NewAccount {
    std::string email;
    std::string name;
    std::string role = "member";
    std::string password;
};

class AccountService {
  public:
    AccountService(store::Database& db, const PasswordHasher& hasher, const PasswordPolicy& policy,
                   core::UnixClock clock = core::unix_now);

    // Throws vitae::Error: bad_request naming the field, conflict for a taken email.
    // `also` runs in the same transaction before the insert (to spend a setup link, say);
    // if it throws, nothing is created.
    std::int64_t create(const NewAccount& account, const Actor& actor,
                        const std::function<void(store::Connection&)>& also = {});

  private:
    store::Database& db_;
    const PasswordHasher& hasher_;
    const PasswordPolicy& policy_;
    core::UnixClock clock_;
};

// Lower-cased, trimmed email; throws vitae::Error(bad_request) when it is not one.
std::string normalize_email(std::string_view email);
// Trimmed display name; throws vitae::Error(bad_request) for control characters or > 100.
std::string normalize_name(std::string_view name);
// "admin" or "member"; throws vitae::Error(bad_request) for anything else.
std::string normalize_role(std::string_view role);

}  // namespace vitae::auth
