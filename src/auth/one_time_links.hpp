#pragma once
// Links that work once and expire: the first-run setup link, invites and password resets.
// The secret travels in the URL; only its SHA-256 is stored.
#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "store/one_time_link_repository.hpp"

namespace vitae::store {
class Database;
class Connection;
}  // namespace vitae::store

namespace vitae::auth {

enum class LinkPurpose { setup, invite, reset };

std::string_view to_string(LinkPurpose purpose);

// The address a link's holder opens: base_url + "/setup|/invite|/reset?token=…".
std::string link_url(std::string_view base_url, LinkPurpose purpose, std::string_view token);

class OneTimeLinks {
  public:
    static constexpr std::int64_t kSetupTtlS = 24 * 3600;
    static constexpr std::int64_t kInviteTtlS = 72 * 3600;  // invites and resets

    OneTimeLinks(store::Database& db, core::UnixClock clock = core::unix_now)
        : db_(db), clock_(std::move(clock)) {}

    // A new link secret valid for ttl_s, inside the caller's transaction. Unused links of
    // the same purpose and user are withdrawn: only the newest one works.
    std::string issue(store::Connection& conn, LinkPurpose purpose,
                      std::optional<std::int64_t> user_id, std::int64_t ttl_s);
    // issue() in a transaction of its own.
    std::string issue(LinkPurpose purpose, std::optional<std::int64_t> user_id, std::int64_t ttl_s);

    // The link, if `token` is one of `purpose` that is unused and unexpired. A read, for
    // showing the form; consume() decides.
    std::optional<store::OneTimeLinkRow> peek(std::string_view token, LinkPurpose purpose);

    // Spends the link inside the caller's transaction, so the action it allows and the
    // spending commit together. Throws vitae::Error(forbidden) when the link is unknown,
    // spent or expired.
    store::OneTimeLinkRow consume(store::Connection& conn, std::string_view token,
                                  LinkPurpose purpose);

  private:
    std::optional<store::OneTimeLinkRow> valid(store::Connection& conn, std::string_view token,
                                               LinkPurpose purpose, std::int64_t now);

    store::Database& db_;
    core::UnixClock clock_;
};

// What a person is told for a link that does not work (any reason: no hints to guessers).
inline constexpr const char* kLinkInvalidMessage =
    "This link is not valid any more: it was used already, it expired, or it was replaced by "
    "a newer one. Ask an administrator for a new link.";

}  // namespace vitae::auth
