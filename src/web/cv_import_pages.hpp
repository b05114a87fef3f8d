#pragma once
// Importing a CV in the browser: a form for a file or pasted text, the draft for review
// (notes, sections, a preview in the chosen template), and saving it as a CV, which opens
// the editor. The original stays downloadable from the CV.
#include "core/asset_store.hpp"
#include "cv/cv_import_service.hpp"
#include "http/rate_limiter.hpp"
#include "http/router.hpp"
#include "web/views.hpp"

namespace vitae::web {

struct CvImportPages {
    const Views& views;
    cv::CvImportService& imports;
    const core::AssetStore& assets;
    http::RateLimiter& import_rate;
};

// GET|POST /cvs/import, GET /cvs/import/{id}, GET /cvs/import/{id}/preview,
// POST /cvs/import/{id}/save, GET /cvs/{id}/original.
void register_cv_import_pages(http::Router& router, const CvImportPages& pages);

}  // namespace vitae::web
