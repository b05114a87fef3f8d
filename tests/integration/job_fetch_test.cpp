// "Fetch the job description from this URL" on an application's page, over real HTTP:
// the page at the job URL (a local site, opened by VITAE_FETCH_ALLOW) becomes the job
// description; a refused address is shown on the page and nothing typed is lost.
#include <doctest/doctest.h>

#include "applications/application_service.hpp"
#include "auth/account_service.hpp"
#include "core/clock.hpp"
#include "cv/cv_service.hpp"
#include "support/browser.hpp"
#include "support/html_form.hpp"
#include "support/local_site.hpp"
#include "support/test_app.hpp"

namespace vitae::test {
namespace {

constexpr const char* kPassword = "correct horse battery staple";

app::AppOptions quiet() {
    app::AppOptions options;
    options.console_log = false;
    return options;
}

// A job board on 127.0.0.1 and a Vitae that may fetch from exactly that address.
struct JobSite {
    LocalSite board;
    TestApp app{std::vector<std::string>{"--fetch-allow", "127.0.0.1/32"}, quiet()};
    std::int64_t zoe = app.app().accounts().create({"zoe@example.org", "", "member", kPassword},
                                                   auth::Actor{std::nullopt, "test", ""});
    cv::CvService cvs{app.app().database(), core::unix_now, 50};
    applications::ApplicationService applications{app.app().database(), cvs, core::unix_now};
    Browser browser{app.port()};

    JobSite() {
        board.server().Get("/jobs/42", [](const httplib::Request&, httplib::Response& res) {
            res.set_content(
                "<html><head><title>Night Nurse - City Hospital</title>"
                "<script>track()</script></head><body><nav>All jobs</nav>"
                "<main><p>Twelve-hour shifts.</p><ul><li>Registered nurse</li>"
                "<li>Two years on a ward</li></ul></main></body></html>",
                "text/html; charset=utf-8");
        });
        board.start();
        REQUIRE(browser.sign_in("zoe@example.org", kPassword)->status == 303);
    }

    std::int64_t application(const std::string& job_url) {
        return applications
            .create(zoe, {.company = "City Hospital", .role = "Nurse", .job_url = job_url})
            .id;
    }

    std::string page_path(std::int64_t id) { return "/applications/" + std::to_string(id); }

    // The edit form as the page renders it, with `changes` over it.
    httplib::Params form(std::int64_t id, const httplib::Params& changes = {}) {
        auto page = browser.get(page_path(id));
        REQUIRE(page->status == 200);
        REQUIRE(page->body.find("formaction=\"" + page_path(id) + "/fetch-job\"") !=
                std::string::npos);
        auto fields = html_form_fields(page->body, page_path(id));
        for (const auto& [name, value] : changes) {
            fields.erase(name);
            fields.emplace(name, value);
        }
        return fields;
    }
};

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST_SUITE("integration") {
    TEST_CASE("fetch_job_fills_the_description_from_the_job_url_and_saves_the_form") {
        JobSite site;
        const auto id = site.application(site.board.url("/jobs/42"));
        auto res = site.browser.post_multipart(site.page_path(id) + "/fetch-job",
                                               site.form(id, {{"notes", "Call Ana"}}));
        REQUIRE(res);
        CAPTURE(res->body);
        REQUIRE(res->status == 303);
        CHECK(res->get_header_value("Location") == site.page_path(id) + "?done=fetched");
        const auto saved = site.applications.get(site.zoe, id);
        CHECK(saved.job_description ==
              "Night Nurse - City Hospital\n\nTwelve-hour shifts.\n\n- Registered nurse\n"
              "- Two years on a ward");
        CHECK(saved.notes == "Call Ana");  // the rest of the form was saved with it
        auto page = site.browser.get(res->get_header_value("Location"));
        CHECK(contains(page->body, "The job description was read from the posting"));
    }

    TEST_CASE("fetch_job_shows_a_refused_address_on_the_page_and_keeps_the_typing") {
        JobSite site;
        const auto id = site.application("");
        // Loopback other than the allowed 127.0.0.1, and the cloud metadata address.
        for (const std::string& url :
             {"http://127.0.0.2:" + std::to_string(site.board.port()) + "/jobs/42",
              std::string("http://169.254.169.254/latest/meta-data")}) {
            CAPTURE(url);
            auto res = site.browser.post_multipart(
                site.page_path(id) + "/fetch-job",
                site.form(id, {{"job_url", url}, {"notes", "typed, not saved"}}));
            REQUIRE(res);
            CHECK(res->status == 400);
            CHECK(contains(res->body, "Vitae does not fetch from it."));
            CHECK(contains(res->body, "typed, not saved"));
        }
        const auto stored = site.applications.get(site.zoe, id);
        CHECK(stored.job_description.empty());
        CHECK(stored.notes.empty());

        auto none = site.browser.post_multipart(site.page_path(id) + "/fetch-job",
                                                site.form(id, {{"job_url", ""}}));
        CHECK(none->status == 400);
        CHECK(contains(none->body, "Enter the job posting"));
    }

    TEST_CASE("fetch_job_is_refused_for_loopback_when_nothing_is_allowed") {
        LocalSite board;
        int hits = 0;
        board.server().Get("/", [&](const httplib::Request&, httplib::Response& res) {
            ++hits;
            res.set_content("secret", "text/plain");
        });
        board.start();
        TestApp app;  // VITAE_FETCH_ALLOW empty: the default
        const auto zoe = app.app().accounts().create({"zoe@example.org", "", "member", kPassword},
                                                     auth::Actor{std::nullopt, "test", ""});
        cv::CvService cvs{app.app().database(), core::unix_now, 50};
        applications::ApplicationService apps{app.app().database(), cvs, core::unix_now};
        const auto id =
            apps.create(zoe, {.company = "A", .role = "B", .job_url = board.url("/")}).id;
        Browser browser(app.port());
        REQUIRE(browser.sign_in("zoe@example.org", kPassword)->status == 303);
        const auto path = "/applications/" + std::to_string(id);
        auto page = browser.get(path);
        auto res = browser.post_multipart(path + "/fetch-job", html_form_fields(page->body, path));
        CHECK(res->status == 400);
        CHECK(contains(res->body, "127.0.0.1 is this machine (loopback)"));
        CHECK(hits == 0);
    }
}

}  // namespace vitae::test
