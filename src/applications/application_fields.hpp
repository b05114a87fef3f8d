#pragma once
// The checks every application field passes, whichever door it came in by (form, API,
// CSV, job JSON): each refusal is an Error(bad_request) whose message names the field.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "applications/application_service.hpp"

namespace vitae::applications {

inline constexpr std::size_t kMaxLine = 200;   // company, role, location... (characters)
inline constexpr std::size_t kMaxTitle = 200;  // a CV title, as CvService allows
inline constexpr std::size_t kMaxUrl = 2000;
inline constexpr std::size_t kMaxNotes = 20'000;
inline constexpr std::size_t kMaxJobDescription = 100'000;
inline constexpr std::size_t kMaxContacts = 20;

// Code points of UTF-8 text; max() when it is not UTF-8.
std::size_t core_length(std::string_view text);

// UTF-8 text of at most `max` characters, as given.
std::string text(std::string_view value, std::string_view field, std::size_t max);
// One line of at most kMaxLine characters, trimmed.
std::string line(std::string_view value, std::string_view field);
// line(), and not empty.
std::string required_line(std::string_view value, std::string_view field);
// Empty, or an absolute http(s) URL without spaces.
std::string checked_url(std::string_view value);
std::string checked_status(std::string_view value);
// Empty (no date), or a real calendar day written YYYY-MM-DD.
std::string checked_date(std::string_view value, std::string_view field);
// Each contact's fields as line()s; contacts with no field at all are dropped.
std::vector<Contact> checked_contacts(const std::vector<Contact>& contacts);

// Contacts as text, one per line: "name | email | phone | role" (trailing empty fields
// left out), the form the web page and the CSV show; parse_contacts reads it back.
std::string contacts_text(const std::vector<Contact>& contacts);
std::vector<Contact> parse_contacts(std::string_view text);

// "row 2: ...; row 5: ..." for an import's refusal, the first 20 then a count of the rest.
std::string join_problems(const std::vector<std::string>& problems);

}  // namespace vitae::applications
