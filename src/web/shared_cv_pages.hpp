#pragma once
// What a share link opens for anyone who has it, signed in or not: GET /s/{token} (the CV
// in its template, or the password form), POST /s/{token} (the password) and
// GET /s/{token}/cv.pdf (?paper=a4|letter). These pages
// show the CV and nothing else: no navigation to member pages, no owner details beyond
// what the CV itself says. A link that does not work is the site's ordinary 404.
#include "auth/audit.hpp"
#include "core/asset_store.hpp"
#include "cv/cv_share_service.hpp"
#include "http/rate_limiter.hpp"
#include "http/router.hpp"
#include "web/browser_session.hpp"
#include "web/sign_in_throttle.hpp"
#include "web/views.hpp"

namespace vitae::web {

struct SharedCvPages {
    const Views& views;
    const core::AssetStore& assets;
    BrowserSessions& browser;
    cv::CvShareService& shares;
    auth::AuditLog& audit;
    // Every password attempt costs an Argon2 run: the sign-in throttle backs off per IP
    // and per link, and the sign-in token bucket caps attempts per IP.
    SignInThrottle& throttle;
    http::RateLimiter& rate;
    // A PDF costs tens of milliseconds of CPU: the members' export bucket, per IP here.
    http::RateLimiter& pdf_rate;
};

void register_shared_cv_pages(http::Router& router, const SharedCvPages& pages);

}  // namespace vitae::web
