#pragma once
// A member's share links to one of their CVs: the list (views, expiry, password, status),
// a new link (shown once) and revoking one. The pages visitors see are shared_cv_pages.
#include <string>

#include "cv/cv_service.hpp"
#include "cv/cv_share_service.hpp"
#include "http/router.hpp"
#include "web/views.hpp"

namespace vitae::web {

struct CvSharePages {
    const Views& views;
    cv::CvService& cvs;
    cv::CvShareService& shares;
    // What a new link starts with (VITAE_BASE_URL or the bound address); read per request.
    const std::string& base_url;
};

void register_cv_share_pages(http::Router& router, const CvSharePages& pages);

}  // namespace vitae::web
