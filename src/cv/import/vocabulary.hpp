#pragma once
// Word lists the résumé parser weighs title pieces with: job titles, organisations,
// schools, degrees, places and spoken languages, in English, German, French and Spanish.
// Matching is on folded words (text_fold.hpp); German compounds match by their ending
// ("Softwareentwicklerin" is a title because it ends in "entwicklerin").
#include <string>
#include <string_view>

namespace vitae::cv {

// How strongly a piece of text reads as a job title (0: not at all).
int title_score(std::string_view text);
// ... as an employer or organisation ("GmbH", "Inc.", "Bank", "Labs").
int organisation_score(std::string_view text);
// ... as a school or university.
int school_score(std::string_view text);

// A place: a known city or country, "Remote", "Austin, TX", "10115 Berlin".
bool is_location(std::string_view text);

// The city, region and ISO country code of a place, as far as the text names them (a
// country is never guessed from a city: the draft holds what the CV shows).
struct Place {
    std::string city;
    std::string region;
    std::string country_code;
};
Place place_of(std::string_view text);

// The degree a piece starts with ("Master of Science", "M.Sc.", "Licence", "Grado"), as
// written; empty when none.
std::string degree_prefix(std::string_view text);

// A spoken language's name ("Deutsch", "English", "Français", "Inglés").
bool is_language_name(std::string_view text);

// A level of language skill ("Native", "C1", "Muttersprache", "courant", "nativo").
bool is_fluency(std::string_view text);

}  // namespace vitae::cv
