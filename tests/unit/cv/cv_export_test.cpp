#include "cv/cv_export.hpp"

#include <doctest/doctest.h>

#include "core/error.hpp"

namespace vitae::cv {
namespace {

using nlohmann::json;

TEST_CASE("export_file_names_are_ascii_slugs_of_the_title") {
    CHECK(export_file_name("Jane Doe - Backend", "pdf") == "jane-doe-backend.pdf");
    CHECK(export_file_name("  Ingénieure \"R&D\" ", "docx") == "ing-nieure-r-d.docx");
    CHECK(export_file_name("Μαρία Παπαδοπούλου", "json") == "cv.json");
    CHECK(export_file_name("", "txt") == "cv.txt");
    CHECK(export_file_name("a/../../etc/passwd\r\nX: y", "html") == "a-etc-passwd-x-y.html");
    auto long_name = export_file_name(std::string(200, 'x'), "pdf");
    CHECK(long_name == std::string(60, 'x') + ".pdf");
}

TEST_CASE("paper_size_is_asked_for_or_follows_the_cvs_country") {
    json us = {{"basics", {{"location", {{"countryCode", "us"}}}}}};
    json de = {{"basics", {{"location", {{"countryCode", "DE"}}}}}};
    CHECK(parse_paper_size("", us) == PaperSize::letter);
    CHECK(parse_paper_size("", de) == PaperSize::a4);
    CHECK(parse_paper_size("", json::object()) == PaperSize::a4);
    CHECK(parse_paper_size("", {{"basics", 3}}) == PaperSize::a4);
    CHECK(parse_paper_size("a4", us) == PaperSize::a4);
    CHECK(parse_paper_size("letter", de) == PaperSize::letter);
    CHECK_THROWS_AS(parse_paper_size("A4", de), Error);
    CHECK_THROWS_AS(parse_paper_size("legal", de), Error);
}

TEST_CASE("export_format_defaults_to_pdf_and_refuses_others") {
    CHECK(parse_export_format("") == ExportFormat::pdf);
    CHECK(parse_export_format("docx") == ExportFormat::docx);
    CHECK(parse_export_format("txt") == ExportFormat::txt);
    CHECK_THROWS_AS(parse_export_format("doc"), Error);
    CHECK_THROWS_AS(parse_export_format("pdf "), Error);
}

}  // namespace
}  // namespace vitae::cv
