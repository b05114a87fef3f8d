#pragma once
// Downloads of a member's CV in every export format: the API route for scripts (bearer
// token) and its twin under /cvs for the browser (session cookie), one handler for both.
#include "cv/cv_service.hpp"
#include "http/rate_limiter.hpp"
#include "http/router.hpp"
#include "web/views.hpp"

namespace vitae::api {

// GET /api/v1/cvs/{id}/export and GET /cvs/{id}/export, ?format=pdf|docx|json|html|txt
// and &paper=a4|letter. `limiter` bounds the renders per caller: a PDF costs tens of ms.
void register_cv_export_routes(http::Router& router, cv::CvService& cvs, const web::Views& views,
                               http::RateLimiter& limiter);

}  // namespace vitae::api
