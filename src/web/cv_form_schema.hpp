#pragma once
// What the CV editor shows of a JSON Resume document: its sections, the fields of each
// entry and the lists of texts inside them, with the words people read. The single source
// for the form's rendering, the parsing of what it posts, and the operations its buttons
// name. Validation rules live in cv/resume.cpp; this file is only the editor's view.
#include <string>
#include <string_view>
#include <vector>

namespace vitae::web {

enum class CvInput { line, text, date, url, email };

struct CvFormField {
    const char* key;  // "name"; inside basics also nested, "location.city"
    const char* label;
    CvInput input = CvInput::line;
};

// A list of texts inside an entry (highlights, keywords, courses, roles).
struct CvFormList {
    const char* key;
    const char* label;  // "Highlights"
    const char* item;   // "highlight"
};

struct CvFormSection {
    const char* path;     // where it sits in the document: "work", "basics.profiles"
    const char* heading;  // "Work experience"
    const char* entry;    // one entry, lower case: "job"; "" for basics (one object)
    const char* hint;
    std::vector<CvFormField> fields;
    std::vector<CvFormList> lists = {};

    bool single() const { return *entry == '\0'; }
    const CvFormList* list(std::string_view key) const;
};

// Every section, in the order the editor shows them: basics, profiles, then the JSON
// Resume lists in schema order.
const std::vector<CvFormSection>& cv_form_sections();

// The section at `path`, or nullptr.
const CvFormSection* find_cv_form_section(std::string_view path);

// "basics.profiles" -> {"basics", "profiles"}.
std::vector<std::string> split_path(std::string_view dotted);

// The three spellings of one place in the document, from its segments
// {"work", "2", "highlights", "1"}:
std::string form_name(const std::vector<std::string>& segments);     // work[2][highlights][1]
std::string element_id(const std::vector<std::string>& segments);    // work-2-highlights-1
std::string problem_path(const std::vector<std::string>& segments);  // work[2].highlights[1]

}  // namespace vitae::web
