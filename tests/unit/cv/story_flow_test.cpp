#include "cv/story_flow.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace vitae::cv {
namespace {

constexpr fz_rect kPage{0, 0, 300, 240};
constexpr fz_rect kWhere{20, 20, 280, 220};  // short pages: many page breaks
const std::string kCss =
    "p { margin: 0; font-size: 10pt; line-height: 14pt; } h2 { margin: 6pt 0 0 0; "
    "font-size: 12pt; } .entry { margin-bottom: 5pt; }";

std::string two_digits(int n) {
    char out[8];
    std::snprintf(out, sizeof out, "%02d", n);
    return out;
}

// Entries whose heading carries `head_class`, after `filler` lines that move every
// heading down the page a little more in each variant.
std::string entries_html(const std::string& head_class, int filler) {
    std::string html = "<article>";
    for (int i = 0; i < filler; ++i)
        html += "<p>filler</p>";
    for (int i = 0; i < 24; ++i) {
        auto n = two_digits(i);
        if (i % 8 == 0)
            html += "<h2>Section " + n + "</h2>";
        html += "<div class=\"entry\"><p class=\"" + head_class + "\">Head " + n + "</p><p>Body " +
                n + "</p>";
        for (int extra = 0; extra < i % 3; ++extra)
            html += "<p>more of " + n + "</p>";
        html += "</div>";
    }
    return html + "</article>";
}

// The text of each page that `flow` fills.
std::vector<std::string> laid_out(const std::string& html, StoryFlow::Part part) {
    MupdfContext mupdf;
    fz_context* ctx = mupdf.get();
    StoryFlow flow(mupdf, html, kCss, part);
    std::vector<std::string> pages;
    while (!flow.done()) {
        REQUIRE(pages.size() < 100);
        FzPtr<fz_stext_page, fz_drop_stext_page> page(mupdf);
        FzPtr<fz_device, fz_drop_device> device(mupdf);
        FzPtr<fz_buffer, fz_drop_buffer> text(mupdf);
        mupdf.call("test page", [&] {
            fz_stext_options options{};
            page.reset(fz_new_stext_page(ctx, kPage));
            device.reset(fz_new_stext_device(ctx, page.get(), &options));
        });
        flow.fill(device.get(), kWhere);
        mupdf.call("test text", [&] {
            fz_close_device(ctx, device.get());
            text.reset(fz_new_buffer_from_stext_page(ctx, page.get()));
        });
        unsigned char* data = nullptr;
        const size_t size = fz_buffer_storage(ctx, text.get(), &data);
        pages.emplace_back(reinterpret_cast<const char*>(data), size);
    }
    return pages;
}

int page_of(const std::vector<std::string>& pages, const std::string& text) {
    for (std::size_t i = 0; i < pages.size(); ++i) {
        if (pages[i].find(text) != std::string::npos)
            return static_cast<int>(i);
    }
    FAIL("not laid out: " << text);
    return -1;
}

// Headings (entries' and sections') whose next line went to another page.
std::vector<std::string> orphaned_headings(const std::vector<std::string>& pages) {
    std::vector<std::string> out;
    for (int i = 0; i < 24; ++i) {
        auto n = two_digits(i);
        if (page_of(pages, "Head " + n) != page_of(pages, "Body " + n))
            out.push_back("Head " + n);
        if (i % 8 == 0 && page_of(pages, "Section " + n) != page_of(pages, "Head " + n))
            out.push_back("Section " + n);
    }
    return out;
}

TEST_CASE("a_heading_always_shares_its_page_with_the_line_after_it") {
    int orphans_without_the_rule = 0;
    for (int filler = 0; filler < 10; ++filler) {
        CAPTURE(filler);
        auto kept = laid_out(entries_html("cv-entry-head", filler), StoryFlow::Part::whole);
        CHECK(kept.size() > 3);
        CHECK(orphaned_headings(kept).empty());
        // The same entries with a class the flow does not know: MuPDF alone leaves some
        // headings at the foot of a page, so the variants above do test the rule.
        auto plain = laid_out(entries_html("plain-head", filler), StoryFlow::Part::whole);
        orphans_without_the_rule += static_cast<int>(orphaned_headings(plain).size());
    }
    CHECK(orphans_without_the_rule > 0);
}

TEST_CASE("a_heading_taller_than_the_page_area_breaks_instead_of_looping") {
    std::string html = "<article><div><p class=\"cv-entry-head\">";
    for (int i = 0; i < 400; ++i)
        html += "head" + std::to_string(i) + " ";
    html += "</p><p>after</p></div></article>";
    auto pages = laid_out(html, StoryFlow::Part::whole);
    CHECK(pages.size() >= 3);
    CHECK(page_of(pages, "head0") == 0);
    CHECK(page_of(pages, "head399") == page_of(pages, "after"));
}

TEST_CASE("the_side_and_main_parts_each_hold_only_their_column_and_the_header_once") {
    const std::string html =
        "<article><header class=\"cv-header\"><p>NAME</p></header>"
        "<aside class=\"cv-side\"><p>SIDE</p></aside><div class=\"cv-main\"><p>MAIN</p></div>"
        "</article>";
    auto side = laid_out(html, StoryFlow::Part::side_column);
    auto main = laid_out(html, StoryFlow::Part::main_column);
    REQUIRE(side.size() == 1);
    REQUIRE(main.size() == 1);
    CHECK(side[0].find("NAME") != std::string::npos);
    CHECK(side[0].find("SIDE") != std::string::npos);
    CHECK(side[0].find("MAIN") == std::string::npos);
    CHECK(main[0].find("NAME") == std::string::npos);  // there, but invisible
    CHECK(main[0].find("SIDE") == std::string::npos);
    CHECK(main[0].find("MAIN") != std::string::npos);
}

}  // namespace
}  // namespace vitae::cv
