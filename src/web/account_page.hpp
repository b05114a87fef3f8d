#pragma once
// The signed-in person's own account: password, sessions (two-factor and API tokens
// have sections of their own on the same page).
#include "auth/audit.hpp"
#include "auth/credential_service.hpp"
#include "http/router.hpp"
#include "web/browser_session.hpp"
#include "web/views.hpp"

namespace vitae::web {

struct AccountPage {
    const Views& views;
    BrowserSessions& browser;
    auth::CredentialService& credentials;
    auth::AuditLog& audit;
};

void register_account_page(http::Router& router, const AccountPage& page);

}  // namespace vitae::web
