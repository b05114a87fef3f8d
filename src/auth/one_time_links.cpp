#include "auth/one_time_links.hpp"

#include "core/crypto.hpp"
#include "core/error.hpp"
#include "core/random.hpp"
#include "store/database.hpp"

namespace vitae::auth {

std::string_view to_string(LinkPurpose purpose) {
    switch (purpose) {
        case LinkPurpose::setup:
            return "setup";
        case LinkPurpose::invite:
            return "invite";
        case LinkPurpose::reset:
            return "reset";
    }
    return "setup";
}

std::string link_url(std::string_view base_url, LinkPurpose purpose, std::string_view token) {
    // Tokens are base64url: nothing in them needs escaping in a query string.
    return std::string(base_url) + "/" + std::string(to_string(purpose)) +
           "?token=" + std::string(token);
}

std::string OneTimeLinks::issue(store::Connection& conn, LinkPurpose purpose,
                                std::optional<std::int64_t> user_id, std::int64_t ttl_s) {
    std::string token = core::random_token(core::kSecretTokenBytes);
    auto now = clock_();
    store::OneTimeLinkRepository::withdraw(conn, to_string(purpose), user_id);
    store::OneTimeLinkRepository::insert(
        conn, {core::sha256_hex(token), std::string(to_string(purpose)), user_id, now, now + ttl_s,
               std::nullopt});
    return token;
}

std::string OneTimeLinks::issue(LinkPurpose purpose, std::optional<std::int64_t> user_id,
                                std::int64_t ttl_s) {
    return db_.write([&](store::Connection& conn) { return issue(conn, purpose, user_id, ttl_s); });
}

std::optional<store::OneTimeLinkRow> OneTimeLinks::valid(store::Connection& conn,
                                                         std::string_view token,
                                                         LinkPurpose purpose, std::int64_t now) {
    if (token.size() != core::random_token_length(core::kSecretTokenBytes))
        return std::nullopt;
    auto row = store::OneTimeLinkRepository::find(conn, core::sha256_hex(token));
    if (!row || row->purpose != to_string(purpose) || row->used_at || now >= row->expires_at)
        return std::nullopt;
    return row;
}

std::optional<store::OneTimeLinkRow> OneTimeLinks::peek(std::string_view token,
                                                        LinkPurpose purpose) {
    auto now = clock_();
    return db_.read([&](store::Connection& conn) { return valid(conn, token, purpose, now); });
}

store::OneTimeLinkRow OneTimeLinks::consume(store::Connection& conn, std::string_view token,
                                            LinkPurpose purpose) {
    auto now = clock_();
    auto row = valid(conn, token, purpose, now);
    if (!row || !store::OneTimeLinkRepository::mark_used(conn, row->token_hash, now))
        throw Error(ErrorCode::forbidden, kLinkInvalidMessage);
    return *row;
}

}  // namespace vitae::auth
