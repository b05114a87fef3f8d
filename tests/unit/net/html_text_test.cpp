#include "net/html_text.hpp"

#include <doctest/doctest.h>

#include <string>

namespace vitae::net {
namespace {

TEST_CASE("html_text_keeps_content_and_drops_scripts_styles_and_page_chrome") {
    const auto page = html_to_text(R"(<!doctype html>
<html><head><title>  Backend   Engineer &ndash; ACME </title>
<style>body { color: red }</style><script>var secret = "x";</script></head>
<body>
<header><a href="/">ACME careers</a></header>
<nav><ul><li>Home</li><li>Jobs</li></ul></nav>
<main><article>
  <header><h1>Backend Engineer</h1></header>
  <p>We build   <b>fast</b>
     services &amp; tools.</p>
  <h2>You will</h2>
  <ul><li>Write C++</li><li>Run <em>SQLite</em></li></ul>
  <noscript>Enable JavaScript</noscript><template><p>hidden</p></template>
  <svg><text>chart</text></svg>
  <p>Salary: 50&nbsp;000 &euro;<br>Remote</p>
</article></main>
<footer>&copy; ACME</footer>
<script>track();</script>
</body></html>)");
    CHECK(page.title == "Backend Engineer \u2013 ACME");
    CHECK(page.text ==
          "Backend Engineer\n\n"
          "We build fast services & tools.\n\n"
          "You will\n\n"
          "- Write C++\n"
          "- Run SQLite\n\n"
          "Salary: 50\u00a0000 \u20ac\n"
          "Remote");
    CHECK_FALSE(page.truncated);
}

TEST_CASE("html_text_caps_output_at_a_character_boundary") {
    std::string html = "<p>";
    for (int i = 0; i < 1000; ++i)
        html += "\u00e9t\u00e9 ";
    const auto page = html_to_text(html, 101);
    CHECK(page.truncated);
    CHECK(page.text.size() <= 101);
    CHECK(page.text.size() >= 96);
    // Ends on a whole character: no lone lead or continuation byte.
    const auto last = static_cast<unsigned char>(page.text.back());
    CHECK((last < 0x80 || (last & 0xC0) == 0x80));
    CHECK((page.text.ends_with("t") || page.text.ends_with("\u00e9")));
}

TEST_CASE("html_text_cuts_markup_nested_deeper_than_a_thousand_levels") {
    // Gumbo's cost grows with the square of the depth: a small hostile page of nested
    // elements would take minutes and gigabytes. What lies above the cut is kept.
    std::string html = "<p>top</p>";
    for (int i = 0; i < 200000; ++i)
        html += "<div><b>";
    html += "bottom";
    const auto deep = html_to_text(html);
    CHECK(deep.truncated);
    CHECK(deep.text == "top");

    // Pages as written nest far less, with optional end tags and void elements that
    // do not count: all of this one is read.
    std::string fine = "<title>t</title><script>if (a < b) { x = '<div><div>'; }</script>";
    for (int i = 0; i < 300; ++i)
        fine += "<div><p>x<br><img src=a.png><li>y";
    fine += "<!-- <div><div><div> -->end";
    const auto shallow = html_to_text(fine);
    CHECK_FALSE(shallow.truncated);
    CHECK(shallow.text.ends_with("end"));
}

TEST_CASE("html_text_survives_broken_markup") {
    CHECK(html_to_text("<p>unclosed <b>bold <i>and \xff\xfe bytes").text.starts_with("unclosed"));
    CHECK(html_to_text("").text.empty());
}

}  // namespace
}  // namespace vitae::net
