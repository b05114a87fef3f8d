#include "cv/cv_share_service.hpp"

#include <algorithm>

#include "auth/account_service.hpp"
#include "auth/audit.hpp"
#include "auth/password_hasher.hpp"
#include "auth/password_policy.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"
#include "core/random.hpp"
#include "store/cv_repository.hpp"
#include "store/cv_share_repository.hpp"
#include "store/database.hpp"

namespace vitae::cv {

namespace {

[[noreturn]] void gone() {
    throw Error(ErrorCode::not_found, kShareGoneMessage);
}

void require_cv(store::Connection& conn, std::int64_t owner, std::int64_t cv_id) {
    if (!store::CvRepository::find(conn, owner, cv_id))
        throw Error(ErrorCode::not_found, "You have no CV with that id.");
}

ShareState state_of(const store::CvShareRow& row, std::int64_t now) {
    if (row.revoked_at)
        return ShareState::revoked;
    if (row.expires_at && now >= *row.expires_at)
        return ShareState::expired;
    return ShareState::active;
}

// Anything but a token we could have issued is refused before it reaches the database.
bool well_formed(std::string_view token) {
    return token.size() == core::random_token_length(core::kSecretTokenBytes) &&
           std::all_of(token.begin(), token.end(), [](char c) {
               return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_';
           });
}

// The link of `token` while it works; gone() otherwise.
store::CvShareRow working(store::Connection& conn, std::string_view token, std::int64_t now) {
    if (!well_formed(token))
        gone();
    auto row = store::CvShareRepository::find_by_token_hash(conn, core::sha256_hex(token));
    if (!row || state_of(*row, now) != ShareState::active)
        gone();
    return *row;
}

CvShare to_share(const store::CvShareRow& row, std::int64_t now) {
    return {row.id,         row.name,           row.password_hash.has_value(),
            row.created_at, row.expires_at,     row.revoked_at,
            row.view_count, row.last_viewed_at, state_of(row, now)};
}

}  // namespace

CvShareService::CvShareService(store::Database& db, const auth::PasswordHasher& hasher,
                               const auth::PasswordPolicy& policy, core::UnixClock clock)
    : db_(db), hasher_(hasher), policy_(policy), clock_(std::move(clock)) {}

CreatedShare CvShareService::create(std::int64_t owner, std::int64_t cv_id, const NewShare& share,
                                    const auth::Actor& actor) {
    std::string name = auth::normalize_name(share.name);
    if (share.lifetime_s && (*share.lifetime_s < 1 || *share.lifetime_s > kMaxLifetimeS))
        throw Error(ErrorCode::bad_request, "A link can last at most 366 days.");
    std::optional<std::string> password_hash;
    if (!share.password.empty()) {
        policy_.check(share.password, "");
        // Hashing takes tens of milliseconds: before the write lock, not under it.
        password_hash = hasher_.hash(share.password);
    }
    std::string token = core::random_token(core::kSecretTokenBytes);
    std::string token_hash = core::sha256_hex(token);
    auto now = clock_();
    std::optional<std::int64_t> expires_at;
    if (share.lifetime_s)
        expires_at = now + *share.lifetime_s;
    auto id = db_.write([&](store::Connection& conn) {
        require_cv(conn, owner, cv_id);
        auto new_id = store::CvShareRepository::insert(
            conn, {cv_id, name, token_hash, password_hash, expires_at}, now);
        nlohmann::json detail = {
            {"share_id", new_id},
            {"password", password_hash.has_value()},
            {"expires_at", expires_at ? nlohmann::json(*expires_at) : nullptr}};
        auth::audit(conn, now, actor, "share.create", "cv " + std::to_string(cv_id), detail);
        return new_id;
    });
    return {id, token};
}

std::vector<CvShare> CvShareService::list(std::int64_t owner, std::int64_t cv_id) {
    auto now = clock_();
    return db_.read([&](store::Connection& conn) {
        require_cv(conn, owner, cv_id);
        std::vector<CvShare> shares;
        for (const auto& row : store::CvShareRepository::list_for_cv(conn, cv_id))
            shares.push_back(to_share(row, now));
        return shares;
    });
}

void CvShareService::revoke(std::int64_t owner, std::int64_t cv_id, std::int64_t share_id,
                            const auth::Actor& actor) {
    auto now = clock_();
    db_.write([&](store::Connection& conn) {
        require_cv(conn, owner, cv_id);
        if (!store::CvShareRepository::revoke(conn, cv_id, share_id, now))
            throw Error(ErrorCode::not_found, "This CV has no active link with that id.");
        auth::audit(conn, now, actor, "share.revoke", "cv " + std::to_string(cv_id),
                    {{"share_id", share_id}});
    });
}

ShareLink CvShareService::find(std::string_view token) {
    auto now = clock_();
    auto row = db_.read([&](store::Connection& conn) { return working(conn, token, now); });
    return {row.id, row.password_hash.has_value()};
}

std::optional<SharedCv> CvShareService::open(std::string_view token, std::string_view grant,
                                             bool count_view) {
    auto now = clock_();
    // A write transaction even when nothing is counted: the check and the count see the
    // same link, so a view is never counted for a link revoked in between.
    return db_.write([&](store::Connection& conn) -> std::optional<SharedCv> {
        auto share = working(conn, token, now);
        if (share.password_hash &&
            (grant.empty() ||
             !store::CvShareRepository::grant_valid(conn, share.id, core::sha256_hex(grant), now)))
            return std::nullopt;
        auto cv = store::CvRepository::find(conn, share.owner_id, share.cv_id);
        if (!cv)
            gone();
        if (count_view)
            store::CvShareRepository::record_view(conn, share.id, now);
        return SharedCv{share.id, cv->template_name, cv->language, nlohmann::json::parse(cv->body)};
    });
}

std::optional<ShareGrant> CvShareService::unlock(std::string_view token,
                                                 std::string_view password) {
    auto now = clock_();
    auto share = db_.read([&](store::Connection& conn) { return working(conn, token, now); });
    if (!share.password_hash)
        throw Error(ErrorCode::bad_request, "This link has no password.");
    if (!hasher_.verify(*share.password_hash, password))
        return std::nullopt;
    std::int64_t expires_at = now + kGrantTtlS;
    if (share.expires_at)
        expires_at = std::min(expires_at, *share.expires_at);
    std::string grant = core::random_token(core::kSecretTokenBytes);
    db_.write([&](store::Connection& conn) {
        store::CvShareRepository::insert_grant(conn, share.id, core::sha256_hex(grant), expires_at,
                                               now);
    });
    return ShareGrant{grant, expires_at - now};
}

}  // namespace vitae::cv
