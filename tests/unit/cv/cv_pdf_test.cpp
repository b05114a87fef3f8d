#include "cv/cv_pdf.hpp"

#include <doctest/doctest.h>

#include <array>
#include <chrono>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "core/error.hpp"
#include "cv/cv_render.hpp"
#include "support/cv_views.hpp"
#include "support/pdf_text.hpp"
#include "support/resume_values.hpp"
#include "support/temp_dir.hpp"
#include "support/tool.hpp"

namespace vitae::cv {
namespace {

using nlohmann::json;

const web::Views& views() {
    return test::cv_views();
}

const char* const kTitle = "Zoë Ångström – CV";
const char* const kAuthor = "Zoë Ångström-Παπαδοπούλου";
const std::vector<std::string> kFixtures = {"rich.json", "every_section.json"};
const std::vector<PaperSize> kPapers = {PaperSize::a4, PaperSize::letter};

const char* name_of(PaperSize paper) {
    return paper == PaperSize::a4 ? "A4" : "letter";
}

PdfOptions options(PaperSize paper) {
    return {paper, kTitle, kAuthor};
}

// Every fixture × template × paper is rendered once for all the checks below.
const std::string& rendered(const std::string& fixture, const std::string& template_name,
                            PaperSize paper) {
    static std::map<std::tuple<std::string, std::string, PaperSize>, std::string> cache;
    auto key = std::make_tuple(fixture, template_name, paper);
    auto it = cache.find(key);
    if (it == cache.end()) {
        auto pdf =
            render_cv_pdf(views(), template_name, test::resume_fixture(fixture), options(paper));
        it = cache.emplace(key, std::move(pdf)).first;
    }
    return it->second;
}

// Calls `check(fixture, template, paper, pdf)` for every combination.
template <class Check>
void for_each_pdf(Check&& check) {
    for (const auto& fixture : kFixtures) {
        for (const auto& t : kTemplates) {
            for (auto paper : kPapers) {
                const std::string name = t.name;
                const std::string paper_name = name_of(paper);
                CAPTURE(fixture);
                CAPTURE(name);
                CAPTURE(paper_name);
                check(fixture, name, paper, rendered(fixture, name, paper));
            }
        }
    }
}

std::filesystem::path saved(const test::TempDir& dir, const std::string& pdf) {
    auto path = dir / "cv.pdf";
    std::ofstream(path, std::ios::binary) << pdf;
    return path;
}

// Runs a poppler or qpdf tool on the PDF; false (with a note) when it is not installed.
bool tool_output(const std::string& tool, std::vector<std::string> args, const std::string& pdf,
                 std::string& output) {
    auto path = test::find_tool(tool);
    if (!path) {
        MESSAGE(tool << " is not installed (packaging/install-deps.sh test); check skipped");
        return false;
    }
    test::TempDir dir("vitae-pdf");
    args.insert(args.begin(), path->string());
    for (auto& arg : args) {
        if (arg == "{pdf}")
            arg = saved(dir, pdf).string();
    }
    auto result = test::run_tool(args);
    INFO(result.out << result.err);
    REQUIRE(result.exit_code == 0);
    output = result.out + result.err;
    return true;
}

std::string line_of(const std::string& text, const std::string& key) {
    auto at = text.find("\n" + key + ":");
    if (at == std::string::npos)
        return {};
    auto start = text.find_first_not_of(' ', at + key.size() + 2);
    return text.substr(start, text.find('\n', start) - start);
}

bool has_ligature(const std::string& text) {
    for (const char* ligature : {"\uFB00", "\uFB01", "\uFB02", "\uFB03", "\uFB04"}) {
        if (text.find(ligature) != std::string::npos)
            return true;
    }
    return false;
}

void check_values_in_order(const std::string& fixture, const std::string& template_name,
                           const std::string& text,
                           const std::function<std::string(const std::string&)>& normal) {
    auto resume = test::resume_fixture(fixture);
    test::check_in_order(normal(text),
                         test::value_blocks(resume, test::section_order_of(template_name)), normal);
}

// pdftotext in reading order joins a word split after a hyphen at the end of a line and
// drops the hyphen ("customer-" / "visible" becomes "customervisible").
std::string without_hyphens(const std::string& text) {
    std::string out;
    for (char c : test::squeezed(text)) {
        if (c != '-')
            out += c;
    }
    return out;
}

TEST_CASE("pdf_text_read_back_by_mupdf_has_every_value_in_order") {
    for_each_pdf([](const std::string& fixture, const std::string& t, PaperSize, const auto& pdf) {
        REQUIRE(pdf.rfind("%PDF-", 0) == 0);
        auto text = test::joined_pages(test::mupdf_page_texts(pdf));
        check_values_in_order(fixture, t, text, test::squeezed);
    });
}

TEST_CASE("pdftotext_reads_every_value_in_order_and_no_ligature_characters") {
    for_each_pdf([](const std::string& fixture, const std::string& t, PaperSize, const auto& pdf) {
        std::string raw;
        if (!tool_output("pdftotext", {"-raw", "-enc", "UTF-8", "{pdf}", "-"}, pdf, raw))
            return;
        check_values_in_order(fixture, t, raw, test::squeezed);
        CHECK_FALSE(has_ligature(raw));
        // In reading order too, where one column makes that the same order. The modern
        // template's two columns come out interleaved there, as in any two-column PDF.
        if (t == "modern")
            return;
        std::string reading;
        REQUIRE(tool_output("pdftotext", {"-enc", "UTF-8", "{pdf}", "-"}, pdf, reading));
        check_values_in_order(fixture, t, reading, without_hyphens);
    });
}

TEST_CASE("qpdf_finds_no_damage_and_pdfinfo_shows_title_author_and_paper") {
    for_each_pdf([](const std::string&, const std::string&, PaperSize paper, const auto& pdf) {
        std::string check;
        if (tool_output("qpdf", {"--check", "{pdf}"}, pdf, check))
            CHECK(check.find("No syntax or stream encoding errors found") != std::string::npos);
        std::string info;
        if (!tool_output("pdfinfo", {"-enc", "UTF-8", "{pdf}"}, pdf, info))
            return;
        info = "\n" + info;
        CHECK(line_of(info, "Title") == kTitle);
        CHECK(line_of(info, "Author") == kAuthor);
        CHECK(line_of(info, "Creator") == "Vitae");
        CHECK(line_of(info, "Page size") ==
              (paper == PaperSize::a4 ? "595 x 842 pts (A4)" : "612 x 792 pts (letter)"));
        CHECK(std::stoi(line_of(info, "Pages")) >= 1);
    });
}

TEST_CASE("pdffonts_lists_only_embedded_fonts_with_unicode_maps") {
    for_each_pdf([](const std::string&, const std::string& t, PaperSize, const auto& pdf) {
        std::string fonts;
        if (!tool_output("pdffonts", {"{pdf}"}, pdf, fonts))
            return;
        std::istringstream lines(fonts);
        std::string line;
        int rows = 0;
        for (int n = 0; std::getline(lines, line); ++n) {
            if (n < 2 || line.empty())
                continue;  // the header and its rule
            CAPTURE(line);
            std::vector<std::string> words;
            std::istringstream split(line);
            for (std::string word; split >> word;)
                words.push_back(word);
            REQUIRE(words.size() >= 6);
            CHECK(words[words.size() - 5] == "yes");  // emb
            CHECK(words[words.size() - 3] == "yes");  // uni
            CHECK(line.rfind("Nimbus ", 0) == 0);
            ++rows;
        }
        CHECK(rows >= 2);
        if (t == "classic")
            CHECK(fonts.find("Nimbus Roman") != std::string::npos);
    });
}

TEST_CASE("every_page_has_the_chosen_paper_size") {
    for (const auto& t : kTemplates) {
        for (auto paper : kPapers) {
            const std::string name = t.name;
            const std::string paper_name = name_of(paper);
            CAPTURE(name);
            CAPTURE(paper_name);
            auto sizes = test::mupdf_page_sizes(rendered("rich.json", t.name, paper));
            REQUIRE(sizes.size() >= 2);
            for (auto size : sizes) {
                CHECK(size.x0 == 0);
                CHECK(size.y0 == 0);
                CHECK(size.x1 == (paper == PaperSize::a4 ? 595 : 612));
                CHECK(size.y1 == (paper == PaperSize::a4 ? 842 : 792));
            }
        }
    }
}

// Each template's @page margin in its stylesheet (top, right, bottom, left, in mm) is the
// margin of every page, on either paper.
TEST_CASE("text_stays_inside_the_templates_page_margins") {
    const std::map<std::string, std::array<float, 4>> margins_mm = {
        {"classic", {18, 18, 20, 18}}, {"modern", {14, 14, 16, 14}}, {"ats", {20, 20, 20, 20}}};
    for (const auto& t : kTemplates) {
        for (auto paper : kPapers) {
            const std::string name = t.name;
            CAPTURE(name);
            const auto& pdf = rendered("every_section.json", name, paper);
            test::PdfReader reader(pdf);
            auto m = margins_mm.at(name);
            for (auto& mm : m)
                mm *= 72.0f / 25.4f;
            for (int page = 0; page < reader.pages(); ++page) {
                CAPTURE(page);
                auto size = reader.size(page);
                auto text = reader.text_bounds(page);
                // A letter's outline may reach a little past its line's box.
                CHECK(text.x0 >= m[3] - 1);
                CHECK(text.y0 >= m[0] - 2);
                CHECK(text.x1 <= size.x1 - m[1] + 1);
                CHECK(text.y1 <= size.y1 - m[2] + 3);
                if (page == 0)
                    CHECK(text.x0 <= m[3] + 20);  // the margin is not wider than the template's
            }
        }
    }
}

// A CV long enough for several pages, with entries of different lengths so that, over
// the variants, headings land at every height of a page.
json long_resume(int summary_paragraphs) {
    std::string summary;
    for (int i = 0; i < summary_paragraphs; ++i)
        summary += "Summary paragraph " + std::to_string(i) + ".\n";
    json work = json::array();
    for (int i = 10; i < 40; ++i) {
        std::string n = std::to_string(i);
        json entry = {{"position", "Role " + n},
                      {"name", "Company " + n},
                      {"startDate", "2001-01"},
                      {"endDate", "2002-02"},
                      {"summary", "First line of " + n + "."}};
        for (int h = 0; h < i % 4; ++h)
            entry["highlights"].push_back("Highlight " + std::to_string(h) + " of " + n);
        work.push_back(entry);
    }
    return {{"basics", {{"name", "Long Résumé"}, {"summary", summary}}}, {"work", work}};
}

int page_of(const std::vector<std::string>& pages, const std::string& text) {
    for (std::size_t i = 0; i < pages.size(); ++i) {
        if (test::squeezed(pages[i]).find(text) != std::string::npos)
            return static_cast<int>(i);
    }
    FAIL("not in the PDF: " << text);
    return -1;
}

TEST_CASE("page_breaks_never_split_an_entry_heading_from_its_first_line") {
    for (const auto& t : kTemplates) {
        for (auto paper : kPapers) {
            for (int variant = 0; variant < 4; ++variant) {
                const std::string name = t.name;
                const std::string paper_name = name_of(paper);
                CAPTURE(name);
                CAPTURE(paper_name);
                CAPTURE(variant);
                auto pages = test::mupdf_page_texts(
                    render_cv_pdf(views(), t.name, long_resume(variant), options(paper)));
                REQUIRE(pages.size() >= 3);
                CHECK(page_of(pages, "Experience") == page_of(pages, "Role 10"));
                for (int i = 10; i < 40; ++i) {
                    std::string n = std::to_string(i);
                    CAPTURE(n);
                    CHECK(page_of(pages, "Role " + n) == page_of(pages, "First line of " + n));
                }
            }
        }
    }
}

TEST_CASE("metadata_is_left_out_when_empty_and_any_text_is_kept") {
    auto resume = test::resume_fixture("rich.json");
    auto pdf = render_cv_pdf(views(), "ats", resume, {PaperSize::a4, "", ""});
    std::string info;
    if (tool_output("pdfinfo", {"-enc", "UTF-8", "{pdf}"}, pdf, info)) {
        CHECK(line_of("\n" + info, "Title").empty());
        CHECK(line_of("\n" + info, "Author").empty());
    }
    const std::string odd = "(a) \\ b) <c> \xCE\xA9 \"d\"";
    pdf = render_cv_pdf(views(), "ats", resume, {PaperSize::a4, odd, odd});
    if (tool_output("pdfinfo", {"-enc", "UTF-8", "{pdf}"}, pdf, info)) {
        CHECK(line_of("\n" + info, "Title") == odd);
        CHECK(line_of("\n" + info, "Author") == odd);
    }
}

TEST_CASE("hostile_text_in_every_field_still_makes_a_sound_pdf") {
    const std::vector<std::string> attacks = {
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "</article><aside class=\"cv-side\">x</aside>",
        std::string("nul\0byte", 8),
        "\x01\x02\x1b[31m\x7f",
        "\xff\xfe not UTF-8 \xc3",
        "名前 山田太郎 😀 مرحبا עברית",
        "x\u0301\u0301\u0301\u200b\u202e reversed",
        std::string(400, 'w'),
    };
    for (const auto& attack : attacks) {
        CAPTURE(attack.substr(0, 40));
        auto hostile = test::map_strings(test::resume_fixture("every_section.json"),
                                         [&](const std::string&) { return attack; });
        for (const auto& t : kTemplates) {
            const std::string name = t.name;
            CAPTURE(name);
            auto pdf = render_cv_pdf(views(), t.name, hostile, {PaperSize::a4, attack, attack});
            auto pages = test::mupdf_page_texts(pdf);
            CHECK(!pages.empty());
            std::string check;
            if (tool_output("qpdf", {"--check", "{pdf}"}, pdf, check))
                CHECK(check.find("No syntax or stream encoding errors found") != std::string::npos);
        }
    }
}

TEST_CASE("a_very_long_word_wraps_at_soft_hyphens_and_reads_back_whole") {
    const std::string word(300, 'q');
    json resume = {{"basics", {{"name", "Ann Lee"}, {"summary", "before " + word + " after"}}}};
    auto start = std::chrono::steady_clock::now();
    auto pages =
        test::mupdf_page_texts(render_cv_pdf(views(), "classic", resume, options(PaperSize::a4)));
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
    std::string text;
    for (char c : test::joined_pages(pages)) {
        if (c != '\n' && c != '-')
            text += c;
    }
    CHECK(text.find("before " + word + " after") != std::string::npos);
}

TEST_CASE("a_cv_past_the_page_or_size_limit_is_a_bad_request_not_a_hang") {
    std::string lines;
    for (int i = 0; i < 4000; ++i)
        lines += "x\n";
    const std::vector<json> documents = {
        {{"basics", {{"name", "Many pages"}, {"summary", lines}}}},
        // Within the 1 MiB a CV may be stored with, but far too much text to lay out.
        {{"basics", {{"name", "Wordy"}, {"summary", std::string(900000, 'x')}}}},
    };
    for (const auto& doc : documents) {
        auto start = std::chrono::steady_clock::now();
        try {
            render_cv_pdf(views(), "classic", doc, options(PaperSize::a4));
            FAIL("no error for a CV this long");
        } catch (const Error& e) {
            CHECK(e.code() == ErrorCode::bad_request);
            CHECK(std::string(e.what()).find("PDF") != std::string::npos);
        }
        CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(30));
    }
}

// The HTTP server's threads export at the same time; each export has its own MuPDF
// context (cv/mupdf_context.hpp), so nothing is shared.
TEST_CASE("exports_on_parallel_threads_each_get_the_whole_pdf") {
    const auto resume = test::resume_fixture("rich.json");
    const auto expected = test::mupdf_page_texts(rendered("rich.json", "modern", PaperSize::a4));
    std::vector<std::vector<std::string>> results(4);
    {
        std::vector<std::jthread> threads;
        for (auto& result : results) {
            threads.emplace_back([&resume, &result] {
                for (int i = 0; i < 3; ++i)
                    result = test::mupdf_page_texts(
                        render_cv_pdf(views(), "modern", resume, options(PaperSize::a4)));
            });
        }
    }
    for (const auto& result : results)
        CHECK(result == expected);
}

TEST_CASE("unknown_template_is_a_bad_request_for_the_pdf_too") {
    try {
        render_cv_pdf(views(), "fancy", test::resume_fixture("rich.json"), options(PaperSize::a4));
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.code() == ErrorCode::bad_request);
    }
}

}  // namespace
}  // namespace vitae::cv
