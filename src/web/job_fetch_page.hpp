#pragma once
// "Fetch the job description from this URL" on an application's page: the form is saved
// and the job description filled with the text of the page at its job URL, read through
// the SSRF-guarded fetcher (src/net/).
#include "applications/application_service.hpp"
#include "cv/cv_service.hpp"
#include "http/rate_limiter.hpp"
#include "http/router.hpp"
#include "net/fetcher.hpp"
#include "web/views.hpp"

namespace vitae::web {

struct JobFetchPage {
    const Views& views;
    applications::ApplicationService& applications;
    cv::CvService& cvs;
    const net::FetchPolicy& policy;  // VITAE_FETCH_ALLOW and the limits
    http::RateLimiter& fetch_rate;
};

// POST /applications/{id}/fetch-job
void register_job_fetch_page(http::Router& router, const JobFetchPage& page);

}  // namespace vitae::web
