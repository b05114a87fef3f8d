#pragma once
// Turns the lines of one recognised CV section into JSON Resume entries: work, volunteer,
// education and projects from entry blocks; skills, languages, certificates, awards,
// publications, interests and references from lines. What cannot be read cleanly is
// added to notes for the member to check.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cv/import/text_document.hpp"

namespace vitae::cv {

using SectionLines = std::vector<const TextLine*>;
using Notes = std::vector<std::string>;

nlohmann::json read_work(const SectionLines& lines, Notes& notes);
nlohmann::json read_volunteer(const SectionLines& lines, Notes& notes);
nlohmann::json read_education(const SectionLines& lines, Notes& notes);
nlohmann::json read_projects(const SectionLines& lines, Notes& notes);
nlohmann::json read_skills(const SectionLines& lines);
nlohmann::json read_languages(const SectionLines& lines);
nlohmann::json read_certificates(const SectionLines& lines);
nlohmann::json read_awards(const SectionLines& lines);
nlohmann::json read_publications(const SectionLines& lines);
nlohmann::json read_interests(const SectionLines& lines);
nlohmann::json read_references(const SectionLines& lines);

// The section's text as paragraphs (wrapped lines joined, one paragraph a line).
std::string read_paragraphs(const SectionLines& lines);

}  // namespace vitae::cv
