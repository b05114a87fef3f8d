#pragma once
// Small text tools of the résumé parser: accent- and case-folding for matching words in
// four languages, trimming and splitting. All linear in the input; no regex.
#include <string>
#include <string_view>
#include <vector>

namespace vitae::cv {

// Lower case, with the accented Latin letters of English, German, French and Spanish
// folded to their base letter ("Éducation" -> "education", "Straße" -> "strasse").
// Other bytes are copied unchanged, so the result is still UTF-8.
std::string fold(std::string_view text);

std::string_view trim(std::string_view text);

// Trims spaces and the given characters (ASCII only) from both ends.
std::string_view trim_chars(std::string_view text, std::string_view chars);

// Splits at any of the separators (each a UTF-8 string), trims the parts and drops
// empty ones.
std::vector<std::string> split_any(std::string_view text,
                                   const std::vector<std::string_view>& separators);

// Words of folded text: runs of letters and digits (UTF-8 letters included).
std::vector<std::string> words_of(std::string_view folded);

bool has_digit(std::string_view text);
bool has_letter(std::string_view text);

// Every letter is upper case (ASCII and the Latin-1 range), and there is at least one.
bool is_upper_case(std::string_view text);

// Collapses runs of white space into one space and trims.
std::string squeeze_spaces(std::string_view text);

}  // namespace vitae::cv
