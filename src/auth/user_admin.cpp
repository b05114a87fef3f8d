#include "auth/user_admin.hpp"

#include "auth/account_service.hpp"
#include "auth/audit.hpp"
#include "core/error.hpp"
#include "core/log.hpp"
#include "store/database.hpp"
#include "store/one_time_link_repository.hpp"
#include "store/session_repository.hpp"
#include "store/user_repository.hpp"

namespace vitae::auth {

namespace {

ManagedUser managed(const store::UserRow& row) {
    return {row.id,
            row.email,
            row.name,
            row.role,
            row.disabled,
            row.totp_secret.has_value(),
            !row.password_hash.has_value(),
            row.created_at};
}

bool is_active_admin(const store::UserRow& row) {
    return row.role == "admin" && !row.disabled;
}

// Called inside the write transaction that is about to take `row` out of the enabled
// admins: the count it reads cannot change before the commit.
void keep_an_admin(store::Connection& conn, const store::UserRow& row) {
    if (is_active_admin(row) && store::UserRepository::count_active_admins(conn) <= 1)
        throw Error(ErrorCode::conflict, kLastAdminMessage);
}

// The confirmation typed by an admin matches when it is the same address, whatever its
// case or surrounding spaces; anything that is not an address does not match.
bool confirms(std::string_view typed, const std::string& email) {
    try {
        return normalize_email(typed) == email;
    } catch (const Error&) {
        return false;
    }
}

}  // namespace

std::vector<ManagedUser> UserAdmin::list() {
    auto rows = db_.read([](store::Connection& conn) { return store::UserRepository::list(conn); });
    std::vector<ManagedUser> out;
    out.reserve(rows.size());
    for (const auto& row : rows)
        out.push_back(managed(row));
    return out;
}

std::optional<ManagedUser> UserAdmin::find(std::int64_t user_id) {
    auto row = db_.read(
        [&](store::Connection& conn) { return store::UserRepository::find_by_id(conn, user_id); });
    if (!row)
        return std::nullopt;
    return managed(*row);
}

ManagedUser UserAdmin::get(std::int64_t user_id) {
    auto user = find(user_id);
    if (!user)
        throw Error(ErrorCode::not_found, "There is no such user.");
    return *user;
}

store::UserRow UserAdmin::require(store::Connection& conn, std::int64_t user_id) {
    auto row = store::UserRepository::find_by_id(conn, user_id);
    if (!row)
        throw Error(ErrorCode::not_found, "There is no such user.");
    return *row;
}

Invitation UserAdmin::create(std::string_view email, std::string_view name, std::string_view role,
                             const Actor& actor) {
    store::NewUser user{normalize_email(email), normalize_name(name), normalize_role(role),
                        std::nullopt};
    auto now = clock_();
    auto invitation = db_.write([&](store::Connection& conn) {
        auto id = store::UserRepository::insert(conn, user, now);
        auto token = links_.issue(conn, LinkPurpose::invite, id, OneTimeLinks::kInviteTtlS);
        audit(conn, now, actor, "user.create", user.email, {{"user_id", id}, {"role", user.role}});
        audit(conn, now, actor, "user.invite", user.email,
              {{"user_id", id}, {"expires_at", now + OneTimeLinks::kInviteTtlS}});
        return Invitation{managed(require(conn, id)), token};
    });
    log::info("account invited",
              {{"user_id", invitation.user.id}, {"role", user.role}, {"by", actor.label}});
    return invitation;
}

std::string UserAdmin::reset_password(std::int64_t user_id, const Actor& actor) {
    auto now = clock_();
    return db_.write([&](store::Connection& conn) {
        auto row = require(conn, user_id);
        // It would sign the admins out before they could copy their own link.
        if (actor.user_id == user_id) {
            throw Error(ErrorCode::conflict,
                        "Change your own password on your account page, not with a reset link.");
        }
        // Only the newest link works: an invite that may have leaked goes too.
        store::OneTimeLinkRepository::withdraw(conn, to_string(LinkPurpose::invite), user_id);
        auto token = links_.issue(conn, LinkPurpose::reset, user_id, OneTimeLinks::kInviteTtlS);
        auto ended = store::SessionRepository::remove_for_user(conn, user_id);
        audit(conn, now, actor, "user.reset", row.email,
              {{"user_id", user_id},
               {"sessions_ended", ended},
               {"expires_at", now + OneTimeLinks::kInviteTtlS}});
        return token;
    });
}

ManagedUser UserAdmin::update(std::int64_t user_id, const UserChange& change, const Actor& actor) {
    auto role = change.role ? std::optional(normalize_role(*change.role)) : std::nullopt;
    auto name = change.name ? std::optional(normalize_name(*change.name)) : std::nullopt;
    auto now = clock_();
    return db_.write([&](store::Connection& conn) {
        auto row = require(conn, user_id);
        bool new_role = role && *role != row.role;
        bool new_state = change.disabled && *change.disabled != row.disabled;
        if ((new_role && *role != "admin") || (new_state && *change.disabled))
            keep_an_admin(conn, row);
        if (name && *name != row.name) {
            store::UserRepository::set_name(conn, user_id, *name, now);
            audit(conn, now, actor, "user.rename", row.email,
                  {{"user_id", user_id}, {"from", row.name}, {"to", *name}});
        }
        if (new_role) {
            store::UserRepository::set_role(conn, user_id, *role, now);
            audit(conn, now, actor, "user.role", row.email,
                  {{"user_id", user_id}, {"from", row.role}, {"to", *role}});
        }
        if (new_state) {
            store::UserRepository::set_disabled(conn, user_id, *change.disabled, now);
            audit(conn, now, actor, *change.disabled ? "user.disable" : "user.enable", row.email,
                  {{"user_id", user_id}});
        }
        // Privileges changed: whoever holds a session signs in again and gets a new one.
        if (new_role || (new_state && *change.disabled))
            store::SessionRepository::remove_for_user(conn, user_id);
        return managed(require(conn, user_id));
    });
}

void UserAdmin::remove(std::int64_t user_id, std::string_view confirm_email, const Actor& actor) {
    auto now = clock_();
    db_.write([&](store::Connection& conn) {
        auto row = require(conn, user_id);
        if (!confirms(confirm_email, row.email)) {
            throw Error(ErrorCode::bad_request,
                        "To delete this account, type its email address exactly: " + row.email);
        }
        if (actor.user_id == user_id) {
            throw Error(ErrorCode::conflict,
                        "You cannot delete your own account. Ask another administrator.");
        }
        keep_an_admin(conn, row);
        store::UserRepository::remove(conn, user_id);
        audit(conn, now, actor, "user.delete", row.email,
              {{"user_id", user_id}, {"role", row.role}, {"name", row.name}});
    });
    log::info("account deleted", {{"user_id", user_id}, {"by", actor.label}});
}

}  // namespace vitae::auth
