// /api/v1/applications over real HTTP with a personal token: create, read, update, list
// and delete, the JSON shape with its status history, refusals with their messages, and
// other members' applications.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "support/cv_api_site.hpp"

using json = nlohmann::json;
using vitae::test::CvApiSite;

namespace {

std::string path_of(const json& a) {
    return "/api/v1/applications/" + std::to_string(a["id"].get<std::int64_t>());
}

json error_of(const httplib::Result& res, int status) {
    REQUIRE(res);
    CAPTURE(res->body);
    REQUIRE(res->status == status);
    return json::parse(res->body)["error"];
}

}  // namespace

TEST_SUITE("integration") {
    TEST_CASE("a_member_creates_reads_updates_lists_and_deletes_an_application_over_the_api") {
        CvApiSite s;
        auto cv = s.create({{"title", "Main CV"}});
        auto created = s.ok("POST", "/api/v1/applications",
                            {{"company", "ACME"},
                             {"role", "Engineer"},
                             {"job_url", "https://jobs.example.org/1"},
                             {"follow_up_on", "2027-01-20"},
                             {"contacts", {{{"name", "Ana"}, {"email", "ana@example.org"}}}},
                             {"cv_id", cv["id"]},
                             {"job_description", "Build things."}},
                            201);
        CHECK(created["status"] == "saved");
        CHECK(created["saved_on"] == "2027-01-15");
        CHECK(created["applied_on"] == nullptr);
        CHECK(created["cv_id"] == cv["id"]);
        CHECK(created["tailored_cv_id"] == nullptr);
        CHECK(created["contacts"] ==
              json::array(
                  {{{"name", "Ana"}, {"email", "ana@example.org"}, {"phone", ""}, {"role", ""}}}));
        CHECK(created["events"] ==
              json::array(
                  {{{"status", "saved"}, {"at", "2027-01-15T07:46:40Z"}, {"note", nullptr}}}));
        CHECK(created["created_at"] == "2027-01-15T07:46:40Z");

        s.clock.advance(std::chrono::hours(2));
        auto updated = s.ok("PUT", path_of(created),
                            {{"status", "applied"}, {"follow_up_on", nullptr}, {"cv_id", nullptr}});
        CHECK(updated["status"] == "applied");
        CHECK(updated["applied_on"] == "2027-01-15");
        CHECK(updated["follow_up_on"] == nullptr);
        CHECK(updated["cv_id"] == nullptr);
        CHECK(updated["company"] == "ACME");  // not given, kept
        REQUIRE(updated["events"].size() == 2);
        CHECK(updated["events"][1] ==
              json{{"status", "applied"}, {"at", "2027-01-15T09:46:40Z"}, {"note", nullptr}});
        CHECK(s.ok("GET", path_of(created)) == updated);

        auto list = s.ok("GET", "/api/v1/applications")["applications"];
        REQUIRE(list.size() == 1);
        CHECK(list[0]["role"] == "Engineer");
        CHECK_FALSE(list[0].contains("job_description"));

        auto gone = s.call("DELETE", path_of(created));
        REQUIRE(gone);
        CHECK(gone->status == 204);
        error_of(s.call("GET", path_of(created)), 404);
    }

    TEST_CASE("an_unknown_status_or_bad_field_is_a_400_that_says_what_to_fix") {
        CvApiSite s;
        auto error = error_of(s.call("POST", "/api/v1/applications",
                                     R"({"company": "A", "role": "B", "status": "hired"})"),
                              400);
        CHECK(error["code"] == "bad_request");
        CHECK(error["message"].get<std::string>().starts_with("Unknown status \"hired\""));
        auto a = s.ok("POST", "/api/v1/applications", {{"company", "A"}, {"role", "B"}}, 201);
        CHECK(error_of(s.call("PUT", path_of(a), R"({"status": "Offer"})"), 400)["message"]
                  .get<std::string>()
                  .starts_with("Unknown status"));
        CHECK(
            error_of(s.call("PUT", path_of(a), R"({"applied_on": "yesterday"})"), 400)["message"] ==
            "\"applied_on\" must be a date written YYYY-MM-DD, such as 2027-01-31.");
        CHECK(error_of(s.call("PUT", path_of(a), R"({"events": []})"), 400)["message"] ==
              "Unknown field \"events\".");
        CHECK(error_of(s.call("POST", "/api/v1/applications", R"({"company": "A"})"),
                       400)["message"] == "\"role\" is required.");
        CHECK(error_of(s.call("PUT", path_of(a), R"({"cv_id": "7"})"), 400)["message"] ==
              "\"cv_id\" must be the id of one of your CVs, or null.");
        CHECK(s.ok("GET", path_of(a))["events"].size() == 1);
    }

    TEST_CASE("another_members_application_is_404_and_their_cv_cannot_be_linked") {
        CvApiSite s;
        auto a = s.ok("POST", "/api/v1/applications", {{"company", "A"}, {"role", "B"}}, 201);
        auto mallory = s.token_for(s.member("mallory@example.org"));
        error_of(s.call("GET", path_of(a), "", mallory), 404);
        error_of(s.call("PUT", path_of(a), R"({"status": "offer"})", mallory), 404);
        error_of(s.call("PUT", path_of(a), R"({"status": "nonsense"})", mallory), 404);
        error_of(s.call("DELETE", path_of(a), "", mallory), 404);
        auto res = s.call("GET", "/api/v1/applications", "", mallory);
        REQUIRE(res);
        CHECK(json::parse(res->body)["applications"].empty());
        CHECK(s.ok("GET", path_of(a))["status"] == "saved");

        auto malloryapi = [&](const std::string& body) {
            return s.call("POST", "/api/v1/applications", body, mallory);
        };
        auto cv = s.create({{"title", "Zoe's CV"}});
        auto refused = error_of(
            malloryapi(json{{"company", "A"}, {"role", "B"}, {"cv_id", cv["id"]}}.dump()), 400);
        CHECK(refused["message"] == "\"cv_id\" is not one of your CVs.");
    }
}
