// A member's data export and import, over HTTP: the account page's download and upload,
// and /api/v1/me/export and /api/v1/me/import.
#include <doctest/doctest.h>

#include "support/browser.hpp"
#include "support/cv_api_site.hpp"
#include "support/resume_fixture.hpp"

using nlohmann::json;
using vitae::test::Browser;
using vitae::test::CvApiSite;

namespace {

// Zoe has a CV and an application that used it, made over the API.
json fill_zoe(CvApiSite& site) {
    auto cv =
        site.create({{"title", "Main"}, {"resume", vitae::test::resume_fixture("rich.json")}});
    site.ok("POST", "/api/v1/applications",
            {{"company", "ACME"}, {"role", "Engineer"}, {"cv_id", cv["id"]}}, 201);
    return site.ok("GET", "/api/v1/me/export");
}

}  // namespace

TEST_SUITE("integration") {
    TEST_CASE("account_page_downloads_the_members_data_and_imports_it_for_another_member") {
        CvApiSite site;
        fill_zoe(site);
        Browser zoe(site.app.port());
        REQUIRE(zoe.sign_in("zoe@example.org", CvApiSite::kPassword)->status == 303);
        REQUIRE(zoe.get("/account")->status == 200);
        auto download = zoe.get("/account/export");
        REQUIRE(download->status == 200);
        CHECK(download->get_header_value("Content-Disposition").starts_with("attachment;"));
        CHECK(download->get_header_value("Cache-Control") == "no-store");
        auto file = json::parse(download->body);
        CHECK(file["cvs"][0]["resume"] == vitae::test::resume_fixture("rich.json"));

        site.member("yan@example.org");
        Browser yan(site.app.port());
        REQUIRE(yan.sign_in("yan@example.org", CvApiSite::kPassword)->status == 303);
        REQUIRE(yan.get("/account")->status == 200);
        auto imported = yan.post_multipart("/account/import", {{"file", download->body}});
        REQUIRE(imported->status == 303);
        CHECK(imported->get_header_value("Location") == "/account?done=imported#data");
        auto cvs = yan.get("/cvs");
        CHECK(cvs->body.find("Main") != std::string::npos);
        auto applications = yan.get("/applications");
        CHECK(applications->body.find("ACME") != std::string::npos);
    }

    TEST_CASE("account_import_shows_why_a_file_is_refused_and_keeps_nothing") {
        CvApiSite site;
        auto file = fill_zoe(site);
        file["applications"][0]["status"] = "hired";
        site.member("yan@example.org");
        Browser yan(site.app.port());
        REQUIRE(yan.sign_in("yan@example.org", CvApiSite::kPassword)->status == 303);
        REQUIRE(yan.get("/account")->status == 200);
        auto refused = yan.post_multipart("/account/import", {{"file", file.dump()}});
        REQUIRE(refused->status == 400);
        CHECK(refused->body.find("applications[0]") != std::string::npos);
        auto not_json = yan.post_multipart("/account/import", {{"file", "<html>"}});
        REQUIRE(not_json->status == 400);
        CHECK(not_json->body.find("not JSON") != std::string::npos);
        CHECK(site.stored("SELECT count(*) FROM cvs") == "1");  // Zoe's only
    }

    TEST_CASE("api_exports_and_imports_a_members_data_all_or_nothing") {
        CvApiSite site;
        auto file = fill_zoe(site);
        CHECK(file["applications"][0]["cv_id"] == file["cvs"][0]["id"]);
        auto yan = site.token_for(site.member("yan@example.org"));

        auto bad = file;
        bad["cvs"][0]["resume"] = "not an object";
        auto refused = site.call("POST", "/api/v1/me/import", bad.dump(), yan);
        REQUIRE(refused->status == 400);
        CHECK(json::parse(refused->body)["error"]["message"].get<std::string>().find("cvs[0]") !=
              std::string::npos);
        CHECK(site.call("POST", "/api/v1/me/import", "{", yan)->status == 400);
        CHECK(site.stored("SELECT count(*) FROM cvs") == "1");

        auto done = site.call("POST", "/api/v1/me/import", file.dump(), yan);
        REQUIRE(done->status == 201);
        CHECK(json::parse(done->body)["imported"] == json{{"cvs", 1}, {"applications", 1}});
        auto mine = json::parse(site.call("GET", "/api/v1/me/export", "", yan)->body);
        CHECK(mine["cvs"][0]["resume"] == file["cvs"][0]["resume"]);
        CHECK(mine["applications"][0]["cv_id"] == mine["cvs"][0]["id"]);
        CHECK(mine["applications"][0]["cv_id"] != file["cvs"][0]["id"]);
    }
}
