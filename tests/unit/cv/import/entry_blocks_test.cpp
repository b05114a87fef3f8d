#include "cv/import/entry_blocks.hpp"

#include <doctest/doctest.h>

#include "cv/import/plain_text.hpp"

using namespace vitae::cv;

namespace {

std::vector<EntryBlock> split_text(const char* text, TextDocument& doc) {
    doc = read_plain_text(text);
    std::vector<const TextLine*> lines;
    for (const auto& l : doc.lines)
        lines.push_back(&l);
    return split_entries(lines);
}

}  // namespace

TEST_CASE("split_entries_finds_titles_before_the_dates") {
    TextDocument doc;
    auto blocks = split_text(
        "Acme\nEngineer\n2019 - 2021\n- one\n- two\nSome closing words for the job.\n"
        "Beta\nLead\n2021 - now\n- three\n",
        doc);
    REQUIRE(blocks.size() == 2);
    CHECK(blocks[0].header == std::vector<std::string>{"Acme", "Engineer"});
    CHECK(blocks[0].bullets.size() == 2);
    CHECK(blocks[0].paragraphs == std::vector<std::string>{"Some closing words for the job."});
    CHECK(blocks[1].header == std::vector<std::string>{"Beta", "Lead"});
    CHECK(blocks[1].dates->ongoing);
}

TEST_CASE("split_entries_finds_titles_after_leading_dates") {
    TextDocument doc;
    auto blocks = split_text(
        "2019 - 2021\nEngineer\nAcme, Berlin\n- one\n2016 - 2019\nIntern\nBeta\n- two\n", doc);
    REQUIRE(blocks.size() == 2);
    CHECK(blocks[0].header == std::vector<std::string>{"Engineer", "Acme, Berlin"});
    CHECK(blocks[1].header == std::vector<std::string>{"Intern", "Beta"});
    CHECK(blocks[1].dates->start == "2016");
}

TEST_CASE("split_entries_reads_titles_on_the_date_line") {
    TextDocument doc;
    auto blocks = split_text(
        "Engineer at Acme   Jan 2020 - Present\n- one\n"
        "Intern at Beta   Jun 2019 - Aug 2019\n- two\n",
        doc);
    REQUIRE(blocks.size() == 2);
    CHECK(blocks[0].header == std::vector<std::string>{"Engineer at Acme"});
    CHECK(blocks[1].dates->end == "2019-08");
}

TEST_CASE("split_entries_joins_wrapped_list_items") {
    TextDocument doc;
    auto blocks =
        split_text("Engineer, Acme 2019 - 2020\n- built a thing that\n  kept running\n", doc);
    REQUIRE(blocks.size() == 1);
    CHECK(blocks[0].bullets == std::vector<std::string>{"built a thing that kept running"});
}

TEST_CASE("split_entries_without_dates_splits_at_title_lines") {
    TextDocument doc;
    auto blocks = split_text("Vitae\n- a CV workshop\n\nPlanner\n- a calendar\n", doc);
    REQUIRE(blocks.size() == 2);
    CHECK(blocks[0].header == std::vector<std::string>{"Vitae"});
    CHECK(blocks[1].header == std::vector<std::string>{"Planner"});
    CHECK(blocks[1].bullets == std::vector<std::string>{"a calendar"});
}

TEST_CASE("title_pieces_splits_at_the_usual_separators") {
    CHECK(title_pieces("Engineer at Acme, Berlin") ==
          std::vector<std::string>{"Engineer", "Acme", "Berlin"});
    CHECK(title_pieces("Acme \xE2\x80\x94 Engineer") ==
          std::vector<std::string>{"Acme", "Engineer"});
    CHECK(title_pieces("Engineer | Acme") == std::vector<std::string>{"Engineer", "Acme"});
    CHECK(title_pieces("Backend-Entwicklerin") == std::vector<std::string>{"Backend-Entwicklerin"});
}
