#pragma once
// Browser sessions, kept server-side: the cookie holds a random id, the database holds
// its SHA-256 with the user, the CSRF token and the times that decide expiry.
#include <cstdint>
#include <optional>
#include <string>

#include "auth/principal.hpp"
#include "core/clock.hpp"

namespace vitae::store {
class Database;
}

namespace vitae::auth {

struct SessionPolicy {
    std::int64_t idle_s = 7 * 86400;       // signed out after this long without a request
    std::int64_t absolute_s = 30 * 86400;  // signed out this long after signing in, regardless
    // Between a right password and the second factor: long enough to find the phone.
    std::int64_t pending_s = 10 * 60;
};

// Where a session was started from, shown to its owner on the account page.
struct ClientInfo {
    std::string ip;
    std::string user_agent;
};

struct IssuedSession {
    std::string cookie;  // the secret for the Set-Cookie header; never stored
    std::string csrf_token;
};

class SessionService {
  public:
    SessionService(store::Database& db, SessionPolicy policy,
                   core::UnixClock clock = core::unix_now);

    // A new session. With second_factor_pending the session only lets its holder finish
    // signing in (pending_user()); authenticate() ignores it until complete_second_factor().
    IssuedSession start(std::int64_t user_id, const ClientInfo& client,
                        bool second_factor_pending = false);

    // The principal behind a cookie: a complete, unexpired session of an enabled user.
    // Expired sessions are deleted on sight.
    std::optional<Principal> authenticate(std::string_view cookie);

    // The user who gave the right password in this session and still owes a second
    // factor, if the session is pending and younger than pending_s.
    std::optional<std::int64_t> pending_user(std::string_view cookie);

    // The same session under a new id and CSRF token (the old cookie stops working), as
    // is due at every privilege change. complete: the second factor was given. Nothing
    // when the session is gone.
    std::optional<IssuedSession> rotate(std::string_view cookie, bool complete = false);

    // Signs this cookie's session out.
    void end(std::string_view cookie);
    // Signs the user out everywhere, except the session keep_cookie (empty: everywhere).
    // Returns how many sessions ended.
    std::int64_t end_all(std::int64_t user_id, std::string_view keep_cookie = {});

    // Deletes every expired session; returns how many.
    std::int64_t prune();

    const SessionPolicy& policy() const { return policy_; }

  private:
    bool expired(std::int64_t created_at, std::int64_t last_seen_at, std::int64_t now) const;

    store::Database& db_;
    SessionPolicy policy_;
    core::UnixClock clock_;
};

}  // namespace vitae::auth
