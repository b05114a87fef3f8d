// GET /api/v1/cvs/{id}/export and its browser twin /cvs/{id}/export over real HTTP: each
// format's type and file name, JSON that goes back in unchanged and passes the official
// JSON Resume schema, refused queries, other members' CVs and the export rate limit.
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "support/browser.hpp"
#include "support/cv_api_site.hpp"
#include "support/resume_fixture.hpp"
#include "support/temp_dir.hpp"
#include "support/tool.hpp"

using json = nlohmann::json;
using vitae::test::CvApiSite;
using vitae::test::resume_fixture;

namespace {

std::string export_path(const json& cv, const std::string& query) {
    return "/api/v1/cvs/" + std::to_string(cv["id"].get<std::int64_t>()) + "/export?" + query;
}

// Runs the official schema from npm (@jsonresume/schema) with ajv over each file.
vitae::test::ToolRun validate_with_schema(const std::vector<std::filesystem::path>& files) {
    std::vector<std::string> args = {"node",
                                     VITAE_SOURCE_DIR "/tests/e2e/validate_json_resume.mjs"};
    for (const auto& f : files)
        args.push_back(f.string());
    return vitae::test::run_tool(args);
}

bool schema_tools_installed() {
    return std::filesystem::exists(VITAE_SOURCE_DIR "/tests/e2e/node_modules/ajv");
}

}  // namespace

