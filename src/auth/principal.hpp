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
    bool is_admin() const { return role == "admin"; }
};

// The author of an action, for the audit log.
struct Actor {
    std::optional<std::int64_t> user_id;
    std::string label;  // an email, or "cli", "setup"
    std::string ip;
};

}  // namespace vitae::auth
