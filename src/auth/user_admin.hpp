#pragma once
// What administrators do to other people's accounts: invite, reset, disable, change role,
// delete. Every change is audited in its own transaction, and the last enabled admin is
// protected inside that transaction, so two concurrent requests cannot both remove it.
//
// Decisions (README, "Users"): an admin may demote or disable themselves while
// another enabled admin remains, but may not delete their own account here (one wrong
// click would lose the account with its data; another admin can) nor reset their own
// password (the account page changes it without signing them out).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/one_time_links.hpp"
#include "auth/principal.hpp"
#include "core/clock.hpp"

namespace vitae::store {
class Database;
class Connection;
struct UserRow;
}  // namespace vitae::store

namespace vitae::auth {

// An account as administrators see it: never a secret, a hash or a second-factor seed.
struct ManagedUser {
    std::int64_t id = 0;
    std::string email;
    std::string name;
    std::string role;
    bool disabled = false;
    bool two_factor = false;
    bool invite_pending = false;  // no password yet: the invite link has not been used
    std::int64_t created_at = 0;
};

struct Invitation {
    ManagedUser user;
    std::string link_token;  // the invite link's secret; shown once, only its hash is stored
};

// The fields an update may change; an empty field stays as it is.
struct UserChange {
    std::optional<std::string> role = std::nullopt;
    std::optional<bool> disabled = std::nullopt;
    std::optional<std::string> name = std::nullopt;
};

class UserAdmin {
  public:
    UserAdmin(store::Database& db, OneTimeLinks& links, core::UnixClock clock = core::unix_now)
        : db_(db), links_(links), clock_(std::move(clock)) {}

    // Admins first, then by email.
    std::vector<ManagedUser> list();
    std::optional<ManagedUser> find(std::int64_t user_id);
    // find(), or Error(not_found).
    ManagedUser get(std::int64_t user_id);

    // A new account without a password and its invite link (72 h), in one transaction.
    // Throws Error(bad_request) naming the field, Error(conflict) for a taken email.
    // Audits user.create and user.invite.
    Invitation create(std::string_view email, std::string_view name, std::string_view role,
                      const Actor& actor);

    // A new reset link (72 h); the user's older reset and invite links stop working and
    // their sessions end. Returns the link's secret. Throws Error(conflict) for the
    // actor's own account (that is the account page's job). Audits user.reset.
    std::string reset_password(std::int64_t user_id, const Actor& actor);

    // Applies every field of `change` at once, or none. Disabling or changing the role
    // ends the user's sessions (a privilege change gets a new session). Throws
    // Error(conflict) when it would leave no enabled admin, Error(bad_request) for a bad
    // role or name, Error(not_found). Audits user.disable / user.enable, user.role and
    // user.rename for what actually changed. Returns the user as it is now.
    ManagedUser update(std::int64_t user_id, const UserChange& change, const Actor& actor);
    ManagedUser set_disabled(std::int64_t user_id, bool disabled, const Actor& actor) {
        return update(user_id, {.disabled = disabled}, actor);
    }
    ManagedUser set_role(std::int64_t user_id, std::string_view role, const Actor& actor) {
        return update(user_id, {.role = std::string(role)}, actor);
    }

    // Deletes the user and everything that is theirs (sessions, tokens, links and, by
    // cascade, their data) when confirm_email is their email. Throws Error(bad_request)
    // when it is not, Error(conflict) for the last enabled admin or for the actor's own
    // account. Audits user.delete.
    void remove(std::int64_t user_id, std::string_view confirm_email, const Actor& actor);

  private:
    store::UserRow require(store::Connection& conn, std::int64_t user_id);

    store::Database& db_;
    OneTimeLinks& links_;
    core::UnixClock clock_;
};

// Why the last enabled admin cannot go: shown by the panel and the API.
inline constexpr const char* kLastAdminMessage =
    "This is the last administrator who can sign in. Make another account an enabled "
    "administrator first.";

}  // namespace vitae::auth
