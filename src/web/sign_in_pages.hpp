#pragma once
// Signing in and out, the two-factor step, and the first-run setup page.
#include "auth/audit.hpp"
#include "auth/credential_service.hpp"
#include "auth/first_run.hpp"
#include "auth/second_factor.hpp"
#include "http/rate_limiter.hpp"
#include "http/router.hpp"
#include "web/browser_session.hpp"
#include "web/sign_in_throttle.hpp"
#include "web/views.hpp"

namespace vitae::web {

struct SignInPages {
    const Views& views;
    BrowserSessions& browser;
    auth::CredentialService& credentials;
    auth::SecondFactor& second_factor;
    auth::FirstRun& first_run;
    auth::AuditLog& audit;
    SignInThrottle& throttle;
    http::RateLimiter& rate;  // requests per IP to the sign-in forms, guessing or not
};

void register_sign_in_pages(http::Router& router, const SignInPages& pages);

// Renders `name` as a form page again after a refused submission: the status, the message
// and what the person had typed (never the password).
void send_form_error(httplib::Response& res, const Views& views, std::string_view name,
                     const std::string& title, Data data, const Viewer& viewer, int status,
                     std::string_view message);

}  // namespace vitae::web
