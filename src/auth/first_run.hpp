#pragma once
// The first admin: while there are no users, only the holder of the setup link printed
// at start-up can create one, so nobody who merely finds the server first can claim it.
#include <cstdint>
#include <optional>
#include <string>

#include "auth/account_service.hpp"
#include "auth/one_time_links.hpp"

namespace vitae::store {
class Database;
}

namespace vitae::auth {

// What a person with a dead setup link is told.
inline constexpr const char* kSetupLinkInvalidMessage =
    "This setup link is not valid any more: it was used already, it expired (after 24 hours), "
    "or the server was restarted and printed a new one. Use the newest link from the server "
    "log, or run `vitae user create --admin --email …` on the server.";

class FirstRun {
  public:
    FirstRun(store::Database& db, AccountService& accounts, OneTimeLinks& links)
        : db_(db), accounts_(accounts), links_(links) {}

    // True while the database has no users.
    bool pending();
    // A fresh setup link secret (older ones stop working) when pending(), else nothing.
    std::optional<std::string> issue();
    // Whether `token` is a live setup link and there are still no users.
    bool link_works(std::string_view token);
    // Creates the first admin and spends the link in one transaction. Throws
    // Error(forbidden) for a bad link or when an account exists already, and what
    // AccountService::create throws for bad input. Returns the new user's id.
    std::int64_t complete(std::string_view token, NewAccount account, const std::string& ip);

  private:
    store::Database& db_;
    AccountService& accounts_;
    OneTimeLinks& links_;
};

}  // namespace vitae::auth
