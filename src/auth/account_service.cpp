#include "auth/account_service.hpp"

#include <nlohmann/json.hpp>

#include "auth/audit.hpp"
#include "core/error.hpp"
#include "core/log.hpp"
#include "core/utf8.hpp"
#include "store/database.hpp"
#include "store/user_repository.hpp"

namespace vitae::auth {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

bool has_control(std::string_view s) {
    for (unsigned char c : s) {
        if (c < 0x20 || c == 0x7f)
            return true;
    }
    return false;
}

}  // namespace

std::string normalize_email(std::string_view raw) {
    std::string_view email = trim(raw);
    // RFC 5321 caps a path at 256 octets, so an address at 254.
    if (email.empty() || email.size() > 254 || has_control(email) || !core::is_utf8(email) ||
        email.find_first_of(" <>\"(),;:\\[]") != std::string_view::npos) {
        throw Error(ErrorCode::bad_request, "Enter a valid email address.");
    }
    auto at = email.find('@');
    if (at == 0 || at == std::string_view::npos ||
        email.find('@', at + 1) != std::string_view::npos ||
        email.find('.', at) == std::string_view::npos || email.back() == '.' ||
        email.back() == '@') {
        throw Error(ErrorCode::bad_request, "Enter a valid email address.");
    }
    std::string out(email);
    for (auto& c : out) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

std::string normalize_name(std::string_view raw) {
    std::string_view name = trim(raw);
    if (has_control(name))
        throw Error(ErrorCode::bad_request, "Names cannot contain line breaks.");
    if (name.size() > 100)
        throw Error(ErrorCode::bad_request, "Use at most 100 characters for the name.");
    if (!core::is_utf8(name))
        throw Error(ErrorCode::bad_request, "The name is not valid text (UTF-8).");
    return std::string(name);
}

std::string normalize_role(std::string_view role) {
    if (role != "admin" && role != "member")
        throw Error(ErrorCode::bad_request, "The role must be admin or member.");
    return std::string(role);
}

AccountService::AccountService(store::Database& db, const PasswordHasher& hasher,
                               const PasswordPolicy& policy, core::UnixClock clock)
    : db_(db), hasher_(hasher), policy_(policy), clock_(std::move(clock)) {}

std::int64_t AccountService::create(const NewAccount& account, const Actor& actor,
                                    const std::function<void(store::Connection&)>& also) {
    store::NewUser user{normalize_email(account.email), normalize_name(account.name),
                        normalize_role(account.role), std::nullopt};
    policy_.check(account.password, user.email);
    // Hashing takes tens of milliseconds: do it before taking the write lock.
    user.password_hash = hasher_.hash(account.password);
    auto now = clock_();
    auto id = db_.write([&](store::Connection& conn) {
        if (also)
            also(conn);
        auto new_id = store::UserRepository::insert(conn, user, now);
        audit(conn, now, actor, "user.create", user.email,
              {{"role", user.role}, {"user_id", new_id}});
        return new_id;
    });
    log::info("account created", {{"user_id", id}, {"role", user.role}, {"by", actor.label}});
    return id;
}

}  // namespace vitae::auth
