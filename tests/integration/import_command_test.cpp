// `vitae import FILE`: the real binary reads a CV file and prints a draft JSON Resume, or
// the lines it extracted, without a data dir.
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "cv/cv_pdf.hpp"
#include "support/binary.hpp"
#include "support/cv_views.hpp"
#include "support/resume_fixture.hpp"

using namespace vitae::test;  // NOLINT: the binary helpers read best unqualified

namespace {

std::string write_file(const TempDir& dir, const std::string& name, const std::string& bytes) {
    auto path = dir / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path.string();
}

std::string two_page_pdf() {
    return vitae::cv::render_cv_pdf(cv_views(), "classic", resume_fixture("rich.json"),
                                    {vitae::cv::PaperSize::a4, "CV", "Vitae"});
}

// Every run names a data dir that must still not exist afterwards.
RunResult run_import(const TempDir& dir, std::vector<std::string> args,
                     std::map<std::string, std::string> env = base_env()) {
    args.insert(args.begin(), "import");
    args.push_back("--data-dir");
    args.push_back((dir / "data").string());
    auto result = run(dir, args, env);
    CHECK(!std::filesystem::exists(dir / "data"));
    return result;
}

}  // namespace

TEST_SUITE("integration") {
    TEST_CASE("cli_import_prints_a_json_resume_file_as_pretty_json") {
        TempDir dir;
        const auto resume = resume_fixture("rich.json");
        auto result = run_import(dir, {write_file(dir, "cv.json", resume.dump())});
        INFO(result.err);
        REQUIRE(result.code == 0);
        CHECK(nlohmann::json::parse(result.out) == resume);
        CHECK(result.out.starts_with("{\n  \""));
    }

    TEST_CASE("cli_import_text_prints_the_lines_extracted_from_a_pdf") {
        TempDir dir;
        auto result =
            run_import(dir, {write_file(dir, "cv.pdf", two_page_pdf()), "--format", "text"});
        INFO(result.err);
        REQUIRE(result.code == 0);
        const std::string name = resume_fixture("rich.json")["basics"]["name"];
        // page, x, y, size, hints, text: the name opens page 0, a bold paragraph.
        CHECK(result.out.find(" 0 ") == 0);
        CHECK(result.out.find("PB..  " + name) != std::string::npos);
        CHECK(result.out.find("\n 1 ") != std::string::npos);  // the second page
    }

    TEST_CASE("cli_import_refuses_a_broken_file_with_a_message_and_exit_1") {
        TempDir dir;
        auto json = run_import(dir, {write_file(dir, "cv.json", "{\"basics\": {\"name\": ")});
        CHECK(json.code == 1);
        CHECK(json.out.empty());
        CHECK(json.err.find("not a JSON object we can read") != std::string::npos);
        auto pdf = run_import(
            dir, {write_file(dir, "cv.pdf", "%PDF-1.7\nnot really"), "--format", "text"});
        CHECK(pdf.code == 1);
        CHECK(pdf.out.empty());
        CHECK(pdf.err.find("damaged") != std::string::npos);
        auto missing = run_import(dir, {(dir / "nowhere.pdf").string()});
        CHECK(missing.code == 1);
        CHECK(missing.err.find("cannot open") != std::string::npos);
        auto usage = run_import(dir, {});
        CHECK(usage.code == 2);
        CHECK(usage.err.find("usage: vitae import FILE") != std::string::npos);
    }

    TEST_CASE("cli_import_honours_the_upload_and_page_limits_of_the_configuration") {
        TempDir dir;
        auto env = base_env();
        env["MAX_UPLOAD_BYTES"] = "1000";
        auto json_file = write_file(dir, "cv.json", resume_fixture("rich.json").dump());
        auto big = run_import(dir, {json_file}, env);
        CHECK(big.code == 1);
        CHECK(big.err.find("larger than the limit") != std::string::npos);

        env = base_env();
        env["IMPORT_MAX_PDF_PAGES"] = "1";
        auto pages =
            run_import(dir, {write_file(dir, "cv.pdf", two_page_pdf()), "--format=text"}, env);
        CHECK(pages.code == 1);
        CHECK(pages.err.find("2 pages") != std::string::npos);
    }
}
