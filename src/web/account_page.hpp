#pragma once
// The signed-in person's own account: password, sessions (two-factor and API tokens
// have sections of their own on the same page).
#include "auth/api_token_service.hpp"
#include "auth/audit.hpp"
#include "auth/credential_service.hpp"
#include "auth/second_factor.hpp"
#include "http/router.hpp"
#include "web/browser_session.hpp"
#include "web/views.hpp"

namespace vitae::web {

struct AccountPage {
    const Views& views;
    BrowserSessions& browser;
    auth::CredentialService& credentials;
    auth::AuditLog& audit;
    auth::SecondFactor& second_factor;
    auth::ApiTokenService& tokens;
};

void register_account_page(http::Router& router, const AccountPage& page);

// What the account page shows for `who`; handlers add one-time content (a new token) or
// an error before rendering it.
Data account_data(const AccountPage& page, const httplib::Request& req, const auth::Principal& who);

// Renders the account page with `data` (from account_data).
void send_account_page(httplib::Response& res, const AccountPage& page, const Data& data,
                       const auth::Principal& who, int status = 200);

}  // namespace vitae::web
