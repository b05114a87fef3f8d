#pragma once
// Personal API tokens from the account page: create one (shown once) and revoke one.
#include "http/router.hpp"
#include "web/account_page.hpp"

namespace vitae::web {

void register_api_token_pages(http::Router& router, const AccountPage& page);

}  // namespace vitae::web
