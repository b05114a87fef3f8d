#pragma once
// A member's job application pages: the list and the board (columns by status, moved by a
// small form per card, no JavaScript needed), creating, viewing and editing one with its
// status history, tailoring a CV for it, deleting (application_pages.cpp); the CSV and
// job-JSON imports and exports (application_transfer_pages.cpp); and the home page's
// dashboard card. Owner-scoped through ApplicationService.
#include <cstdint>

#include "applications/application_service.hpp"
#include "cv/cv_service.hpp"
#include "http/router.hpp"
#include "web/views.hpp"

namespace vitae::web {

struct ApplicationPages {
    const Views& views;
    applications::ApplicationService& applications;
    cv::CvService& cvs;
};

// GET /applications (?view=board), GET|POST /applications/new, GET|POST /applications/{id},
// POST /applications/{id}/status, POST /applications/{id}/tailor,
// GET|POST /applications/{id}/delete.
void register_application_pages(http::Router& router, const ApplicationPages& pages);

// GET /applications/export.csv, GET|POST /applications/import, GET /applications/{id}/job.json,
// POST /applications/import-job.
void register_application_transfer_pages(http::Router& router, const ApplicationPages& pages);

// The home page's card: applications per status and follow-ups due this week.
Data application_dashboard(applications::ApplicationService& applications, std::int64_t owner);

}  // namespace vitae::web
