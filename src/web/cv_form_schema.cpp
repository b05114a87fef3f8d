#include "web/cv_form_schema.hpp"

#include <algorithm>

namespace vitae::web {

namespace {

bool is_index(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

const CvFormList kHighlights{"highlights", "Highlights", "highlight"};
const CvFormList kKeywords{"keywords", "Keywords", "keyword"};

std::vector<CvFormSection> make_sections() {
    using I = CvInput;
    return {
        {"basics",
         "Basics",
         "",
         "Who you are and how to reach you.",
         {{"name", "Full name"},
          {"label", "Headline", I::line},
          {"email", "Email", I::email},
          {"phone", "Phone"},
          {"url", "Website", I::url},
          {"summary", "Summary", I::text},
          {"location.address", "Street address"},
          {"location.postalCode", "Postal code"},
          {"location.city", "City"},
          {"location.region", "Region"},
          {"location.countryCode", "Country code"},
          {"image", "Photo URL (kept, not shown by the templates)"}}},
        {"basics.profiles",
         "Profiles",
         "profile",
         "Accounts on other sites.",
         {{"network", "Network"}, {"username", "User name"}, {"url", "URL", I::url}}},
        {"work",
         "Work experience",
         "job",
         "",
         {{"name", "Employer"},
          {"position", "Position"},
          {"location", "Location"},
          {"url", "Website", I::url},
          {"startDate", "Start date", I::date},
          {"endDate", "End date", I::date},
          {"description", "About the employer"},
          {"summary", "Summary", I::text}},
         {kHighlights}},
        {"volunteer",
         "Volunteering",
         "volunteer role",
         "",
         {{"organization", "Organisation"},
          {"position", "Position"},
          {"url", "Website", I::url},
          {"startDate", "Start date", I::date},
          {"endDate", "End date", I::date},
          {"summary", "Summary", I::text}},
         {kHighlights}},
        {"education",
         "Education",
         "school",
         "",
         {{"institution", "Institution"},
          {"area", "Field of study"},
          {"studyType", "Degree"},
          {"url", "Website", I::url},
          {"startDate", "Start date", I::date},
          {"endDate", "End date", I::date},
          {"score", "Grade"}},
         {{"courses", "Courses", "course"}}},
        {"awards",
         "Awards",
         "award",
         "",
         {{"title", "Title"},
          {"awarder", "Awarded by"},
          {"date", "Date", I::date},
          {"summary", "Summary", I::text}}},
        {"certificates",
         "Certificates",
         "certificate",
         "",
         {{"name", "Name"},
          {"issuer", "Issuer"},
          {"date", "Date", I::date},
          {"url", "URL", I::url}}},
        {"publications",
         "Publications",
         "publication",
         "",
         {{"name", "Title"},
          {"publisher", "Publisher"},
          {"releaseDate", "Release date", I::date},
          {"url", "URL", I::url},
          {"summary", "Summary", I::text}}},
        {"skills", "Skills", "skill", "", {{"name", "Skill"}, {"level", "Level"}}, {kKeywords}},
        {"languages",
         "Languages",
         "language",
         "",
         {{"language", "Language"}, {"fluency", "Fluency"}}},
        {"interests", "Interests", "interest", "", {{"name", "Interest"}}, {kKeywords}},
        {"references",
         "References",
         "reference",
         "",
         {{"name", "Name"}, {"reference", "Reference", I::text}}},
        {"projects",
         "Projects",
         "project",
         "",
         {{"name", "Name"},
          {"description", "Description", I::text},
          {"entity", "For"},
          {"type", "Type"},
          {"url", "URL", I::url},
          {"startDate", "Start date", I::date},
          {"endDate", "End date", I::date}},
         {kHighlights, kKeywords, {"roles", "Roles", "role"}}},
    };
}

}  // namespace

const CvFormList* CvFormSection::list(std::string_view key) const {
    auto it =
        std::find_if(lists.begin(), lists.end(), [&](const CvFormList& l) { return key == l.key; });
    return it == lists.end() ? nullptr : &*it;
}

const std::vector<CvFormSection>& cv_form_sections() {
    static const std::vector<CvFormSection> kSections = make_sections();
    return kSections;
}

const CvFormSection* find_cv_form_section(std::string_view path) {
    for (const auto& section : cv_form_sections()) {
        if (path == section.path)
            return &section;
    }
    return nullptr;
}

std::vector<std::string> split_path(std::string_view dotted) {
    std::vector<std::string> out;
    while (true) {
        auto dot = dotted.find('.');
        out.emplace_back(dotted.substr(0, dot));
        if (dot == std::string_view::npos)
            return out;
        dotted.remove_prefix(dot + 1);
    }
}

std::string form_name(const std::vector<std::string>& segments) {
    std::string out;
    for (const auto& s : segments)
        out += out.empty() ? s : "[" + s + "]";
    return out;
}

std::string element_id(const std::vector<std::string>& segments) {
    std::string out;
    for (const auto& s : segments)
        out += (out.empty() ? "" : "-") + s;
    return out;
}

std::string problem_path(const std::vector<std::string>& segments) {
    std::string out;
    for (const auto& s : segments) {
        if (is_index(s))
            out += "[" + s + "]";
        else
            out += (out.empty() ? "" : ".") + s;
    }
    return out;
}

}  // namespace vitae::web
