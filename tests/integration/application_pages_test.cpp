// The member's application pages over real HTTP, as a browser without JavaScript uses
// them: the list and the board, the new and edit forms (multipart, long descriptions),
// status changes and their history, tailoring a CV, deleting, the CSV export and import
// (all or nothing), the job JSON export (checked against the official job schema) and
// import, the home page's card, CSRF, and other members' applications.
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "applications/application_csv.hpp"
#include "applications/application_service.hpp"
#include "cv/cv_service.hpp"
#include "store/statement.hpp"
#include "support/browser.hpp"
#include "support/cv_api_site.hpp"
#include "support/temp_dir.hpp"
#include "support/tool.hpp"

using json = nlohmann::json;
using vitae::applications::Application;
using vitae::test::Browser;

namespace {

constexpr const char* kHostile = "<script>alert(1)</script>";

struct Site : vitae::test::CvApiSite {
    vitae::core::UnixClock now = [this] { return clock.now(); };
    vitae::cv::CvService cvs{app.app().database(), now, 10};
    vitae::applications::ApplicationService apps{app.app().database(), cvs, now};
    std::int64_t ann = member("ann@example.org");
    Browser browser = signed_in("ann@example.org");

    Browser signed_in(const std::string& email) {
        Browser b(app.port());
        REQUIRE(b.sign_in(email, kPassword)->status == 303);
        REQUIRE(b.get("/applications")->status == 200);  // loads the session's CSRF token
        return b;
    }

    Application application(const std::string& company, const std::string& role,
                            const std::string& status = "saved") {
        return apps.create(ann, {.company = company, .role = role, .status = status});
    }

    std::string page(const std::string& path) {
        auto res = browser.get(path);
        REQUIRE(res);
        CAPTURE(res->body);
        REQUIRE(res->status == 200);
        return res->body;
    }

