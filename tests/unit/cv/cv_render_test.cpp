#include "cv/cv_render.hpp"

#include <doctest/doctest.h>

#include <functional>
#include <string>
#include <vector>

#include "core/asset_store.hpp"
#include "core/error.hpp"
#include "cv/cv_view.hpp"
#include "support/cv_views.hpp"
#include "support/resume_values.hpp"

namespace vitae::cv {
namespace {

using nlohmann::json;

const web::Views& views() {
    return test::cv_views();
}

json fixture() {
    return test::resume_fixture("every_section.json");
}

using test::check_in_order;
using test::kModernOrder;
using test::kSchemaOrder;
using test::map_strings;
using test::value_blocks;

std::string escaped(const std::string& text) {
    return kainjow::mustache::html_escape<std::string>(text);
}

TEST_CASE("every_template_shows_every_value_escaped_in_section_order") {
    auto resume = fixture();
    for (const auto& t : kTemplates) {
        CAPTURE(t.name);
        auto html = render_cv_html(views(), t.name, resume);
        auto order = std::string(t.name) == "modern" ? kModernOrder : kSchemaOrder;
        // $schema and meta describe the file, not the person: not shown.
        check_in_order(html, value_blocks(resume, order), escaped);
        CHECK(html.find("R&amp;D team") != std::string::npos);
        CHECK(html.find("R&D") == std::string::npos);
    }
}

TEST_CASE("html_export_is_a_document_with_title_charset_and_inlined_css") {
    for (const auto& t : kTemplates) {
        CAPTURE(t.name);
        auto html = render_cv_html(views(), t.name, fixture());
        auto parts = render_cv_parts(views(), t.name, fixture());
        auto css =
            core::AssetStore::embedded().find("templates/cv/" + std::string(t.name) + ".css");
        REQUIRE(css);
        CHECK(parts.css == css->data);
        CHECK(parts.css.find("@page") != std::string::npos);
        CHECK(parts.body.find("<article class=\"cv cv-" + std::string(t.name) + "\">") == 0);
        CHECK(html.rfind("<!DOCTYPE html>\n", 0) == 0);
        CHECK(html.find("<meta charset=\"utf-8\">") != std::string::npos);
        CHECK(html.find("<title>Zoë Ångström – CV</title>") != std::string::npos);
        CHECK(html.find("<style>\n" + parts.css + "</style>") != std::string::npos);
        CHECK(html.find(parts.body) != std::string::npos);
    }
}

TEST_CASE("open_date_ranges_read_present_and_dates_show_as_written") {
    auto html = render_cv_html(views(), "classic", fixture());
    CHECK(html.find("2019-03 – present") != std::string::npos);
    CHECK(html.find("2011 – 2014-08-31") != std::string::npos);
    CHECK(html.find("2022-11-01") != std::string::npos);
    CHECK(date_range("", "2020") == "2020");
    CHECK(date_range("", "") == "");
    CHECK(date_range("2019-03-04", "") == "2019-03-04 – present");
}

TEST_CASE("a_script_in_every_text_field_never_reaches_the_html_unescaped") {
    const std::vector<std::string> attacks = {
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "https://x.example/\" onmouseover=\"alert(1)",
        "javascript:alert(1)",
    };
    for (const auto& attack : attacks) {
        auto hostile = map_strings(fixture(), [&](const std::string&) { return attack; });
        for (const auto& t : kTemplates) {
            CAPTURE(t.name);
            CAPTURE(attack);
            auto html = render_cv_html(views(), t.name, hostile);
            CHECK(html.find("<script") == std::string::npos);
            CHECK(html.find("<img") == std::string::npos);
            CHECK(html.find("\" onmouseover") == std::string::npos);
            CHECK(html.find("href=\"javascript") == std::string::npos);
            CHECK(html.find(escaped(attack)) != std::string::npos);
        }
    }
}

TEST_CASE("only_http_and_https_urls_become_links") {
    auto html = render_cv_html(views(), "classic", fixture());
    CHECK(html.find("href=\"https://github.com/zangstrom\"") != std::string::npos);
    CHECK(html.find("href=\"https://nordlys.example.com\"") != std::string::npos);
    CHECK(html.find("javascript:alert(&apos;profile&apos;)") != std::string::npos);
    CHECK(html.find("href=\"javascript") == std::string::npos);
    CHECK(html.find("ftp://legacy.example.gr") != std::string::npos);
    CHECK(html.find("href=\"ftp:") == std::string::npos);
    CHECK(is_web_url("HTTPS://EXAMPLE.ORG"));
    CHECK_FALSE(is_web_url("https://"));
    CHECK_FALSE(is_web_url(" javascript:alert(1)"));
    CHECK_FALSE(is_web_url("data:text/html,x"));
}

TEST_CASE("missing_and_wrong_typed_fields_are_skipped_without_throwing") {
    const auto documents = test::wrong_typed_resumes(fixture());
    for (const auto& doc : documents) {
        CAPTURE(doc.dump());
        for (const auto& t : kTemplates)
            CHECK_NOTHROW(render_cv_html(views(), t.name, doc));
        CHECK_NOTHROW(render_cv_text(doc));
    }
    auto html = render_cv_html(views(), "classic", documents[7]);
    CHECK(html.find("Acme") != std::string::npos);
    CHECK(html.find("Zoë") == std::string::npos);
    auto text = render_cv_text(documents[8]);
    CHECK(text.find("fast") != std::string::npos);
    CHECK(text.find("KTH") != std::string::npos);
    CHECK(text.find("Paris") == std::string::npos);
}

TEST_CASE("empty_sections_and_fields_leave_no_trace") {
    json resume = {
        {"basics", {{"name", "Ann Lee"}}}, {"work", json::array()}, {"skills", {json::object()}}};
    for (const auto& t : kTemplates) {
        CAPTURE(t.name);
        auto body = render_cv_parts(views(), t.name, resume).body;
        CHECK(body.find("Ann Lee") != std::string::npos);
        CHECK(body.find("Experience") == std::string::npos);
        CHECK(body.find("Skills") == std::string::npos);
        CHECK(body.find("Summary") == std::string::npos);
        CHECK(body.find("<ul") == std::string::npos);
    }
}

TEST_CASE("an_entry_without_a_summary_does_not_borrow_the_basics_summary") {
    json resume = {{"basics", {{"summary", "UNIQUE-BASICS-SUMMARY"}}},
                   {"work", {{{"position", "Cook"}}}}};
    for (const auto& t : kTemplates) {
        auto body = render_cv_parts(views(), t.name, resume).body;
        auto first = body.find("UNIQUE-BASICS-SUMMARY");
        CHECK(first != std::string::npos);
        CHECK(body.find("UNIQUE-BASICS-SUMMARY", first + 1) == std::string::npos);
    }
}

TEST_CASE("text_export_has_every_value_in_order_and_no_markup") {
    auto resume = fixture();
    auto text = render_cv_text(resume);
    check_in_order(text, value_blocks(resume, kSchemaOrder),
                   [](const std::string& v) { return v; });
    CHECK(text.find('<') == std::string::npos);
    CHECK(text.find("&amp;") == std::string::npos);
    CHECK(text.find("&apos;") == std::string::npos);
    CHECK(text.find("\nEXPERIENCE\n") != std::string::npos);
    CHECK(text.find("\nPROJECTS\n") != std::string::npos);
    CHECK(text.find("2019-03 – present") != std::string::npos);
    CHECK(text.find("\n- Cut p99 read latency") != std::string::npos);
}

std::string without_comments(std::string css) {
    for (auto start = css.find("/*"); start != std::string::npos; start = css.find("/*", start))
        css.erase(start, css.find("*/", start) + 2 - start);
    return css;
}

TEST_CASE("stylesheets_use_only_layout_that_mupdf_lays_out_and_keep_entry_heads_whole") {
    for (const auto& t : kTemplates) {
        CAPTURE(t.name);
        auto css = without_comments(render_cv_parts(views(), t.name, fixture()).css);
        CHECK(css.find("@page { size: A4;") != std::string::npos);
        CHECK(css.find("display: flex") == std::string::npos);
        CHECK(css.find("display: grid") == std::string::npos);
        CHECK(css.find("cv-entry-head { page-break-inside: avoid; break-inside: avoid;") !=
              std::string::npos);
    }
}

TEST_CASE("ats_template_has_no_tables_columns_floats_or_colour") {
    auto parts = render_cv_parts(views(), "ats", fixture());
    auto css = without_comments(parts.css);
    for (const char* banned : {"<table", "<aside", "float:", "column", "background", "color: #1"}) {
        CAPTURE(banned);
        CHECK(parts.body.find(banned) == std::string::npos);
        CHECK(css.find(banned) == std::string::npos);
    }
    for (const char* heading : {"<h2>Experience</h2>", "<h2>Education</h2>", "<h2>Skills</h2>"})
        CHECK(parts.body.find(heading) != std::string::npos);
}

TEST_CASE("unknown_template_is_a_bad_request") {
    for (const std::string name : {"fancy", "", "../layout", "classic.html", "CLASSIC"}) {
        CAPTURE(name);
        try {
            render_cv_html(views(), name, fixture());
            FAIL("no error for " << name);
        } catch (const Error& e) {
            CHECK(e.code() == ErrorCode::bad_request);
            CHECK(std::string(e.what()).find("Unknown template") == 0);
        }
    }
    CHECK(std::string(find_cv_template("modern").label).size() > 0);
}

}  // namespace
}  // namespace vitae::cv
