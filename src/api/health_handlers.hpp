#pragma once
// GET /healthz (liveness) and GET /readyz (readiness with per-check detail).
#include "http/router.hpp"
#include "ops/health.hpp"

namespace vitae::api {

void register_health_routes(http::Router& router, const ops::Health& health);

}  // namespace vitae::api
