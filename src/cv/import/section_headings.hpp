#pragma once
// Which JSON Resume section a CV heading names, in English, German, French and Spanish:
// "Berufserfahrung", "Expérience professionnelle", "EXPERIENCIA LABORAL", "Skills:",
// "E X P E R I E N C E". Matching is by words, case- and accent-insensitive; whether a
// line is a heading at all also needs its layout, which the parser judges.
#include <optional>
#include <string_view>

namespace vitae::cv {

enum class ResumeSection {
    contact,  // "Contact", "Persönliche Daten": goes to basics
    summary,
    work,
    education,
    skills,
    projects,
    certificates,
    languages,
    awards,
    publications,
    volunteer,
    interests,
    references,
    unknown,  // a heading we cannot name: its lines are kept as they are
};

struct HeadingMatch {
    ResumeSection section;
    bool exact;  // the line is the heading phrase, give or take words like "and", "my",
                 // "professional"; otherwise the phrase is part of a longer short line
};

// The section a line names, nullopt when it names none. Lines with digits, an '@', more
// than six words or more than 60 bytes never name a section.
std::optional<HeadingMatch> match_heading(std::string_view line);

// The JSON Resume key of a section ("work"); "basics" for contact and summary,
// "x-imported-sections" for unknown.
std::string_view section_key(ResumeSection section);

}  // namespace vitae::cv
