#pragma once
// SQL for the users table. Functions take a Connection so services can combine several
// repositories in one transaction (Database::write).
#include <cstdint>
#include <optional>
#include <string>

namespace vitae::store {

class Connection;

struct UserRow {
    std::int64_t id = 0;
    std::string email;
    std::string name;
    std::string role;  // "admin" | "member"
    std::optional<std::string> password_hash;
    bool disabled = false;
    std::optional<std::string> totp_secret;
    std::optional<std::int64_t> totp_last_step;
    std::string recovery_code_hashes = "[]";
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;
};

struct NewUser {
    std::string email;
    std::string name;
    std::string role;
    std::optional<std::string> password_hash;
};

class UserRepository {
  public:
    // Throws vitae::Error(conflict) when the email (case-insensitive) is taken.
    static std::int64_t insert(Connection& conn, const NewUser& user, std::int64_t now);
    static std::optional<UserRow> find_by_id(Connection& conn, std::int64_t id);
    static std::optional<UserRow> find_by_email(Connection& conn, std::string_view email);
};

}  // namespace vitae::store
