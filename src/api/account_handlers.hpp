#pragma once
// JSON API: GET /api/v1/me.
#include "http/router.hpp"

namespace vitae::api {

void register_account_routes(http::Router& router);

}  // namespace vitae::api
