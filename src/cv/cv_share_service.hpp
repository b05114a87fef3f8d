#pragma once
// Read-only share links to a CV: a random token in the URL (stored only as its SHA-256, so
// the full link is shown once, when made), an optional password, an optional expiry, a
// view count for the owner. Owner calls are scoped like CvService: another member's CV is
// "not found". Visitor calls take the token, and an unknown, revoked or expired link is
// the same "not found", so a visitor cannot tell which.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/principal.hpp"
#include "core/clock.hpp"

namespace vitae::store {
class Database;
}
namespace vitae::auth {
class PasswordHasher;
class PasswordPolicy;
}  // namespace vitae::auth

namespace vitae::cv {

struct NewShare {
    std::string name{};                        // the owner's note of whom it is for; optional
    std::string password{};                    // empty: anyone with the link may look
    std::optional<std::int64_t> lifetime_s{};  // empty: until revoked
};

struct CreatedShare {
    std::int64_t id = 0;
    std::string token;  // the only time it exists outside the visitor's URL
};

enum class ShareState { active, expired, revoked };

// A link as its owner sees it in the list.
struct CvShare {
    std::int64_t id = 0;
    std::string name;
    bool has_password = false;
    std::int64_t created_at = 0;
    std::optional<std::int64_t> expires_at;
    std::optional<std::int64_t> revoked_at;
    std::int64_t view_count = 0;
    std::optional<std::int64_t> last_viewed_at;
    ShareState state = ShareState::active;
};

// A working link, as a visitor's request finds it.
struct ShareLink {
    std::int64_t id = 0;
    bool needs_password = false;
};

// What a visitor is shown: the résumé and how to render it, nothing of the owner's.
struct SharedCv {
    std::int64_t share_id = 0;
    std::string template_name;
    std::string language;
    nlohmann::json resume;
};

// Proof that a visitor typed the link's password: the cookie's value and how long it lasts.
struct ShareGrant {
    std::string value;
    std::int64_t max_age_s = 0;
};

class CvShareService {
  public:
    // A typed password is remembered this long (or until the link ends, if sooner).
    static constexpr std::int64_t kGrantTtlS = 12 * 3600;
    // The longest expiry a member may choose; longer-lived links should be revoked by hand.
    static constexpr std::int64_t kMaxLifetimeS = 366 * 86400;

    CvShareService(store::Database& db, const auth::PasswordHasher& hasher,
                   const auth::PasswordPolicy& policy, core::UnixClock clock = core::unix_now);

    // Throws Error(not_found) unless the owner has the CV, Error(bad_request) for a bad name,
    // a password the policy refuses, or a lifetime outside 1 s .. kMaxLifetimeS.
    CreatedShare create(std::int64_t owner, std::int64_t cv_id, const NewShare& share,
                        const auth::Actor& actor);
    // Newest first, revoked and expired ones included. Error(not_found) as above.
    std::vector<CvShare> list(std::int64_t owner, std::int64_t cv_id);
    // Error(not_found) unless the owner's CV has this link still unrevoked.
    void revoke(std::int64_t owner, std::int64_t cv_id, std::int64_t share_id,
                const auth::Actor& actor);

    // The working link of `token`. Throws Error(not_found) for any link that does not work.
    ShareLink find(std::string_view token);
    // The CV behind the link, when it has no password or `grant` (a cookie value from
    // unlock) opens it; nothing when the visitor must type the password. Counts a view
    // when asked to. Error(not_found) as find().
    std::optional<SharedCv> open(std::string_view token, std::string_view grant, bool count_view);
    // One Argon2 run: a grant for this link when the password is right, nothing when it is
    // wrong. Error(not_found) as find(), Error(bad_request) for a link without a password.
    std::optional<ShareGrant> unlock(std::string_view token, std::string_view password);

  private:
    store::Database& db_;
    const auth::PasswordHasher& hasher_;
    const auth::PasswordPolicy& policy_;
    core::UnixClock clock_;
};

// What a visitor is told about a link that does not work, whatever the reason: the words
// of any other missing page, so a link's page does not reveal that it once existed.
inline constexpr const char* kShareGoneMessage = "There is nothing at this address.";

}  // namespace vitae::cv
