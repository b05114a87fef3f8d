#pragma once
// Admin → Audit: the audit log, searchable, newest first, a page at a time.
#include "auth/audit.hpp"
#include "http/router.hpp"
#include "web/views.hpp"

namespace vitae::web {

struct AuditPage {
    const Views& views;
    const auth::AuditLog& audit;
    int keep_days;  // AUDIT_KEEP_DAYS, told on the page
};

void register_audit_page(http::Router& router, const AuditPage& page);

}  // namespace vitae::web
