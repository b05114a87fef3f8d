#pragma once
// JSON API for a member's own job applications: /api/v1/applications and
// /api/v1/applications/{id} (read, save, delete). The shape is in the README.
#include "applications/application_service.hpp"
#include "http/router.hpp"

namespace vitae::api {

void register_application_routes(http::Router& router,
                                 applications::ApplicationService& applications);

}  // namespace vitae::api
