#pragma once
// Who is making a request (or running a command), as the services see it.
#include <cstdint>
#include <optional>
#include <string>

namespace vitae::auth {

struct Principal {
    std::int64_t user_id = 0;
    std::string email;
    std::string name;
    std::string role;  // "admin" | "member"
    // Set when the caller came with a browser session (empty for an API token): the
    // session's row key and the token its forms must echo.
    std::string session_id_hash;
    std::string csrf_token;
    // A browser session of an admin without two-factor while admins must use it: the
    // router lets it reach only the enrolment pages and sign-out (see http::Router).
    bool must_enrol_second_factor = false;
    bool is_admin() const { return role == "admin"; }
};

// The author of an action, for the audit log.
struct Actor {
    std::optional<std::int64_t> user_id;
    std::string label;  // an email, or "cli", "setup"
    std::string ip;

    static Actor of(const Principal& p, std::string ip) {
        return {p.user_id, p.email, std::move(ip)};
    }
};

}  // namespace vitae::auth
