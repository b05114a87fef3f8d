#include "web/job_fetch_page.hpp"

#include "applications/job_description_fetch.hpp"
#include "core/error.hpp"
#include "http/middleware.hpp"
#include "web/application_view.hpp"
#include "web/browser_session.hpp"
#include "web/sign_in_pages.hpp"

namespace vitae::web {

void register_job_fetch_page(http::Router& router, const JobFetchPage& p) {
    router
        .post(
            R"(/applications/(\d+)/fetch-job)", http::Access::member,
            [p](const httplib::Request& req, httplib::Response& res, const auth::Principal& who) {
                auto a = p.applications.get(who.user_id, http::path_id(req));
                // The URL as typed in the form, which may not be saved yet.
                auto input = posted_input(req, false);
                const auto url = input.job_url.value_or(a.job_url);
                const auto title = a.role + " at " + a.company;
                const Data refill = application_detail(refilled(a, input), p.cvs.list(who.user_id));
                const auto viewer = BrowserSessions::viewer(who);
                try {
                    handle_form(res, p.views, "application", title, refill, viewer, [&] {
                        if (url.empty())
                            throw Error(ErrorCode::bad_request,
                                        "Enter the job posting's URL first, then fetch.");
                        input.job_description = applications::fetch_job_description(url, p.policy);
                        p.applications.update(who.user_id, a.id, input);
                        res.set_redirect("/applications/" + std::to_string(a.id) + "?done=fetched",
                                         303);
                    });
                } catch (const Error& e) {
                    // A site that is slow or down is worth saying on the page, not on an
                    // error page that loses what was typed.
                    if (e.code() != ErrorCode::unavailable)
                        throw;
                    send_form_error(res, p.views, "application", title, refill, viewer,
                                    http::status_for(e.code()), e.what());
                }
            })
        .limit(p.fetch_rate);
}

}  // namespace vitae::web
