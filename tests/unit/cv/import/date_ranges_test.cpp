#include "cv/import/date_ranges.hpp"

#include <doctest/doctest.h>

using vitae::cv::find_dates;
using vitae::cv::without_dates;

namespace {

struct Case {
    const char* line;
    const char* start;
    const char* end;
    bool ongoing;
};

}  // namespace

TEST_CASE("find_dates_reads_ranges_in_english_german_french_and_spanish") {
    const Case cases[] = {
        {"Jan 2020 – Present", "2020-01", "", true},
        {"January 2020 - March 2021", "2020-01", "2021-03", false},
        {"Jan. 2020 to Dec. 2022", "2020-01", "2022-12", false},
        {"Sept 2013 – Jan 2019", "2013-09", "2019-01", false},
        {"01/2020 - heute", "2020-01", "", true},
        {"03/2018 – 12/2019", "2018-03", "2019-12", false},
        {"2019–2021", "2019", "2021", false},
        {"2019 - 2021", "2019", "2021", false},
        {"mars 2018 – aujourd'hui", "2018-03", "", true},
        {"mars 2018 – aujourd\xE2\x80\x99hui", "2018-03", "", true},
        {"janv. 2015 - févr. 2018", "2015-01", "2018-02", false},
        {"ene. 2017 - actualidad", "2017-01", "", true},
        {"de enero de 2015 a marzo de 2017", "2015-01", "2017-03", false},
        {"since 2020", "2020", "", true},
        {"seit 2020", "2020", "", true},
        {"Seit 03.2019", "2019-03", "", true},
        {"depuis septembre 2021", "2021-09", "", true},
        {"desde 2019", "2019", "", true},
        {"März 2016 – Mai 2018", "2016-03", "2018-05", false},
        {"Okt 2010 bis Dez 2012", "2010-10", "2012-12", false},
        {"15.04.2018 – 30.06.2019", "2018-04-15", "2019-06-30", false},
        {"2020-01 – present", "2020-01", "", true},
        {"2018-03-01 - 2019-02-28", "2018-03-01", "2019-02-28", false},
        {"Feb 2019 - Current", "2019-02", "", true},
        {"2021 – now", "2021", "", true},
        {"Jun – Aug 2019", "2019-06", "2019-08", false},
        {"2015 - presente", "2015", "", true},
        {"2012 – aktuell", "2012", "", true},
        {"Sep 2020 – to date", "2020-09", "", true},
        {"enero 2020 - hasta la fecha", "2020-01", "", true},
        {"from 2016 to 2018", "2016", "2018", false},
        {"04/15/2018 – 06/30/2019", "2018-04-15", "2019-06-30", false},
    };
    for (const auto& c : cases) {
        CAPTURE(c.line);
        auto span = find_dates(c.line);
        REQUIRE(span.has_value());
        CHECK(span->range);
        CHECK(span->start == c.start);
        CHECK(span->end == c.end);
        CHECK(span->ongoing == c.ongoing);
    }
}

TEST_CASE("find_dates_reads_a_lone_date_when_there_is_no_range") {
    auto span = find_dates("Certified Scrum Product Owner, Scrum Alliance, 2018");
    REQUIRE(span.has_value());
    CHECK_FALSE(span->range);
    CHECK(span->start == "2018");
    CHECK(find_dates("Graduated May 2019")->start == "2019-05");
    CHECK(find_dates("15. März 2020")->start == "2020-03-15");
}

TEST_CASE("find_dates_leaves_postcodes_phone_numbers_and_counts_alone") {
    CHECK_FALSE(find_dates("10115 Berlin"));
    CHECK_FALSE(find_dates("Cut onboarding time from 14 days to 3"));
    CHECK_FALSE(find_dates("Team of 12 engineers"));
    CHECK(find_dates("13/2020")->start == "2020");  // no 13th month: the year alone
    CHECK_FALSE(find_dates(""));
    CHECK_FALSE(find_dates("12."));  // found by fuzzing: a date separator at the end of a line
    CHECK_FALSE(find_dates("Jan 3/"));
}

TEST_CASE("without_dates_keeps_the_title_and_drops_the_separators") {
    auto line = std::string("Senior Engineer, Acme (2019 – 2021)");
    CHECK(without_dates(line, *find_dates(line)) == "Senior Engineer, Acme");
    line = "Berlin | 2020-01 – present";
    CHECK(without_dates(line, *find_dates(line)) == "Berlin");
    line = "Engineer – Jan 2020 – Present – Acme";
    CHECK(without_dates(line, *find_dates(line)) == "Engineer | Acme");
    line = "2019–2021";
    CHECK(without_dates(line, *find_dates(line)).empty());
}
