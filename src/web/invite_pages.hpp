#pragma once
// The pages behind invite and password-reset links: a person sets their password and is
// signed in. The links come from the admin's user pages (UserAdmin).
#include "auth/audit.hpp"
#include "auth/credential_service.hpp"
#include "auth/one_time_links.hpp"
#include "auth/user_admin.hpp"
#include "http/rate_limiter.hpp"
#include "http/router.hpp"
#include "web/browser_session.hpp"
#include "web/sign_in_throttle.hpp"
#include "web/views.hpp"

namespace vitae::web {

struct InvitePages {
    const Views& views;
    BrowserSessions& browser;
    auth::CredentialService& credentials;
    auth::OneTimeLinks& links;
    auth::UserAdmin& users;
    auth::AuditLog& audit;
    SignInThrottle& throttle;  // wrong links count as failed guesses per IP
    http::RateLimiter& rate;
};

// GET and POST /invite?token=… and /reset?token=…
void register_invite_pages(http::Router& router, const InvitePages& pages);

}  // namespace vitae::web
