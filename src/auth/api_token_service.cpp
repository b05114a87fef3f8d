#include "auth/api_token_service.hpp"

#include <nlohmann/json.hpp>

#include "auth/account_service.hpp"
#include "auth/audit.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"
#include "core/random.hpp"
#include "store/api_token_repository.hpp"
#include "store/database.hpp"
#include "store/user_repository.hpp"

namespace vitae::auth {

namespace {

// last_used_at is for people ("used 3 days ago"); writing it on every API call would
// queue each request behind the one database writer.
constexpr std::int64_t kTouchEverySeconds = 60;

}  // namespace

CreatedToken ApiTokenService::create(std::int64_t user_id, std::string_view raw_name,
                                     const Actor& actor) {
    std::string name = normalize_name(raw_name);
    if (name.empty())
        throw Error(ErrorCode::bad_request, "Give the token a name.");
    std::string token = std::string(kTokenPrefix) + core::random_token(32);
    std::string hash = core::sha256_hex(token);
    std::string prefix = token.substr(0, kTokenPrefix.size() + 6);
    auto now = clock_();
    auto id = db_.write([&](store::Connection& conn) {
        auto user = store::UserRepository::find_by_id(conn, user_id);
        if (!user || user->disabled)
            throw Error(ErrorCode::not_found, "No such active user.");
        auto new_id = store::ApiTokenRepository::insert(conn, user_id, name, hash, prefix, now);
        audit(conn, now, actor, "token.create", user->email,
              {{"token_id", new_id}, {"name", name}});
        return new_id;
    });
    return {id, token};
}

std::optional<Principal> ApiTokenService::authenticate(std::string_view token) {
    if (!token.starts_with(kTokenPrefix) || token.size() > 200)
        return std::nullopt;
    std::string hash = core::sha256_hex(token);
    struct Found {
        Principal principal;
        std::int64_t token_id;
        std::optional<std::int64_t> last_used_at;
    };
    auto found = db_.read([&](store::Connection& conn) -> std::optional<Found> {
        auto row = store::ApiTokenRepository::find_active(conn, hash);
        if (!row)
            return std::nullopt;
        auto user = store::UserRepository::find_by_id(conn, row->user_id);
        if (!user || user->disabled)
            return std::nullopt;
        return Found{
            {user->id, user->email, user->name, user->role, "", ""}, row->id, row->last_used_at};
    });
    if (!found)
        return std::nullopt;
    auto now = clock_();
    if (!found->last_used_at || now - *found->last_used_at >= kTouchEverySeconds) {
        db_.write([&](store::Connection& conn) {
            store::ApiTokenRepository::touch(conn, found->token_id, now);
        });
    }
    return found->principal;
}

bool ApiTokenService::revoke(std::int64_t user_id, std::int64_t token_id, const Actor& actor) {
    auto now = clock_();
    return db_.write([&](store::Connection& conn) {
        if (!store::ApiTokenRepository::revoke(conn, user_id, token_id, now))
            return false;
        audit(conn, now, actor, "token.revoke", std::to_string(user_id), {{"token_id", token_id}});
        return true;
    });
}

std::vector<store::ApiTokenRow> ApiTokenService::list_for_user(std::int64_t user_id) {
    return db_.read([&](store::Connection& conn) {
        return store::ApiTokenRepository::list_for_user(conn, user_id);
    });
}

}  // namespace vitae::auth
