#pragma once
// A member's CV pages: the list ("My CVs"), creating, duplicating and deleting a CV
// (cv_pages.cpp), and the editor with its preview (cv_editor_page.cpp). Owner-scoped
// through CvService: another member's CV is "not found".
#include "core/asset_store.hpp"
#include "cv/cv_service.hpp"
#include "http/router.hpp"
#include "web/views.hpp"

namespace vitae::web {

struct CvPages {
    const Views& views;
    cv::CvService& cvs;
    const core::AssetStore& assets;  // for the pages' script URLs and the template CSS
};

// GET /cvs, GET|POST /cvs/new, POST /cvs/{id}/duplicate, GET|POST /cvs/{id}/delete.
void register_cv_pages(http::Router& router, const CvPages& pages);

// GET|POST /cvs/{id}/edit, GET /cvs/{id}/preview.
void register_cv_editor_page(http::Router& router, const CvPages& pages);

}  // namespace vitae::web
