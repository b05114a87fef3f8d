#include "cv/import/pdf_extract.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "cv/cv_pdf.hpp"
#include "support/cv_views.hpp"
#include "support/pdf_text.hpp"
#include "support/resume_values.hpp"

namespace vitae::cv {
namespace {

using nlohmann::json;

// rich.json exported by Vitae in each template, once for all the checks below.
const std::string& exported(const std::string& template_name) {
    static std::map<std::string, std::string> cache;
    auto it = cache.find(template_name);
    if (it == cache.end()) {
        auto pdf = render_cv_pdf(test::cv_views(), template_name, test::resume_fixture("rich.json"),
                                 {PaperSize::a4, "CV", "Vitae"});
        it = cache.emplace(template_name, std::move(pdf)).first;
    }
    return it->second;
}

std::string import_fixture(const std::string& name) {
    std::ifstream in(VITAE_SOURCE_DIR "/tests/fixtures/import/" + name, std::ios::binary);
    REQUIRE(in);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

std::string joined(const TextDocument& doc) {
    std::string out;
    for (const auto& line : doc.lines)
        out += line.text + "\n";
    return out;
}

// The code and message of the refusal of `bytes`.
Error refusal(std::string_view bytes, const ImportLimits& limits = {}) {
    try {
        extract_pdf(bytes, limits);
    } catch (const Error& e) {
        return e;
    }
    FAIL("extract_pdf accepted what it should refuse");
    return Error(ErrorCode::internal, "");
}

std::size_t index_of(const TextDocument& doc, const std::string& text) {
    for (std::size_t i = 0; i < doc.lines.size(); ++i) {
        if (doc.lines[i].text.find(text) != std::string::npos)
            return i;
    }
    FAIL("no line holds " << text);
    return 0;
}

TEST_CASE("extract_pdf_reads_every_value_of_an_exported_cv_in_reading_order") {
    for (const std::string template_name : {"classic", "modern", "ats"}) {
        CAPTURE(template_name);
        const auto doc = extract_pdf(exported(template_name), {});
        auto resume = test::resume_fixture("rich.json");
        // Lines are cut where the layout wrapped; the values are compared without that.
        test::check_in_order(test::squeezed(joined(doc)),
                             test::value_blocks(resume, test::section_order_of(template_name)),
                             [](const std::string& s) { return test::squeezed(s); });
        CHECK(doc.pages == (template_name == "ats" ? 3 : 2));
    }
}

TEST_CASE("extract_pdf_keeps_the_side_column_of_the_modern_template_in_one_run") {
    const auto doc = extract_pdf(exported("modern"), {});
    auto resume = test::resume_fixture("rich.json");
    // The side column: contact details, skills, languages, interests; the main column
    // starts with the profile.
    std::vector<std::size_t> side = {index_of(doc, resume["basics"]["email"]),
                                     index_of(doc, resume["basics"]["phone"])};
    for (const char* key : {"skills", "languages", "interests"}) {
        for (const auto& entry : resume[key]) {
            const std::string name = entry.contains("name") ? entry["name"] : entry["language"];
            side.push_back(index_of(doc, name));
        }
    }
    std::vector<std::size_t> main = {index_of(doc, "Profile"),
                                     index_of(doc, resume["work"][0]["name"]),
                                     index_of(doc, resume["education"][0]["institution"])};
    const auto [first_side, last_side] = std::minmax_element(side.begin(), side.end());
    for (auto at : main) {
        CAPTURE(doc.lines[at].text);
        CHECK((at < *first_side || at > *last_side));
    }
    // The name in the full-width header comes first.
    CHECK(doc.lines.front().text == resume["basics"]["name"]);
}

TEST_CASE("extract_pdf_fills_layout_hints") {
    const auto doc = extract_pdf(exported("classic"), {});
    auto resume = test::resume_fixture("rich.json");
    const auto& name = doc.lines.at(index_of(doc, resume["basics"]["name"]));
    CHECK(name.paragraph_start);
    CHECK(name.page == 0);
    // The name is the largest text on the page, and entry titles are bold.
    float largest = 0;
    for (const auto& line : doc.lines)
        largest = std::max(largest, line.size);
    CHECK(name.size == largest);
    // Headings are bold and larger than body text.
    const auto& heading = doc.lines.at(index_of(doc, "Experience"));
    CHECK(heading.bold);
    CHECK(heading.size > doc.lines.at(index_of(doc, "Led a team of six")).size);
    // Highlights are list items: the bullet glyph is gone, the flag set.
    const std::string highlight = resume["work"][0]["highlights"][0];
    const auto& item = doc.lines.at(index_of(doc, highlight.substr(0, 20)));
    CHECK(item.bullet);
    CHECK(item.text.starts_with(highlight.substr(0, 20)));
    // Pages in order, top to bottom inside a page's single column.
    int page = 0;
    float y = -1;
    bool second_page = false;
    for (const auto& line : doc.lines) {
        CHECK(!line.text.empty());
        CHECK(line.text.front() != ' ');
        CHECK(line.text.back() != ' ');
        CHECK(line.page >= page);
        if (line.page > page) {
            page = line.page;
            y = -1;
            second_page = true;
        }
        CHECK(line.y >= y - 1);
        y = line.y;
        CHECK(line.x > 0);
    }
    CHECK(second_page);
}

TEST_CASE("extract_pdf_refuses_a_password_protected_pdf") {
    auto e = refusal(import_fixture("encrypted.pdf"));
    CHECK(e.code() == ErrorCode::bad_request);
    CHECK(std::string(e.what()).find("remove the password") != std::string::npos);
}

TEST_CASE("extract_pdf_refuses_a_damaged_pdf") {
    for (const std::string& bytes :
         {import_fixture("broken.pdf"), std::string("%PDF-1.7\n"),
          std::string("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"),
          exported("ats").substr(0, 200)}) {
        auto e = refusal(bytes);
        CHECK(e.code() == ErrorCode::bad_request);
        CHECK(std::string(e.what()).find("damaged") != std::string::npos);
    }
}

TEST_CASE("extract_pdf_refuses_more_pages_than_the_limit") {
    ImportLimits limits;
    limits.max_pdf_pages = 1;
    auto e = refusal(exported("classic"), limits);
    CHECK(e.code() == ErrorCode::payload_too_large);
    CHECK(std::string(e.what()).find("2 pages") != std::string::npos);
    CHECK(std::string(e.what()).find("at most 1 page.") != std::string::npos);
    limits.max_pdf_pages = 2;
    CHECK(extract_pdf(exported("classic"), limits).pages == 2);
}

TEST_CASE("extract_pdf_refuses_an_image_only_pdf_and_says_there_is_no_ocr") {
    auto e = refusal(import_fixture("scanned.pdf"));
    CHECK(e.code() == ErrorCode::bad_request);
    CHECK(std::string(e.what()).find("No text found") != std::string::npos);
    CHECK(std::string(e.what()).find("OCR") != std::string::npos);
}

}  // namespace
}  // namespace vitae::cv
