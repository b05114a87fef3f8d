#pragma once
// JSON API for a member's own CVs: /api/v1/cvs and /api/v1/cvs/{id} (read, save, delete),
// with versions, diff, restore and duplicate below it.
#include "cv/cv_service.hpp"
#include "http/router.hpp"

namespace vitae::api {

void register_cv_routes(http::Router& router, cv::CvService& cvs);

}  // namespace vitae::api
