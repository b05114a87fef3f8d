#pragma once
// JSON API: GET /api/v1/admin/audit, the audit log as the Audit page shows it.
#include "auth/audit.hpp"
#include "http/router.hpp"

namespace vitae::api {

void register_audit_routes(http::Router& router, const auth::AuditLog& audit);

}  // namespace vitae::api