TEST_SUITE("integration") {
    TEST_CASE("json_export_is_the_stored_document_and_goes_back_in_unchanged") {
        CvApiSite s;
        for (const char* name : {"rich", "every_section"}) {
            CAPTURE(name);
            auto resume = resume_fixture(std::string(name) + ".json");
            resume["x-vitae-test"] = {{"kept", true}};  // unknown fields travel too
            auto cv = s.create({{"title", "Ingénieure — Lyon"}, {"resume", resume}});
            auto res = s.call("GET", export_path(cv, "format=json"));
            REQUIRE(res);
            REQUIRE(res->status == 200);
            CHECK(res->get_header_value("Content-Type") == "application/json");
            CHECK(res->get_header_value("Content-Disposition") ==
                  "attachment; filename=\"ing-nieure-lyon.json\"");
            CHECK(json::parse(res->body) == resume);
            auto again = s.create({{"title", "Imported"}, {"resume", json::parse(res->body)}});
            CHECK(s.ok("GET", "/api/v1/cvs/" + std::to_string(again["id"].get<int>()))["resume"] ==
                  resume);
        }
    }

    TEST_CASE("json_export_passes_the_official_json_resume_schema") {
        REQUIRE_MESSAGE(vitae::test::find_tool("node"), "node is installed by make test");
        REQUIRE_MESSAGE(schema_tools_installed(),
                        "run `npm ci` in tests/e2e (make test does) for ajv and the schema");
        CvApiSite s;
        vitae::test::TempDir dir;
        std::vector<std::filesystem::path> files;
        for (const char* name : {"rich", "every_section"}) {
            auto cv = s.create(
                {{"title", name}, {"resume", resume_fixture(std::string(name) + ".json")}});
            auto res = s.call("GET", export_path(cv, "format=json"));
            REQUIRE(res);
            files.push_back(dir / (std::string(name) + ".json"));
            std::ofstream(files.back()) << res->body;
        }
        auto run = validate_with_schema(files);
        CAPTURE(run.out);
        CAPTURE(run.err);
        CHECK(run.exit_code == 0);

        // The check can fail: a wrong e-mail is reported by the same run.
        auto bad = resume_fixture("rich.json");
        bad["basics"]["email"] = "not an address";
        std::ofstream(dir / "bad.json") << bad.dump();
        auto refused = validate_with_schema({dir / "bad.json"});
        CHECK(refused.exit_code == 1);
        CHECK(refused.out.find("/basics/email") != std::string::npos);
    }

    TEST_CASE("html_and_text_exports_are_downloads_of_the_cv") {
        CvApiSite s;
        auto resume = resume_fixture("rich.json");
        resume["basics"]["name"] = "<script>alert(1)</script> Zoë";
        auto cv = s.create({{"title", "Backend"}, {"template", "modern"}, {"resume", resume}});

        auto html = s.call("GET", export_path(cv, "format=html"));
        REQUIRE(html);
        REQUIRE(html->status == 200);
        CHECK(html->get_header_value("Content-Type") == "text/html; charset=utf-8");
        CHECK(html->get_header_value("Content-Disposition") ==
              "attachment; filename=\"backend.html\"");
        CHECK(html->get_header_value("Cache-Control") == "no-store");
        CHECK(html->body.find("<script>alert") == std::string::npos);
        CHECK(html->body.find("&lt;script&gt;alert(1)&lt;/script&gt; Zoë") != std::string::npos);
        CHECK(html->body.find("<style>") != std::string::npos);

        auto text = s.call("GET", export_path(cv, "format=txt"));
        REQUIRE(text);
        REQUIRE(text->status == 200);
        CHECK(text->get_header_value("Content-Type") == "text/plain; charset=utf-8");
        CHECK(text->body.rfind("<script>alert(1)</script> Zoë\n", 0) == 0);
    }

    TEST_CASE("pdf_and_docx_exports_are_files_of_their_kind_named_after_the_cv") {
        CvApiSite s;
        auto resume = resume_fixture("rich.json");
        auto cv = s.create({{"title", "Backend"}, {"resume", resume}});
        struct Case {
            const char* query;
            const char* type;
            const char* magic;
            const char* file;
        };
        for (const auto& c : {
                 Case{"format=pdf&paper=letter", "application/pdf", "%PDF-", "backend.pdf"},
                 Case{"", "application/pdf", "%PDF-", "backend.pdf"},
                 Case{"format=docx",
                      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                      "PK\x03\x04", "backend.docx"},
             }) {
            CAPTURE(c.query);
            auto res = s.call("GET", export_path(cv, c.query));
            REQUIRE(res);
            REQUIRE(res->status == 200);
            CHECK(res->get_header_value("Content-Type") == c.type);
            CHECK(res->body.rfind(c.magic, 0) == 0);
            CHECK(res->get_header_value("Content-Disposition") ==
                  "attachment; filename=\"" + std::string(c.file) + "\"");
        }
    }

    TEST_CASE("export_refuses_unknown_formats_and_paper_sizes_and_other_members_cvs") {
        CvApiSite s;
        auto cv = s.create({{"title", "Mine"}});
        for (const char* query : {"format=exe", "format=PDF", "format=pdf&paper=a3"}) {
            CAPTURE(query);
            auto res = s.call("GET", export_path(cv, query));
            REQUIRE(res);
            CHECK(res->status == 400);
            CHECK(json::parse(res->body)["error"]["message"].get<std::string>().find("use") !=
                  std::string::npos);
        }
        auto stranger = s.token_for(s.member("eve@example.org"));
        for (const char* query : {"format=json", "format=exe"}) {
            auto res = s.call("GET", export_path(cv, query), "", stranger);
            REQUIRE(res);
            CHECK(res->status == 404);  // a bad query tells a stranger nothing either
        }
    }

    TEST_CASE("the_browser_downloads_an_export_with_its_session") {
        CvApiSite s;
        s.member("ann@example.org");
        auto ann = s.token_for(2);
        auto cv = json::parse(
            s.call("POST", "/api/v1/cvs",
                   json{{"title", "Ann's CV"}, {"resume", resume_fixture("every_section.json")}}
                       .dump(),
                   ann)
                ->body);
        vitae::test::Browser browser(s.app.port());
        REQUIRE(browser.sign_in("ann@example.org", CvApiSite::kPassword)->status == 303);
        auto path = "/cvs/" + std::to_string(cv["id"].get<int>()) + "/export?format=txt";
        auto res = browser.get(path);
        REQUIRE(res);
        CHECK(res->status == 200);
        CHECK(res->get_header_value("Content-Disposition") ==
              "attachment; filename=\"ann-s-cv.txt\"");

        vitae::test::Browser zoe(s.app.port());
        REQUIRE(zoe.sign_in("zoe@example.org", CvApiSite::kPassword)->status == 303);
        CHECK(zoe.get(path)->status == 404);
    }

    TEST_CASE("exports_are_rate_limited_per_member") {
        CvApiSite s;
        auto cv = s.create({{"title", "Mine"}});
        int ok = 0;
        for (; ok < 25; ++ok) {
            auto res = s.call("GET", export_path(cv, "format=txt"));
            REQUIRE(res);
            if (res->status == 200)
                continue;
            CHECK(res->status == 429);
            CHECK(res->has_header("Retry-After"));
            break;
        }
        CHECK(ok == 20);
    }
}
