#pragma once
// Admin → Users: the account list, invitations, and one page per account to change its
// role, turn it off or on, reset its password or delete it.
#include <string>

#include "auth/user_admin.hpp"
#include "http/router.hpp"
#include "web/browser_session.hpp"
#include "web/views.hpp"

namespace vitae::web {

struct AdminUsersPages {
    const Views& views;
    BrowserSessions& browser;
    auth::UserAdmin& users;
    // The site's public URL (VITAE_BASE_URL) that invite and reset links start with; read
    // at request time, so it may be filled in once the server is bound.
    const std::string& base_url;
};

void register_admin_users_pages(http::Router& router, const AdminUsersPages& pages);

}  // namespace vitae::web
