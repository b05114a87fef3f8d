#include "cv/import/line_builder.hpp"

#include <doctest/doctest.h>

namespace vitae::cv {
namespace {

TextDocument built(const std::vector<std::string>& texts, bool join_hyphens = true) {
    TextDocument doc;
    LineBuilder builder(doc);
    for (const auto& text : texts)
        builder.add({.text = text}, join_hyphens);
    return doc;
}

std::vector<std::string> texts_of(const TextDocument& doc) {
    std::vector<std::string> out;
    for (const auto& line : doc.lines)
        out.push_back(line.text);
    return out;
}

TEST_CASE("tidy_text_collapses_whitespace_and_keeps_one_tab_as_a_separator") {
    CHECK(tidy_text("  Senior   Engineer \t  2019  ") == "Senior Engineer\t2019");
    CHECK(tidy_text("a\r\nb") == "a b");
    CHECK(tidy_text(" \t ") == "");
}

TEST_CASE("bullet_prefix_takes_a_glyph_followed_by_space_or_alone") {
    CHECK(bullet_prefix("\u2022 Go") == 4);
    CHECK(bullet_prefix("-\tRust") == 2);
    CHECK(bullet_prefix("\u2013") == 3);
    CHECK(bullet_prefix("-5 %") == 0);
    CHECK(bullet_prefix("*bold*") == 0);
    CHECK(bullet_prefix("2019 - 2021") == 0);
}

TEST_CASE("line_builder_strips_bullets_and_carries_a_lone_glyph_to_the_next_line") {
    auto doc = built({"\u2022", "Cut boot time", "\u25AA Fuzzing", "Plain"});
    CHECK(texts_of(doc) == std::vector<std::string>{"Cut boot time", "Fuzzing", "Plain"});
    CHECK(doc.lines[0].bullet);
    CHECK(doc.lines[0].paragraph_start);
    CHECK(doc.lines[1].bullet);
    CHECK(!doc.lines[2].bullet);
}

TEST_CASE("line_builder_joins_a_word_hyphenated_across_lines_and_keeps_the_hyphen") {
    CHECK(texts_of(built({"customer-", "visible latency"})) ==
          std::vector<std::string>{"customer-visible latency"});
    // Not a continuation: an upper-case start, a number range, a list item, or no joining.
    CHECK(texts_of(built({"Full-", "Stack"})).size() == 2);
    CHECK(texts_of(built({"2019 -", "2021"})).size() == 2);
    CHECK(texts_of(built({"self-", "\u2022 taught"})).size() == 2);
    CHECK(texts_of(built({"customer-", "visible"}, false)).size() == 2);
}

TEST_CASE("line_builder_does_not_join_across_blocks") {
    TextDocument doc;
    LineBuilder builder(doc);
    builder.add({.text = "end of block-"}, true);
    builder.end_block();
    builder.add({.text = "next block"}, true);
    CHECK(doc.lines.size() == 2);
}

}  // namespace
}  // namespace vitae::cv
