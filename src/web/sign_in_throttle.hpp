#pragma once
// Slows down password, TOTP and setup-link guessing: exponential back-off per account and
// per client IP (see http::FailureBackoff). Keys for unknown emails are throttled exactly
// like real ones, so a 429 does not reveal whether an account exists.
#include <chrono>
#include <string>
#include <string_view>

#include "http/rate_limiter.hpp"

namespace vitae::web {

class SignInThrottle {
  public:
    // An account gets 5 free failures, then waits 1 s, 2 s, 4 s … up to 15 min. An IP
    // gets 20, so a household or office behind one address is not locked out by one
    // person's typos, while spraying many accounts from one address still slows down.
    explicit SignInThrottle(http::SteadyClock clock = std::chrono::steady_clock::now);

    // Throws http::RateLimited while the IP or the account key must wait.
    void check(std::string_view ip, std::string_view account_key);
    // Counts a failure against both; returns the wait it started (zero while free).
    std::chrono::milliseconds record_failure(std::string_view ip, std::string_view account_key);
    // A success clears the account's failures (not the IP's: one good account must not
    // buy an address fresh guesses at the others).
    void succeeded(std::string_view account_key);

  private:
    http::FailureBackoff per_ip_;
    http::FailureBackoff per_account_;
};

}  // namespace vitae::web
