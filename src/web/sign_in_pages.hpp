#pragma once
// Signing in and out, the two-factor step, and the first-run setup page.
#include <chrono>
#include <functional>

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

// Runs `submit`; a refusal it throws (bad_request, unauthorized, conflict) is shown in the
// form `name` with `data` refilled, and a throttled client gets 429 with Retry-After, in
// the same form. Other errors propagate to the error page.
void handle_form(httplib::Response& res, const Views& views, std::string_view name,
                 const std::string& title, const Data& data, const Viewer& viewer,
                 const std::function<void()>& submit);

// Audits and logs a sign-in throttle that started a wait (nothing while wait is zero).
void audit_throttle(auth::AuditLog& audit, std::chrono::milliseconds wait, const std::string& who,
                    const std::string& ip, std::string_view what);

// Where a session is started from: the caller's IP and browser.
auth::ClientInfo client_of(const httplib::Request& req);

}  // namespace vitae::web
