#include "web/sign_in_throttle.hpp"

namespace vitae::web {

using namespace std::chrono_literals;

SignInThrottle::SignInThrottle(http::SteadyClock clock)
    : per_ip_({.free_attempts = 20, .first_delay = 1s, .max_delay = 15min}, clock),
      per_account_({.free_attempts = 5, .first_delay = 1s, .max_delay = 15min}, clock) {}

void SignInThrottle::check(std::string_view ip, std::string_view account_key) {
    per_ip_.check(ip);
    if (!account_key.empty())
        per_account_.check(account_key);
}

std::chrono::milliseconds SignInThrottle::record_failure(std::string_view ip,
                                                         std::string_view account_key) {
    per_ip_.record_failure(ip);
    if (!account_key.empty())
        per_account_.record_failure(account_key);
    return std::max(per_ip_.wait_for(ip),
                    account_key.empty() ? 0ms : per_account_.wait_for(account_key));
}

void SignInThrottle::succeeded(std::string_view account_key) {
    per_account_.reset(account_key);
}

}  // namespace vitae::web
