#include "cv/import/plain_text.hpp"

#include <doctest/doctest.h>

using vitae::cv::read_plain_text;

TEST_CASE("read_plain_text_marks_markdown_headings_bold_lines_and_list_items") {
    auto doc = read_plain_text(
        "# Ada Lovelace\n"
        "\n"
        "## Experience\n"
        "**Analyst, Engine Works**\n"
        "- Wrote the *first* program\n"
        "* Tested it\n"
        "\xE2\x80\xA2 Published notes\n"
        "1. Numbered\n");
    REQUIRE(doc.lines.size() == 7);
    CHECK(doc.lines[0].text == "Ada Lovelace");
    CHECK(doc.lines[0].heading);
    CHECK(doc.lines[0].size > doc.lines[1].size);
    CHECK(doc.lines[1].size > doc.lines[2].size);
    CHECK(doc.lines[1].text == "Experience");
    CHECK(doc.lines[1].heading);
    CHECK(doc.lines[2].text == "Analyst, Engine Works");
    CHECK(doc.lines[2].bold);
    CHECK_FALSE(doc.lines[2].bullet);
    CHECK(doc.lines[3].text == "Wrote the first program");
    CHECK(doc.lines[3].bullet);
    CHECK(doc.lines[4].bullet);
    CHECK(doc.lines[5].text == "Published notes");
    CHECK(doc.lines[5].bullet);
    CHECK(doc.lines[6].text == "Numbered");
    CHECK(doc.lines[6].bullet);
    CHECK(read_plain_text("**Analyst**, Engine Works and more").lines[0].bold == false);
}

TEST_CASE("read_plain_text_starts_a_paragraph_after_a_blank_line") {
    auto doc = read_plain_text("one\ntwo\n\n\nthree\r\nfour\n");
    REQUIRE(doc.lines.size() == 4);
    CHECK(doc.lines[0].paragraph_start);
    CHECK_FALSE(doc.lines[1].paragraph_start);
    CHECK(doc.lines[2].paragraph_start);
    CHECK(doc.lines[2].text == "three");
    CHECK_FALSE(doc.lines[3].paragraph_start);
}

TEST_CASE("read_plain_text_keeps_link_addresses_findable") {
    auto doc = read_plain_text(
        "[GitHub](https://github.com/ada) | [ada@example.org](mailto:ada@example.org)\n"
        "<https://ada.dev> and [https://x.example.org](https://x.example.org)\n");
    REQUIRE(doc.lines.size() == 2);
    CHECK(doc.lines[0].text == "GitHub (https://github.com/ada) | ada@example.org");
    CHECK(doc.lines[1].text == "https://ada.dev and https://x.example.org");
}

TEST_CASE("read_plain_text_reads_underlined_headings_and_drops_rules") {
    auto doc = read_plain_text("Ada Lovelace\n============\n\nSkills\n------\nC++\n\n---\nEnd\n");
    REQUIRE(doc.lines.size() == 4);
    CHECK(doc.lines[0].heading);
    CHECK(doc.lines[1].text == "Skills");
    CHECK(doc.lines[1].heading);
    CHECK_FALSE(doc.lines[2].heading);
    CHECK(doc.lines[3].text == "End");
    CHECK(doc.lines[3].paragraph_start);
}

TEST_CASE("read_plain_text_drops_control_characters_and_keeps_underscores_in_addresses") {
    auto doc = read_plain_text(std::string("a\x01"
                                           "b\tc\x7f\n") +
                               "jo_doe@example.org\n");
    REQUIRE(doc.lines.size() == 2);
    CHECK(doc.lines[0].text == "ab c");
    CHECK(doc.lines[1].text == "jo_doe@example.org");
}

TEST_CASE("read_plain_text_of_blank_input_has_no_lines") {
    CHECK(read_plain_text("").lines.empty());
    CHECK(read_plain_text("\n\n   \n\t\n").lines.empty());
    CHECK(read_plain_text("\xEF\xBB\xBF").lines.empty());
}
