#include "cv/resume.hpp"

#include <doctest/doctest.h>

#include "core/error.hpp"
#include "support/resume_fixture.hpp"

using nlohmann::json;
using vitae::cv::Problem;
using vitae::cv::validate;

namespace {

std::vector<Problem> problems_of(const char* text) {
    return validate(json::parse(text));
}

}  // namespace

TEST_CASE("rich_fixture_survives_a_round_trip_with_unknown_fields_byte_equal") {
    auto original = vitae::test::resume_fixture("rich.json");
    auto again = json::parse(original.dump());
    CHECK(again == original);
    CHECK(again.dump() == original.dump());
    CHECK(again["work"][0]["x-internal-ref"].dump() == R"({"badge":1234,"team":"Σ-7"})");
    CHECK(again["basics"]["x-pronouns"] == "she/her");
    CHECK(again["x-vitae-unknown-section"][0]["nested"]["ключ"] == "значение");
    CHECK(again["$schema"] == original["$schema"]);
}

TEST_CASE("rich_fixture_has_no_problems") {
    CHECK(validate(vitae::test::resume_fixture("rich.json")).empty());
}

TEST_CASE("dates_must_be_year_month_or_day_of_a_real_calendar") {
    auto problems = problems_of(R"({"work": [
        {"startDate": "2020"}, {"startDate": "2020-07"}, {"startDate": "2024-02-29"},
        {"startDate": "2023-02-29"}, {"endDate": "2020-13"}, {"startDate": "20-01-01"},
        {"startDate": "July 2020"}, {"endDate": ""}, {"startDate": "2020-1-5"}]})");
    CHECK(problems == std::vector<Problem>{
                          {"work[3].startDate", "must be a date: YYYY, YYYY-MM or YYYY-MM-DD"},
                          {"work[4].endDate", "must be a date: YYYY, YYYY-MM or YYYY-MM-DD"},
                          {"work[5].startDate", "must be a date: YYYY, YYYY-MM or YYYY-MM-DD"},
                          {"work[6].startDate", "must be a date: YYYY, YYYY-MM or YYYY-MM-DD"},
                          {"work[8].startDate", "must be a date: YYYY, YYYY-MM or YYYY-MM-DD"}});
}

TEST_CASE("dates_are_checked_in_every_section_that_has_them") {
    auto problems = problems_of(R"({"awards": [{"date": "x"}], "certificates": [{"date": "x"}],
        "publications": [{"releaseDate": "x"}], "education": [{"endDate": "x"}],
        "volunteer": [{"startDate": "x"}], "projects": [{"endDate": "x"}]})");
    std::vector<std::string> paths;
    for (const auto& p : problems)
        paths.push_back(p.path);
    CHECK(paths == std::vector<std::string>{"volunteer[0].startDate", "education[0].endDate",
                                            "awards[0].date", "certificates[0].date",
                                            "publications[0].releaseDate", "projects[0].endDate"});
}

TEST_CASE("urls_must_be_http_or_https_with_a_host") {
    auto problems = problems_of(R"J({"basics": {"url": "ftp://example.org",
        "profiles": [{"url": "https://github.com/x"}, {"url": "javascript:alert(1)"},
                     {"url": "https://"}, {"url": "http://exa mple.org"}, {"url": "HTTPS://A.B"}]},
        "work": [{"url": "example.org"}], "meta": {"canonical": "https://x.org/r.json"}})J");
    const char* kMessage = "must be a web address starting with https://";
    CHECK(problems == std::vector<Problem>{{"basics.url", kMessage},
                                           {"basics.profiles[1].url", kMessage},
                                           {"basics.profiles[2].url", kMessage},
                                           {"basics.profiles[3].url", kMessage},
                                           {"work[0].url", kMessage}});
}

TEST_CASE("emails_must_look_like_name_at_domain") {
    for (const char* bad : {"zoe", "zoe@", "@example.org", "zoe@example", "zoe@@example.org",
                            "zo e@example.org", "zoe@example..org", "zoe@example.org."}) {
        CAPTURE(bad);
        auto problems = validate(json{{"basics", {{"email", bad}}}});
        CHECK(problems == std::vector<Problem>{
                              {"basics.email", "must be an email address like name@example.org"}});
    }
    CHECK(validate(json{{"basics", {{"email", "zoë.ä+cv@παράδειγμα.ελ"}}}}).empty());
}

TEST_CASE("known_fields_of_the_wrong_type_are_named") {
    auto problems = problems_of(R"({"basics": [], "work": {"name": "x"},
        "skills": [{"keywords": "C++"}, 7, {"keywords": ["ok", 3], "name": null}],
        "education": [{"courses": ["a"], "score": 4}], "meta": {"version": 1}})");
    CHECK(problems == std::vector<Problem>{{"basics", "must be an object"},
                                           {"work", "must be a list"},
                                           {"education[0].score", "must be text"},
                                           {"skills[0].keywords", "must be a list of texts"},
                                           {"skills[1]", "must be an object"},
                                           {"skills[2].name", "must be text"},
                                           {"skills[2].keywords[1]", "must be text"},
                                           {"meta.version", "must be text"}});
}

TEST_CASE("unknown_fields_are_never_problems") {
    CHECK(problems_of(R"({"x": 1, "work": [{"x-y": [1, 2], "startDate": "2020"}]})").empty());
}

TEST_CASE("only_a_non_object_or_an_oversized_or_non_utf8_body_cannot_be_stored") {
    using vitae::Error;
    CHECK_THROWS_AS(vitae::cv::check_storable(json::array()), Error);
    CHECK_THROWS_AS(vitae::cv::check_storable(json("text")), Error);
    CHECK_THROWS_AS(vitae::cv::check_storable(json{{"basics", {{"name", "\xff\xfe"}}}}), Error);
    json big = {{"basics", {{"summary", std::string(vitae::cv::kMaxResumeBytes, 'a')}}}};
    CHECK_THROWS_AS(vitae::cv::check_storable(big), Error);
    CHECK_NOTHROW(vitae::cv::check_storable(json::parse(R"({"work": "wrong type is a draft"})")));
    CHECK_NOTHROW(vitae::cv::check_storable(vitae::test::resume_fixture("rich.json")));
}