    std::int64_t count(const std::string& sql) { return std::stoll(stored(sql)); }
};

std::string path_of(const Application& a, const std::string& rest = "") {
    return "/applications/" + std::to_string(a.id) + rest;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST_SUITE("integration") {
    TEST_CASE("the_list_and_the_board_show_the_members_own_applications_by_status") {
        Site s;
        auto acme = s.application("ACME", "Engineer", "interviewing");
        s.application("Initech", kHostile);
        auto bobs = s.apps.create(s.member("bob@example.org"), {.company = "Hooli", .role = "CEO"});

        auto list = s.page("/applications");
        CHECK(contains(list, "ACME"));
        CHECK(contains(list, "&lt;script&gt;alert(1)&lt;/script&gt;"));
        CHECK_FALSE(contains(list, kHostile));
        CHECK_FALSE(contains(list, "Hooli"));
        CHECK(contains(list, "href=\"" + path_of(acme) + "\""));

        auto board = s.page("/applications?view=board");
        auto column = board.find("id=\"column-interviewing\"");
        auto next_column = board.find("id=\"column-offer\"");
        auto card = board.find("id=\"application-" + std::to_string(acme.id) + "\"");
        REQUIRE(column != std::string::npos);
        CHECK((card > column && card < next_column));
        CHECK(contains(board, "action=\"" + path_of(acme, "/status") + "\""));
        CHECK_FALSE(contains(board, "Hooli"));
        CHECK(s.browser.get(path_of(bobs))->status == 404);
    }

    TEST_CASE("the_new_form_creates_an_application_with_a_long_description") {
        Site s;
        auto cv = s.cvs.create(s.ann, {.title = "Main CV"});
        REQUIRE(contains(s.page("/applications/new"), "name=\"job_description\""));
        std::string description(20'000, 'x');  // past cpp-httplib's 8 KiB urlencoded limit
        auto res = s.browser.post_multipart("/applications/new",
                                            {{"company", "ACME"},
                                             {"role", "Engineer"},
                                             {"status", "applied"},
                                             {"follow_up_on", "2027-01-20"},
                                             {"contacts", "Ana | ana@example.org | | recruiter"},
                                             {"cv_id", std::to_string(cv.id)},
                                             {"job_description", description}});
        REQUIRE(res);
        REQUIRE(res->status == 303);
        auto location = res->get_header_value("Location");
        CHECK(location.ends_with("?done=created"));
        auto id = std::stoll(location.substr(std::string("/applications/").size()));
        auto a = s.apps.get(s.ann, id);
        CHECK(a.status == "applied");
        CHECK(a.applied_on == "2027-01-15");
        CHECK(a.job_description == description);
        CHECK(a.cv_id == cv.id);
        REQUIRE(a.contacts.size() == 1);
        CHECK(a.contacts[0].email == "ana@example.org");
        CHECK(contains(s.page(path_of(a)), "Ana | ana@example.org |  | recruiter"));
    }

    TEST_CASE("a_refused_form_says_why_keeps_what_was_typed_and_saves_nothing") {
        Site s;
        auto res = s.browser.post_multipart("/applications/new", {{"company", "ACME"},
                                                                  {"role", "Engineer"},
                                                                  {"saved_on", "2027-13-01"},
                                                                  {"notes", "keep me"}});
        REQUIRE(res);
        CHECK(res->status == 400);
        CHECK(contains(res->body, "&quot;saved_on&quot; must be a date"));
        CHECK(contains(res->body, "keep me"));
        CHECK(s.count("SELECT count(*) FROM applications") == 0);
    }

    TEST_CASE("a_status_change_on_the_board_shows_in_the_history_with_its_time") {
        Site s;
        auto a = s.application("ACME", "Engineer");
        s.clock.advance(std::chrono::hours(26));
        auto res =
            s.browser.post(path_of(a, "/status"), {{"status", "interviewing"}, {"back", "board"}});
        REQUIRE(res);
        REQUIRE(res->status == 303);
        CHECK(res->get_header_value("Location") ==
              "/applications?view=board#application-" + std::to_string(a.id));
        res =
            s.browser.post(path_of(a, "/status"), {{"status", "offer"}, {"note", "verbal offer"}});
        REQUIRE(res->status == 303);
        CHECK(res->get_header_value("Location") == path_of(a, "?done=moved"));

        auto page = s.page(path_of(a));
        CHECK(contains(page, "<strong>Saved</strong> <time datetime=\"2027-01-15T07:46:40Z\""));
        CHECK(contains(page,
                       "<strong>Interviewing</strong> <time datetime=\"2027-01-16T09:46:40Z\""));
        CHECK(contains(page, "<strong>Offer</strong>"));
        CHECK(contains(page, "verbal offer"));

        auto unknown = s.browser.post(path_of(a, "/status"), {{"status", "hired"}});
        CHECK(unknown->status == 400);
        CHECK(s.apps.get(s.ann, a.id).status == "offer");
    }

    TEST_CASE("a_status_change_without_the_csrf_token_is_refused") {
        Site s;
        auto a = s.application("ACME", "Engineer");
        auto res = s.browser.post(path_of(a, "/status"), {{"status", "offer"}, {"csrf", "forged"}});
        REQUIRE(res);
        CHECK(res->status == 403);
        CHECK(s.apps.get(s.ann, a.id).status == "saved");
    }

    TEST_CASE("the_edit_form_saves_changes_and_keeps_the_status") {
        Site s;
        auto a = s.application("ACME", "Engineer", "applied");
        auto res = s.browser.post_multipart(path_of(a), {{"company", "ACME Corp"},
                                                         {"role", "Senior Engineer"},
                                                         {"job_url", "https://jobs.example.org/9"},
                                                         {"cv_id", ""},
                                                         {"job_description", "New text"}});
        REQUIRE(res);
        REQUIRE(res->status == 303);
        auto after = s.apps.get(s.ann, a.id);
        CHECK(after.company == "ACME Corp");
        CHECK(after.role == "Senior Engineer");
        CHECK(after.status == "applied");
        CHECK(after.events.size() == 1);
        CHECK(contains(s.page(path_of(a)), "value=\"https://jobs.example.org/9\""));
    }

    TEST_CASE("tailor_makes_a_copy_of_the_cv_shown_on_the_application_page") {
        Site s;
        auto cv = s.cvs.create(s.ann, {.title = "Main CV"});
        auto a = s.application("ACME", "Engineer");
        auto res = s.browser.post(path_of(a, "/tailor"), {{"cv_id", std::to_string(cv.id)}});
        REQUIRE(res);
        REQUIRE(res->status == 303);
        auto tailored = s.apps.get(s.ann, a.id).tailored_cv_id;
        REQUIRE(tailored);
        auto page = s.page(path_of(a));
        CHECK(contains(page, "<a href=\"/cvs/" + std::to_string(*tailored) +
                                 "/edit\" data-tailored-cv>Main CV for ACME</a>"));

        auto bobs_cv = s.cvs.create(s.member("bob@example.org"), {.title = "Bob's"});
        CHECK(s.browser.post(path_of(a, "/tailor"), {{"cv_id", std::to_string(bobs_cv.id)}})
                  ->status == 404);
        CHECK(s.count("SELECT count(*) FROM cvs") == 3);
    }

    TEST_CASE("delete_asks_first_then_deletes_the_application") {
        Site s;
        auto a = s.application("ACME", "Engineer");
        CHECK(contains(s.page(path_of(a, "/delete")), "Delete this application?"));
        auto res = s.browser.post(path_of(a, "/delete"));
        REQUIRE(res->status == 303);
        CHECK(res->get_header_value("Location") == "/applications?done=deleted");
        CHECK(s.browser.get(path_of(a))->status == 404);
    }

    TEST_CASE("csv_export_then_import_over_http_recreates_the_applications") {
        Site s;
        s.apps.create(s.ann, {.company = "Smith, \"Jones\"",
                              .role = "Ingénieur 日本",
                              .salary = "=1+1",
                              .status = "interviewing",
                              .notes = "two\nlines"});
        auto res = s.browser.get("/applications/export.csv");
        REQUIRE(res);
        REQUIRE(res->status == 200);
        CHECK(res->get_header_value("Content-Type") == "text/csv; charset=utf-8");
        CHECK(res->get_header_value("Content-Disposition") ==
              "attachment; filename=\"applications-2027-01-15.csv\"");
        CHECK(contains(res->body, "\"'=1+1\""));
        std::string csv = res->body;

        s.member("bob@example.org");
        Browser bob = s.signed_in("bob@example.org");
        REQUIRE(bob.get("/applications/import")->status == 200);
        auto imported = bob.post_multipart("/applications/import", {{"file", csv}});
        REQUIRE(imported);
        CAPTURE(imported->body);
        REQUIRE(imported->status == 303);
        auto list = bob.get("/applications?view=board")->body;
        CHECK(contains(list, "Ingénieur 日本"));
        CHECK(s.count("SELECT count(*) FROM applications WHERE salary = '=1+1' AND "
                      "notes = 'two' || char(10) || 'lines' AND status = 'interviewing'") == 2);
    }

    TEST_CASE("a_csv_with_a_bad_row_is_refused_whole_with_the_row_numbers") {
        Site s;
        auto res = s.browser.post_multipart(
            "/applications/import",
            {{"file", "company,role,status\nA,One,saved\nB,Two,hired\nC,Three,\n,Four,applied\n"}});
        REQUIRE(res);
        CHECK(res->status == 400);
        CHECK(contains(res->body, "row 3: Unknown status &quot;hired&quot;"));
        CHECK(contains(res->body, "row 5: &quot;company&quot; is required"));
        CHECK(s.count("SELECT count(*) FROM applications") == 0);

        auto empty = s.browser.post_multipart("/applications/import", {{"file", ""}});
        CHECK(empty->status == 400);
        CHECK(contains(empty->body, "Choose a CSV file"));
    }

    TEST_CASE("job_json_export_passes_the_job_schema_and_imports_as_a_new_application") {
        REQUIRE_MESSAGE(std::filesystem::exists(VITAE_SOURCE_DIR "/tests/e2e/node_modules/ajv"),
                        "run `npm ci` in tests/e2e (make test does) for ajv and the schema");
        Site s;
        auto a = s.apps.create(s.ann, {.company = "ACME",
                                       .role = "Engineer",
                                       .location = "Lisbon",
                                       .job_url = "https://jobs.example.org/1",
                                       .salary = "60k",
                                       .job_description = "Build things."});
        auto res = s.browser.get(path_of(a, "/job.json"));
        REQUIRE(res);
        REQUIRE(res->status == 200);
        CHECK(res->get_header_value("Content-Type") == "application/json");
        vitae::test::TempDir dir;
        std::ofstream(dir / "job.json") << res->body;
        auto run =
            vitae::test::run_tool({"node", VITAE_SOURCE_DIR "/tests/e2e/validate_json_resume.mjs",
                                   "--job", (dir / "job.json").string()});
        CAPTURE(run.out);
        CAPTURE(run.err);
        CHECK(run.exit_code == 0);
        // The check can fail: a remote level outside the schema's enum is reported.
        auto bad = json::parse(res->body);
        bad["remote"] = "Sometimes";
        std::ofstream(dir / "bad.json") << bad.dump();
        auto refused =
            vitae::test::run_tool({"node", VITAE_SOURCE_DIR "/tests/e2e/validate_json_resume.mjs",
                                   "--job", (dir / "bad.json").string()});
        CHECK(refused.exit_code == 1);
        CHECK(contains(refused.out, "/remote"));

        auto imported = s.browser.post_multipart("/applications/import-job", {{"file", res->body}});
        REQUIRE(imported);
        REQUIRE(imported->status == 303);
        auto id = std::stoll(imported->get_header_value("Location").substr(14));
        auto copy = s.apps.get(s.ann, id);
        CHECK(copy.company == "ACME");
        CHECK(copy.role == "Engineer");
        CHECK(copy.location == "Lisbon");
        CHECK(copy.job_url == "https://jobs.example.org/1");
        CHECK(copy.job_description == "Build things.");

        auto not_a_job =
            s.browser.post_multipart("/applications/import-job", {{"file", "{\"title\": 1}"}});
        CHECK(not_a_job->status == 400);
        CHECK(contains(not_a_job->body, "&quot;title&quot; must be a string"));
    }

    TEST_CASE("the_home_page_shows_counts_and_follow_ups_to_the_member_only") {
        Site s;
        s.apps.create(s.ann, {.company = "ACME",
                              .role = "Engineer",
                              .status = "applied",
                              .follow_up_on = "2027-01-18"});
        s.application("Initech", "Designer");
        auto home = s.page("/");
        CHECK(contains(home, "Your applications"));
        CHECK(contains(home, "<span class=\"status-count\">1</span> Applied"));
        CHECK(contains(home, "Engineer at ACME</a> — 2027-01-18"));
        CHECK_FALSE(contains(home, "Last reviews"));
        Browser anonymous(s.app.port());
        CHECK_FALSE(contains(anonymous.get("/")->body, "Your applications"));
    }
}
