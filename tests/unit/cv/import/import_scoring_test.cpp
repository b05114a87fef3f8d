// The scoring the corpus test relies on: it must give a perfect import full marks and a
// poor one a failing grade, or the corpus test could not fail.
#include "support/import_scoring.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using vitae::test::fields_below;
using vitae::test::json;
using vitae::test::score_import;

namespace {

json truth_of(const std::string& name) {
    std::ifstream in(fs::path(VITAE_SOURCE_DIR) / "tests/fixtures/cv" / (name + ".json"));
    REQUIRE(in);
    return json::parse(in);
}

std::vector<std::string> corpus_names() {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(fs::path(VITAE_SOURCE_DIR) / "tests/fixtures/cv")) {
        if (e.path().extension() == ".json")
            out.push_back(e.path().stem().string());
    }
    return out;
}

}  // namespace

TEST_CASE("scoring_gives_the_truth_full_recall_and_precision_on_every_fixture") {
    auto names = corpus_names();
    REQUIRE(names.size() >= 14);
    for (const auto& name : names) {
        json truth = truth_of(name);
        auto score = score_import(name, truth, truth);
        INFO(name);
        CHECK(score.misses.empty());
        for (const auto& [field, c] : score.fields) {
            INFO(field);
            CHECK(c.recall() == 1.0);
            CHECK(c.precision() == 1.0);
        }
        CHECK(fields_below(score, 0.9).empty());
    }
}

TEST_CASE("scoring_forgives_case_accents_punctuation_phone_format_and_year_only_dates") {
    json truth = {{"basics",
                   {{"name", "Lucía Fernández"},
                    {"email", "Lucia@Example.es"},
                    {"phone", "+34 612 345 678"}}},
                  {"work", json::array({{{"name", "Havelsoft AG"},
                                         {"position", "Softwareentwicklerin"},
                                         {"startDate", "2015"},
                                         {"endDate", "2019-12"}}})}};
    json got = {
        {"basics",
         {{"name", "LUCIA FERNANDEZ"}, {"email", "lucia@example.es"}, {"phone", "+34612345678"}}},
        {"work", json::array({{{"name", "Havelsoft AG, Potsdam"},
                               {"position", "Softwareentwicklerin"},
                               {"startDate", "2015-01"},
                               {"endDate", "2019-12-01"}}})}};
    auto score = score_import("t", truth, got);
    CHECK(score.misses.empty());
    CHECK(fields_below(score, 1.0).empty());
}

TEST_CASE("scoring_counts_a_missing_end_date_as_present_and_a_wrong_month_as_wrong") {
    json truth = {
        {"work",
         json::array(
             {{{"name", "Nordlicht Payments GmbH"}, {"startDate", "2020-03"}},
              {{"name", "Havelsoft AG"}, {"startDate", "2018-03"}, {"endDate", "2019-12"}}})}};
    json got = {{"work", json::array({{{"name", "Nordlicht Payments GmbH"},
                                       {"startDate", "2020-04"},
                                       {"endDate", "2021-01"}},
                                      {{"name", "Havelsoft AG"}, {"startDate", "2018"}}})}};
    auto score = score_import("t", truth, got);
    CHECK(score.fields["work.startDate"].found == 0);  // wrong month; a bare year is not a month
    CHECK(score.fields["work.endDate"].truth == 2);
    CHECK(score.fields["work.endDate"].found == 0);  // ended vs present, present vs ended
    CHECK(score.fields["work.name"].recall() == 1.0);
}

TEST_CASE("scoring_fails_a_degraded_import_below_the_bar") {
    json truth = truth_of("01_anna_schmidt");
    json got = truth;
    got["basics"].erase("phone");
    got["basics"]["email"] = "anna@example.com";
    // Jobs filed as education, and the one left has lost its dates.
    got["education"].push_back(got["work"][0]);
    got["education"].push_back(got["work"][1]);
    got["work"].erase(0);
    got["work"].erase(0);
    got["work"][0].erase("startDate");
    got["work"][0]["position"] = "Teamleiterin";
    auto score = score_import("01_anna_schmidt", truth, got);
    auto below = fields_below(score, 0.9);
    for (const char* field : {"basics.email", "basics.phone", "sections", "work.name",
                              "work.position", "work.startDate", "work.endDate"}) {
        INFO(field);
        CHECK(std::find(below.begin(), below.end(), field) != below.end());
    }
    CHECK(score.fields["basics.name"].recall() == 1.0);
    CHECK(score.fields["education.institution"].precision() < 1.0);
    bool told_where = std::any_of(score.misses.begin(), score.misses.end(), [](auto& m) {
        return m.find("sections.work: want 'Nordlicht Payments GmbH', got 'in education'") !=
               std::string::npos;
    });
    CHECK(told_where);
}

TEST_CASE("scoring_fails_an_import_that_produced_nothing") {
    json truth = truth_of("06_claire_dubois");
    auto score = score_import("06_claire_dubois", truth, json(nullptr));
    CHECK(fields_below(score, 0.9).size() == vitae::test::gated_fields().size());
}
