// The CV JSON API over real HTTP with personal tokens: saving drafts with their problems,
// versions, diff, restore, duplicate, deletion, other members' CVs, and refused bodies.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "auth/account_service.hpp"
#include "auth/api_token_service.hpp"
#include "core/clock.hpp"
#include "support/cv_api_site.hpp"
#include "support/resume_fixture.hpp"

using json = nlohmann::json;
using Site = vitae::test::CvApiSite;
using vitae::test::FakeClock;

namespace {

std::string cv_path(const json& cv, const std::string& rest = "") {
    return "/api/v1/cvs/" + std::to_string(cv["id"].get<std::int64_t>()) + rest;
}

}  // namespace

TEST_SUITE("integration") {
    TEST_CASE("a_member_creates_reads_updates_lists_and_deletes_a_cv_over_the_api") {
        Site s;
        auto created = s.create(
            {{"title", "Ingénieure"}, {"resume", vitae::test::resume_fixture("rich.json")}});
        CHECK(created["title"] == "Ingénieure");
        CHECK(created["template"] == "classic");
        CHECK(created["created_at"] == vitae::core::iso8601_utc(FakeClock::kStart));
        CHECK(created["resume"] == vitae::test::resume_fixture("rich.json"));
        CHECK(created["problems"] == json::array());
        CHECK(created["parent_id"].is_null());

        auto got = s.ok("GET", cv_path(created));
        CHECK(got["resume"] == vitae::test::resume_fixture("rich.json"));
        CHECK(got["resume"]["x-vitae-unknown-section"] ==
              vitae::test::resume_fixture("rich.json")["x-vitae-unknown-section"]);

        s.clock.advance(std::chrono::minutes(5));
        auto saved = s.ok("PUT", cv_path(created), {{"template", "modern"}, {"title", "Lead"}});
        CHECK(saved["template"] == "modern");
        CHECK(saved["title"] == "Lead");
        CHECK(saved["updated_at"] == vitae::core::iso8601_utc(FakeClock::kStart + 300));
        CHECK(saved["resume"] == vitae::test::resume_fixture("rich.json"));

        auto list = s.ok("GET", "/api/v1/cvs");
        REQUIRE(list["cvs"].size() == 1);
        CHECK(list["cvs"][0]["title"] == "Lead");
        CHECK_FALSE(list["cvs"][0].contains("resume"));

        auto gone = s.call("DELETE", cv_path(created));
        REQUIRE(gone);
        CHECK(gone->status == 204);
        CHECK(s.call("GET", cv_path(created))->status == 404);
        CHECK(s.stored("SELECT count(*) FROM cvs") == "0");
        CHECK(s.stored("SELECT count(*) FROM cv_versions") == "0");
    }

    TEST_CASE("an_invalid_draft_is_saved_and_its_problems_are_listed") {
        Site s;
        json draft = {{"basics", {{"email", "zoe(at)example"}, {"url", "www.zoe.gr"}}},
                      {"work", {{{"startDate", "March 2020"}}}}};
        auto cv = s.create({{"title", "Draft"}, {"resume", draft}});
        CHECK(cv["resume"] == draft);
        CHECK(cv["problems"] == json::parse(R"([
            {"path": "basics.email", "message": "must be an email address like name@example.org"},
            {"path": "basics.url", "message": "must be a web address starting with https://"},
            {"path": "work[0].startDate", "message": "must be a date: YYYY, YYYY-MM or YYYY-MM-DD"}
        ])"));
        CHECK(s.ok("GET", cv_path(cv))["problems"].size() == 3);
    }

    TEST_CASE("every_save_is_a_version_pruned_to_cv_versions_keep") {
        Site s;
        auto cv = s.create({{"title", "CV"}, {"resume", {{"basics", {{"name", "v1"}}}}}});
        for (int i = 2; i <= 5; ++i) {
            s.clock.advance(std::chrono::seconds(1));
            s.ok("PUT", cv_path(cv),
                 {{"resume", {{"basics", {{"name", "v" + std::to_string(i)}}}}}});
        }
        auto versions = s.ok("GET", cv_path(cv, "/versions"))["versions"];
        REQUIRE(versions.size() == 3);
        CHECK(versions[0]["number"] == 5);
        CHECK(versions[2]["number"] == 3);
        CHECK(versions[0]["created_at"] == vitae::core::iso8601_utc(FakeClock::kStart + 4));
        CHECK(s.stored("SELECT count(*) FROM cv_versions") == "3");
        CHECK(s.call("POST", cv_path(cv, "/versions/2/restore"))->status == 404);
    }

    TEST_CASE("diff_shows_per_field_changes_and_restore_saves_an_old_version_again") {
        Site s;
        auto cv = s.create({{"title", "CV"}, {"resume", vitae::test::resume_fixture("rich.json")}});
        auto changed = vitae::test::resume_fixture("rich.json");
        changed["basics"]["name"] = "Zoë Å.";
        changed["work"][1]["endDate"] = "2019-03";
        s.ok("PUT", cv_path(cv), {{"resume", changed}});

        auto diff = s.ok("GET", cv_path(cv, "/diff?from=1&to=2"));
        CHECK(diff["changes"] == json::parse(R"([
            {"path": "/resume/basics/name", "op": "changed",
             "before": "Zoë Ångström-Παπαδοπούλου", "after": "Zoë Å."},
            {"path": "/resume/work/1/endDate", "op": "changed",
             "before": "2019-02", "after": "2019-03"}])"));
        CHECK(s.call("GET", cv_path(cv, "/diff?from=1"))->status == 400);
        CHECK(s.call("GET", cv_path(cv, "/diff?from=1&to=9"))->status == 404);

        auto restored = s.ok("POST", cv_path(cv, "/versions/1/restore"));
        CHECK(restored["resume"] == vitae::test::resume_fixture("rich.json"));
        CHECK(s.ok("GET", cv_path(cv))["resume"] == vitae::test::resume_fixture("rich.json"));
        CHECK(s.ok("GET", cv_path(cv, "/versions"))["versions"][0]["number"] == 3);
        CHECK(s.ok("GET", cv_path(cv, "/diff?from=1&to=3"))["changes"] == json::array());
    }

    TEST_CASE("a_duplicate_is_a_new_cv_that_remembers_its_parent") {
        Site s;
        auto cv = s.create({{"title", "Ελληνικά"},
                            {"template", "ats"},
                            {"resume", vitae::test::resume_fixture("rich.json")}});
        auto copy = s.ok("POST", cv_path(cv, "/duplicate"), nullptr, 201);
        CHECK(copy["id"] != cv["id"]);
        CHECK(copy["parent_id"] == cv["id"]);
        CHECK(copy["title"] == "Ελληνικά (copy)");
        CHECK(copy["template"] == "ats");
        CHECK(copy["resume"] == vitae::test::resume_fixture("rich.json"));
        CHECK(s.ok("GET", "/api/v1/cvs")["cvs"].size() == 2);
    }

    TEST_CASE("another_members_cv_is_not_found_and_left_untouched") {
        Site s;
        auto cv = s.create({{"title", "Mine"}, {"resume", {{"basics", {{"name", "Zoë"}}}}}});
        auto other = s.token_for(s.member("other@example.org"));
        for (auto [method, rest] :
             std::vector<std::pair<std::string, std::string>>{{"GET", ""},
                                                              {"PUT", ""},
                                                              {"DELETE", ""},
                                                              {"GET", "/versions"},
                                                              {"GET", "/diff?from=1&to=1"},
                                                              {"GET", "/diff"},
                                                              {"POST", "/versions/1/restore"},
                                                              {"POST", "/duplicate"}}) {
            CAPTURE(method + " " + rest);
            auto res = s.call(method, cv_path(cv, rest), R"({"title": "stolen"})", other);
            REQUIRE(res);
            CHECK(res->status == 404);
            CHECK(json::parse(res->body)["error"]["code"].is_string());
        }
        CHECK(s.ok("GET", "/api/v1/cvs", nullptr, 200)["cvs"].size() == 1);
        CHECK(s.stored("SELECT title || count(*) FROM cvs") == "Mine1");
        CHECK(s.stored("SELECT count(*) FROM cv_versions") == "1");
    }

    TEST_CASE("malformed_non_object_or_oversized_bodies_are_refused_and_nothing_is_stored") {
        Site s;
        auto cv = s.create({{"title", "CV"}, {"resume", {{"basics", {{"name", "Zoë"}}}}}});
        std::string huge =
            json{{"title", "Big"},
                 {"resume", {{"basics", {{"summary", std::string(1024 * 1024, 'a')}}}}}}
                .dump();
        for (const std::string& body :
             {std::string("{\"title\": \"x\", "), std::string("[1, 2]"),
              std::string(R"({"title": "x", "resume": [1]})"),
              std::string(R"({"title": "x", "resume": "text"})"),
              std::string("{\"title\": \"x\", \"resume\": {\"basics\": {\"name\": \"\xff\"}}}"),
              std::string(R"({"title": "x", "template": "fancy"})"),
              std::string(R"({"title": "x", "unknown": 1})"), std::string(R"({"title": ""})"),
              huge}) {
            CAPTURE(body.substr(0, 80));
            for (const auto& [method, path] :
                 {std::pair<std::string, std::string>{"POST", "/api/v1/cvs"},
                  {"PUT", cv_path(cv)}}) {
                auto res = s.call(method, path, body);
                REQUIRE(res);
                CHECK(res->status == 400);
                auto error = json::parse(res->body)["error"];
                CHECK(error["code"].is_string());
                CHECK_FALSE(error["message"].get<std::string>().empty());
            }
        }
        CHECK(s.stored("SELECT count(*) FROM cvs") == "1");
        CHECK(s.stored("SELECT count(*) FROM cv_versions") == "1");
        CHECK(s.ok("GET", cv_path(cv))["resume"] == json{{"basics", {{"name", "Zoë"}}}});
    }
}
