#pragma once
// Creating and looking up accounts: validation, password hashing, audit.
#include <cstdint>
#include <string>

#include "auth/password_hasher.hpp"
#include "auth/password_policy.hpp"
#include "auth/principal.hpp"

namespace vitae::store {
class Database;
}

namespace vitae::auth {

struct NewAccount {
    std::string email;
    std::string name;
    std::string role = "member";
    std::string password;
};

class AccountService {
  public:
    AccountService(store::Database& db, const PasswordHasher& hasher, const PasswordPolicy& policy);

    // Throws vitae::Error: bad_request naming the field, conflict for a taken email.
    std::int64_t create(const NewAccount& account, const Actor& actor);

  private:
    store::Database& db_;
    const PasswordHasher& hasher_;
    const PasswordPolicy& policy_;
};

// Lower-cased, trimmed email; throws vitae::Error(bad_request) when it is not one.
std::string normalize_email(std::string_view email);
// Trimmed display name; throws vitae::Error(bad_request) for control characters or > 100.
std::string normalize_name(std::string_view name);

std::int64_t unix_now();

}  // namespace vitae::auth
