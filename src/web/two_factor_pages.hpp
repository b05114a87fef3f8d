#pragma once
// The signed-in person's two-factor sign-in: enrolling with an authenticator app, the
// recovery codes, and turning it off.
#include "auth/second_factor.hpp"
#include "http/rate_limiter.hpp"
#include "http/router.hpp"
#include "web/browser_session.hpp"
#include "web/views.hpp"

namespace vitae::web {

struct TwoFactorPages {
    const Views& views;
    BrowserSessions& browser;
    auth::SecondFactor& second_factor;
    http::RateLimiter& rate;  // the forms that take a password or a code
};

void register_two_factor_pages(http::Router& router, const TwoFactorPages& pages);

}  // namespace vitae::web
