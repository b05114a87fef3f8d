#pragma once
// Finds the dates of a CV entry in a line of text and turns them into JSON Resume dates
// (YYYY, YYYY-MM or YYYY-MM-DD): "Jan 2020 – Present", "01/2020 - heute", "2019–2021",
// "mars 2018 – aujourd'hui", "ene. 2017 - actualidad", "since 2020", "seit 03.2019",
// "15.04.2018 – 30.06.2019", "2020-01 – present", month names in English, German,
// French and Spanish. A hand-written scanner: linear in the line, no regex.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace vitae::cv {

struct DateSpan {
    std::string start;       // a JSON Resume date; empty when the line has none
    std::string end;         // empty when ongoing or when the line names one date only
    bool ongoing = false;    // "present", "heute", "since 2020" ...
    bool range = false;      // a start and an end (or ongoing), not a lone date
    std::size_t begin = 0;   // the bytes of the line the dates cover
    std::size_t finish = 0;  // one past the last byte
};

// The first date range in the line, or else the first lone date; nullopt when none.
// A lone number is a year only between 1940 and 2099, so "10115 Berlin" is not a date.
std::optional<DateSpan> find_dates(std::string_view line);

// The line without the dates and the separators, brackets and labels around them
// ("Engineer, Acme (2019 – 2021)" -> "Engineer, Acme").
std::string without_dates(std::string_view line, const DateSpan& span);

// The month (1-12) a word names in one of the four languages ("Jan", "März", "févr.",
// "ene"); 0 when none. The word must be folded (text_fold.hpp).
int month_of_word(std::string_view folded_word);

// "present", "heute", "aujourd'hui", "actualidad"... (folded).
bool is_present_word(std::string_view folded_word);

}  // namespace vitae::cv
