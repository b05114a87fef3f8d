#include "auth/credential_service.hpp"

#include "auth/account_service.hpp"
#include "auth/audit.hpp"
#include "core/error.hpp"
#include "core/log.hpp"
#include "store/database.hpp"
#include "store/user_repository.hpp"

namespace vitae::auth {

CredentialService::CredentialService(store::Database& db, const PasswordHasher& hasher,
                                     const PasswordPolicy& policy, OneTimeLinks& links,
                                     core::UnixClock clock)
    : db_(db), hasher_(hasher), policy_(policy), links_(links), clock_(std::move(clock)) {}

PasswordCheck CredentialService::check_password(std::string_view raw_email,
                                                std::string_view password, const std::string& ip) {
    std::string email = normalize_email(raw_email);
    if (password.size() > PasswordPolicy::kMaxBytes) {
        throw Error(ErrorCode::bad_request, "Passwords are at most 1024 bytes long.");
    }
    auto user = db_.read(
        [&](store::Connection& conn) { return store::UserRepository::find_by_email(conn, email); });

    const char* reason = nullptr;
    if (!user || !user->password_hash) {
        hasher_.burn_time(password);
        reason = user ? "no_password_yet" : "unknown_email";
    } else if (!hasher_.verify(*user->password_hash, password)) {
        reason = "wrong_password";
    } else if (user->disabled) {
        reason = "disabled";
    }
    Actor actor{user ? std::optional(user->id) : std::nullopt, email, ip};
    auto now = clock_();
    if (reason) {
        db_.write([&](store::Connection& conn) {
            audit(conn, now, actor, "signin.failure", email, {{"reason", reason}});
        });
        throw Error(ErrorCode::unauthorized, kSignInFailed);
    }

    bool second_factor = user->totp_secret.has_value();
    std::optional<std::string> rehash;
    if (hasher_.needs_rehash(*user->password_hash))
        rehash = hasher_.hash(password);
    db_.write([&](store::Connection& conn) {
        if (rehash)
            store::UserRepository::set_password(conn, user->id, *rehash, now);
        audit(conn, now, actor, second_factor ? "signin.password" : "signin.success", email);
    });
    return {user->id, second_factor};
}

bool CredentialService::is_current_password(std::int64_t user_id, std::string_view password) const {
    if (password.size() > PasswordPolicy::kMaxBytes)
        return false;
    auto user = db_.read(
        [&](store::Connection& conn) { return store::UserRepository::find_by_id(conn, user_id); });
    if (!user || !user->password_hash) {
        hasher_.burn_time(password);
        return false;
    }
    return hasher_.verify(*user->password_hash, password);
}

void CredentialService::change_password(const Principal& who, std::string_view current,
                                        std::string_view next, const std::string& ip) {
    if (!is_current_password(who.user_id, current))
        throw Error(ErrorCode::bad_request, kWrongCurrentPassword);
    policy_.check(next, who.email);
    std::string hash = hasher_.hash(next);
    auto now = clock_();
    db_.write([&](store::Connection& conn) {
        store::UserRepository::set_password(conn, who.user_id, hash, now);
        audit(conn, now, Actor::of(who, ip), "password.change", who.email);
    });
    log::info("password changed", {{"user_id", who.user_id}});
}

std::int64_t CredentialService::set_password_by_link(std::string_view token, LinkPurpose purpose,
                                                     std::string_view password,
                                                     const std::string& ip) {
    auto link = links_.peek(token, purpose);
    if (!link || !link->user_id)
        throw Error(ErrorCode::forbidden, kLinkInvalidMessage);
    auto user = db_.read([&](store::Connection& conn) {
        return store::UserRepository::find_by_id(conn, *link->user_id);
    });
    if (!user)
        throw Error(ErrorCode::forbidden, kLinkInvalidMessage);
    policy_.check(password, user->email);
    std::string hash = hasher_.hash(password);
    auto now = clock_();
    db_.write([&](store::Connection& conn) {
        links_.consume(conn, token, purpose);
        store::UserRepository::set_password(conn, user->id, hash, now);
        audit(conn, now, Actor{user->id, user->email, ip}, "password.set_by_link", user->email,
              {{"link", to_string(purpose)}});
    });
    return user->id;
}

}  // namespace vitae::auth
