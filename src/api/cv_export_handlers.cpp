#include "api/cv_export_handlers.hpp"

#include "cv/cv_export.hpp"

namespace vitae::api {

namespace {

void send_file(httplib::Response& res, cv::ExportedFile file) {
    // Always a download: an exported HTML page must never render as one of our pages, and
    // a file the member saves should carry the CV's name.
    res.set_header("Content-Disposition", "attachment; filename=\"" + file.file_name + "\"");
    res.set_header("Cache-Control", "no-store");  // a CV is personal data
    res.set_content(std::move(file.bytes), file.content_type);
}

}  // namespace

void register_cv_export_routes(http::Router& router, cv::CvService& cvs, const web::Views& views,
                               http::RateLimiter& limiter) {
    auto handler = [&cvs, &views](const httplib::Request& req, httplib::Response& res,
                                  const auth::Principal& me) {
        auto cv = cvs.get(me.user_id, http::path_id(req));
        // The query is checked after the owner: a stranger learns nothing from a bad one.
        cv::ExportRequest request{
            .format = cv::parse_export_format(req.get_param_value("format")),
            .paper = cv::parse_paper_size(req.get_param_value("paper"), cv.resume),
            .author = me.name};
        send_file(res, cv::export_cv(views, cv, request));
    };
    router.get(R"(/api/v1/cvs/(\d+)/export)", http::Access::member, handler).limit(limiter);
    router.get(R"(/cvs/(\d+)/export)", http::Access::member, handler).limit(limiter);
}

}  // namespace vitae::api
