// Importing a CV over real HTTP: the browser's form, draft page and save, the original kept
// by content hash and downloadable, refusals shown in the form, the API for scripts, other
// members kept out, and unsaved drafts removed after a day.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "auth/account_service.hpp"
#include "auth/api_token_service.hpp"
#include "core/crypto.hpp"
#include "cv/cv_service.hpp"
#include "support/api_call.hpp"
#include "support/browser.hpp"
#include "support/db_file.hpp"
#include "support/fake_clock.hpp"
#include "support/resume_fixture.hpp"
#include "support/test_app.hpp"

namespace vitae::test {
namespace {

using nlohmann::json;

constexpr const char* kPassword = "correct horse battery staple";

std::string file_text(const std::string& name) {
    std::ifstream in(VITAE_SOURCE_DIR "/tests/fixtures/resume/" + name, std::ios::binary);
    REQUIRE(in);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// An app with a 16 KiB upload limit (the fixtures are under 7 KiB) and a fake clock.
struct ImportSite {
    FakeClock clock;
    TestApp app{std::vector<std::string>{"--max-upload-bytes", "16KiB"}, clock.options()};
    std::int64_t zoe = member("zoe@example.org");
    Browser browser = signed_in("zoe@example.org");

    std::int64_t member(const std::string& email) {
        return app.app().accounts().create({email, "", "member", kPassword},
                                           auth::Actor{std::nullopt, "test", ""});
    }

    Browser signed_in(const std::string& email) {
        Browser b(app.port());
        REQUIRE(b.sign_in(email, kPassword)->status == 303);
        REQUIRE(b.get("/cvs/import")->status == 200);  // loads the session's CSRF token
        return b;
    }

    // Uploads through the form; returns the draft's id from the redirect.
    std::string upload(Browser& b, const std::string& name, const std::string& bytes,
                       const std::string& type = "application/json") {
        auto res = b.post_file("/cvs/import", "file", name, bytes, type);
        REQUIRE(res);
        CAPTURE(res->body);
        REQUIRE(res->status == 303);
        const auto location = res->get_header_value("Location");
        REQUIRE(location.starts_with("/cvs/import/"));
        return location.substr(std::string("/cvs/import/").size());
    }

    std::string db(const std::string& sql) { return query_value(app.data_dir() / "vitae.db", sql); }

    std::string token_for(std::int64_t user) {
        return auth::ApiTokenService(app.app().database())
            .create(user, "t", auth::Actor{std::nullopt, "test", ""})
            .token;
    }
};

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST_SUITE("integration") {
    TEST_CASE("import_of_a_json_resume_shows_a_draft_and_saves_it_as_that_cv") {
        ImportSite site;
        const auto bytes = file_text("rich.json");
        const auto id = site.upload(site.browser, "Jane Doe CV.json", bytes);
        // Nothing is a CV before it is confirmed.
        CHECK(site.db("SELECT count(*) FROM cvs") == "0");

        auto draft = site.browser.get("/cvs/import/" + id);
        REQUIRE(draft->status == 200);
        const auto rich = resume_fixture("rich.json");
        const auto name = rich["basics"]["name"].get<std::string>();
        CHECK(contains(draft->body, "Jane Doe CV.json"));
        CHECK(contains(draft->body, "JSON Resume"));
        CHECK(contains(draft->body, "value=\"" + name + "\""));  // the suggested title
        CHECK(contains(draft->body, rich["work"][0]["position"].get<std::string>()));
        auto preview = site.browser.get("/cvs/import/" + id + "/preview?template=modern");
        REQUIRE(preview->status == 200);
        CHECK(contains(preview->body, name));

        auto saved = site.browser.post("/cvs/import/" + id + "/save",
                                       {{"title", "Imported"}, {"template", "ats"}});
        REQUIRE(saved->status == 303);
        const auto location = saved->get_header_value("Location");
        REQUIRE(location.starts_with("/cvs/"));
        REQUIRE(location.ends_with("/edit"));
        const auto cv_id = std::stoll(location.substr(5));

        cv::CvService cvs(site.app.app().database(), core::unix_now, 50);
        const auto cv = cvs.get(site.zoe, cv_id);
        CHECK(cv.title == "Imported");
        CHECK(cv.template_name == "ats");
        CHECK(cv.resume == json::parse(bytes));

        // The original is kept once, by content hash, and linked to the CV.
        const auto sha = core::sha256_hex(bytes);
        CHECK(site.db("SELECT sha256 || ' ' || cv_id || ' ' || original_name FROM uploads") ==
              sha + " " + std::to_string(cv_id) + " Jane Doe CV.json");
        const auto stored = site.app.data_dir() / "uploads" / sha.substr(0, 2) / sha;
        REQUIRE(std::filesystem::exists(stored));
        CHECK(std::filesystem::file_size(stored) == bytes.size());

        auto original = site.browser.get("/cvs/" + std::to_string(cv_id) + "/original");
        REQUIRE(original->status == 200);
        CHECK(original->body == bytes);
        CHECK(original->get_header_value("Content-Type") == "application/json");
        CHECK(original->get_header_value("Content-Disposition") ==
              "attachment; filename=\"jane-doe-cv.json\"");

        // Saving again (a double click) gives the same CV, not a second one.
        auto again = site.browser.post("/cvs/import/" + id + "/save",
                                       {{"title", "Imported"}, {"template", "ats"}});
        CHECK(again->get_header_value("Location") == location);
        CHECK(site.db("SELECT count(*) FROM cvs") == "1");

        // The same bytes uploaded again are one file on disk.
        site.upload(site.browser, "copy.json", bytes);
        CHECK(site.db("SELECT count(DISTINCT sha256) || '/' || count(*) FROM uploads") == "1/2");
    }

    TEST_CASE("import_shows_refusals_in_the_form_and_keeps_nothing") {
        ImportSite site;
        struct Refusal {
            const char* name;
            std::string bytes;
            const char* type;
            int status;
            const char* message;
        };
        const std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
        const Refusal refusals[] = {
            {"big.json", "{\"basics\": {\"summary\": \"" + std::string(20 * 1024, 'x') + "\"}}",
             "application/json", 413, "larger than the limit of 16 KiB"},
            {"photo.png", png, "image/png", 415, "PDF, DOCX, JSON Resume and plain text"},
            {"empty.json", "", "application/json", 400, "Choose a file or paste"},
            {"blank.txt", " \n ", "text/plain", 400, "The file is empty."},
            {"broken.json", "{\"basics\": ", "application/json", 400, "not a JSON object"},
        };
        for (const auto& r : refusals) {
            CAPTURE(r.name);
            auto res = site.browser.post_file("/cvs/import", "file", r.name, r.bytes, r.type);
            REQUIRE(res);
            CHECK(res->status == r.status);
            CHECK(contains(res->body, r.message));
            CHECK(contains(res->body, "action=\"/cvs/import\""));  // the form again
        }
        CHECK(site.db("SELECT count(*) FROM uploads") == "0");
        CHECK(std::filesystem::is_empty(site.app.data_dir() / "uploads"));
    }

    TEST_CASE("import_takes_pasted_text_through_the_same_form") {
        ImportSite site;
        const auto resume = file_text("every_section.json");
        // Pasted JSON is read as JSON Resume: the kind is told by content.
        auto res = site.browser.post_multipart("/cvs/import", {{"text", resume}});
        REQUIRE(res->status == 303);
        CHECK(site.db("SELECT kind || ' [' || original_name || ']' FROM uploads") == "json []");
        auto draft = site.browser.get(res->get_header_value("Location"));
        CHECK(contains(draft->body, "pasted text"));
    }

    TEST_CASE("another_member_can_neither_see_nor_save_nor_download_your_import") {
        ImportSite site;
        const auto id = site.upload(site.browser, "cv.json", file_text("rich.json"));
        auto saved = site.browser.post("/cvs/import/" + id + "/save", {{"title", "Mine"}});
        REQUIRE(saved->status == 303);
        const auto cv_path = saved->get_header_value("Location");
        const auto original = cv_path.substr(0, cv_path.size() - 5) + "/original";
        const auto other_id = site.upload(site.browser, "b.json", file_text("every_section.json"));

        site.member("eve@example.org");
        auto eve = site.signed_in("eve@example.org");
        CHECK(eve.get("/cvs/import/" + other_id)->status == 404);
        CHECK(eve.get("/cvs/import/" + other_id + "/preview")->status == 404);
        CHECK(eve.post("/cvs/import/" + other_id + "/save", {{"title", "Stolen"}})->status == 404);
        CHECK(eve.get(original)->status == 404);
        CHECK(site.db("SELECT count(*) FROM cvs") == "1");
        // A CV made from scratch has no original.
        cv::CvService cvs(site.app.app().database(), core::unix_now, 50);
        const auto blank = cvs.create(site.zoe, {.title = "Blank"});
        CHECK(site.browser.get("/cvs/" + std::to_string(blank.id) + "/original")->status == 404);
    }

    TEST_CASE("unsaved_imports_are_deleted_after_a_day_and_saved_ones_stay") {
        ImportSite site;
        const auto kept = file_text("rich.json");
        const auto dropped = file_text("every_section.json");
        const auto saved_id = site.upload(site.browser, "kept.json", kept);
        REQUIRE(site.browser.post("/cvs/import/" + saved_id + "/save", {{"title", "K"}})->status ==
                303);
        const auto unsaved_id = site.upload(site.browser, "dropped.json", dropped);
        site.upload(site.browser, "kept-again.json", kept);  // same bytes as the saved one

        site.clock.advance(std::chrono::hours(23));
        site.app.app().run_scheduled_tasks();
        CHECK(site.db("SELECT count(*) FROM uploads") == "3");

        site.clock.advance(std::chrono::hours(2));
        site.app.app().run_scheduled_tasks();
        CHECK(site.db("SELECT group_concat(original_name) FROM uploads") == "kept.json");
        const auto path = [&](const std::string& bytes) {
            const auto sha = core::sha256_hex(bytes);
            return site.app.data_dir() / "uploads" / sha.substr(0, 2) / sha;
        };
        CHECK(std::filesystem::exists(path(kept)));  // still named by the saved upload
        CHECK_FALSE(std::filesystem::exists(path(dropped)));
        CHECK(site.browser.get("/cvs/import/" + unsaved_id)->status == 404);
    }

    TEST_CASE("api_import_returns_the_draft_and_refuses_with_json_errors") {
        ImportSite site;
        const auto token = site.token_for(site.zoe);
        auto cli = site.app.client();
        const httplib::Headers auth = {{"Authorization", "Bearer " + token}};
        const auto bytes = file_text("rich.json");

        auto res =
            cli.Post("/api/v1/imports", auth, {{"file", bytes, "cv.json", "application/json"}});
        REQUIRE(res);
        CAPTURE(res->body);
        REQUIRE(res->status == 200);
        const auto body = json::parse(res->body);
        CHECK(body["kind"] == "json");
        CHECK(body["resume"] == json::parse(bytes));
        CHECK(body["notes"].is_array());
        CHECK(body["upload_id"].is_number_integer());
        CHECK(site.db("SELECT original_name FROM uploads WHERE id = " +
                      std::to_string(body["upload_id"].get<long long>())) == "cv.json");

        struct Refusal {
            httplib::MultipartFormDataItems items;
            int status;
            const char* code;
        };
        const std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
        const Refusal refusals[] = {
            {{{"file", std::string(17 * 1024, '{'), "big.json", ""}}, 413, "payload_too_large"},
            {{{"file", png, "a.png", "image/png"}}, 415, "unsupported_media_type"},
            {{{"file", "{oops", "a.json", ""}}, 400, "bad_request"},
            {{{"other", "x", "", ""}}, 400, "bad_request"},
        };
        for (const auto& r : refusals) {
            auto refused = cli.Post("/api/v1/imports", auth, r.items);
            REQUIRE(refused);
            CAPTURE(refused->body);
            CHECK(refused->status == r.status);
            const auto error = json::parse(refused->body)["error"];
            CHECK(error["code"] == r.code);
            CHECK_FALSE(error["message"].get<std::string>().empty());
        }
        // Without a token: 401, nothing read.
        CHECK(cli.Post("/api/v1/imports", httplib::MultipartFormDataItems{{"file", bytes, "", ""}})
                  ->status == 401);
    }
}

}  // namespace vitae::test
