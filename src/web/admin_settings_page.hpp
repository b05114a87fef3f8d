#pragma once
// Admin → Settings: what admins change at run time. For now the security section (whether
// admins must use two-factor sign-in); later issues add their sections here.
#include "auth/second_factor.hpp"
#include "http/router.hpp"
#include "web/views.hpp"

namespace vitae::web {

struct AdminSettingsPage {
    const Views& views;
    auth::SecondFactor& second_factor;
};

void register_admin_settings_page(http::Router& router, const AdminSettingsPage& page);

}  // namespace vitae::web
