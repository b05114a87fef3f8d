// The application pages that move data in and out: the CSV export and import, and one
// application's job description as JSON Resume job-schema JSON, out and in.
#include "applications/application_csv.hpp"
#include "applications/application_job_json.hpp"
#include "core/error.hpp"
#include "web/application_pages.hpp"
#include "web/browser_session.hpp"
#include "web/file_transfer.hpp"
#include "web/sign_in_pages.hpp"

namespace vitae::web {

namespace {

void register_csv(http::Router& router, const ApplicationPages& p) {
    router.get("/applications/export.csv", http::Access::member,
               [p](const httplib::Request&, httplib::Response& res, const auth::Principal& who) {
                   auto csv = applications::to_csv(p.applications.export_all(who.user_id));
                   send_download(res, std::move(csv), "text/csv; charset=utf-8",
                                 "applications-" + p.applications.today() + ".csv");
               });

    router.get("/applications/import", http::Access::member,
               [p](const httplib::Request&, httplib::Response& res, const auth::Principal& who) {
                   send_html(res, p.views.page("applications_import", "Import applications", Data(),
                                               "/applications", BrowserSessions::viewer(who)));
               });

    // All or nothing: the rows are read and checked in full before one transaction saves
    // them, so a refused file leaves no half-import behind.
    router.post(
        "/applications/import", http::Access::member,
        [p](const httplib::Request& req, httplib::Response& res, const auth::Principal& who) {
            handle_form(res, p.views, "applications_import", "Import applications", Data(),
                        BrowserSessions::viewer(who), [&] {
                            auto rows = applications::parse_csv(uploaded_file(req, "CSV"));
                            auto n = p.applications.import_all(who.user_id, rows);
                            res.set_redirect(
                                "/applications?done=imported&count=" + std::to_string(n), 303);
                        });
        });
}

void register_job_json(http::Router& router, const ApplicationPages& p) {
    router.get(
        R"(/applications/(\d+)/job.json)", http::Access::member,
        [p](const httplib::Request& req, httplib::Response& res, const auth::Principal& who) {
            auto a = p.applications.get(who.user_id, http::path_id(req));
            send_download(res, applications::to_job_json(a).dump(2), "application/json",
                          "job-" + std::to_string(a.id) + ".json");
        });

    router.post(
        "/applications/import-job", http::Access::member,
        [p](const httplib::Request& req, httplib::Response& res, const auth::Principal& who) {
            handle_form(res, p.views, "applications_import", "Import applications", Data(),
                        BrowserSessions::viewer(who), [&] {
                            auto input =
                                applications::parse_job_json(uploaded_file(req, "job JSON"));
                            auto a = p.applications.create(who.user_id, input);
                            res.set_redirect(
                                "/applications/" + std::to_string(a.id) + "?done=created", 303);
                        });
        });
}

}  // namespace

void register_application_transfer_pages(http::Router& router, const ApplicationPages& pages) {
    register_csv(router, pages);
    register_job_json(router, pages);
}

}  // namespace vitae::web
