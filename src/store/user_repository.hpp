#pragma once
// SQL for the users table. Functions take a Connection so services can combine several
// repositories in one transaction (Database::write).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

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
    // Every user, admins first, then by email.
    static std::vector<UserRow> list(Connection& conn);
    static std::int64_t count(Connection& conn);
    // Admins who can sign in (enabled); the last of them must stay.
    static std::int64_t count_active_admins(Connection& conn);

    static void set_password(Connection& conn, std::int64_t id, std::string_view hash,
                             std::int64_t now);
    static void set_role(Connection& conn, std::int64_t id, std::string_view role,
                         std::int64_t now);
    static void set_disabled(Connection& conn, std::int64_t id, bool disabled, std::int64_t now);
    static void set_name(Connection& conn, std::int64_t id, std::string_view name,
                         std::int64_t now);
    // Two-factor state in one write: secret (NULL: off), last step, recovery hashes (JSON).
    static void set_second_factor(Connection& conn, std::int64_t id,
                                  const std::optional<std::string>& totp_secret,
                                  std::string_view recovery_code_hashes, std::int64_t now);
    static void set_totp_last_step(Connection& conn, std::int64_t id, std::int64_t step);
    static void set_recovery_code_hashes(Connection& conn, std::int64_t id,
                                         std::string_view json_array);
    // Deletes the user; their sessions, tokens and links go with them (ON DELETE CASCADE).
    static bool remove(Connection& conn, std::int64_t id);
};

}  // namespace vitae::store
