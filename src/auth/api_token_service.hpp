#pragma once
// Personal API tokens: shown once at creation, stored as SHA-256, named, revocable.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/principal.hpp"
#include "core/clock.hpp"
#include "store/api_token_repository.hpp"

namespace vitae::store {
class Database;
}

namespace vitae::auth {

struct CreatedToken {
    std::int64_t id = 0;
    std::string token;  // the only time the plain token exists outside the client
};

class ApiTokenService {
  public:
    explicit ApiTokenService(store::Database& db, core::UnixClock clock = core::unix_now)
        : db_(db), clock_(std::move(clock)) {}

    // Throws vitae::Error(bad_request) for an empty or over-long name, not_found for a
    // missing or disabled user.
    CreatedToken create(std::int64_t user_id, std::string_view name, const Actor& actor);
    // The token's owner, or nothing for an unknown, revoked or disabled-user token.
    std::optional<Principal> authenticate(std::string_view token);
    // Returns false when the user has no such active token.
    bool revoke(std::int64_t user_id, std::int64_t token_id, const Actor& actor);
    // The user's tokens for their account page (never the secrets: only hashes exist).
    std::vector<store::ApiTokenRow> list_for_user(std::int64_t user_id);

  private:
    store::Database& db_;
    core::UnixClock clock_;
};

// Tokens start with this, so secret scanners and people can recognise them.
inline constexpr std::string_view kTokenPrefix = "vitae_";

}  // namespace vitae::auth
