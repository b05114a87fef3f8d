#pragma once
// POST /api/v1/imports: a file (multipart field "file") read into a draft JSON Resume.
// The original is kept for a day unless a CV is saved from it in the browser.
#include "cv/cv_import_service.hpp"
#include "http/rate_limiter.hpp"
#include "http/router.hpp"

namespace vitae::api {

void register_import_routes(http::Router& router, cv::CvImportService& imports,
                            http::RateLimiter& import_rate);

}  // namespace vitae::api
