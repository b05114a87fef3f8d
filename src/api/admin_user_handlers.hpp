#pragma once
// JSON API for administrators: /api/v1/admin/users (list, create with an invite link,
// read, update, delete, password reset link).
#include <string>

#include "auth/user_admin.hpp"
#include "http/router.hpp"

namespace vitae::api {

struct AdminUserHandlers {
    auth::UserAdmin& users;
    // The site's public URL for invite and reset links; read at request time.
    const std::string& base_url;
};

void register_admin_user_routes(http::Router& router, const AdminUserHandlers& handlers);

}  // namespace vitae::api
