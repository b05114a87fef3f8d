#include "cv/cv_view.hpp"

#include <algorithm>
#include <cctype>

namespace vitae::cv {

namespace {

using nlohmann::json;

std::string text_of(const json& object, const char* key) {
    if (!object.is_object())
        return {};
    auto it = object.find(key);
    if (it == object.end() || !it->is_string())
        return {};
    return it->get<std::string>();
}

std::vector<std::string> texts_of(const json& object, const char* key) {
    std::vector<std::string> out;
    if (!object.is_object())
        return out;
    auto it = object.find(key);
    if (it == object.end() || !it->is_array())
        return out;
    for (const auto& item : *it) {
        if (item.is_string() && !item.get_ref<const std::string&>().empty())
            out.push_back(item.get<std::string>());
    }
    return out;
}

std::string trimmed(std::string_view s) {
    auto blank = [](unsigned char c) { return std::isspace(c) != 0; };
    while (!s.empty() && blank(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && blank(s.back()))
        s.remove_suffix(1);
    return std::string(s);
}

// Authors separate paragraphs with line breaks; templates show each as its own <p>.
std::vector<std::string> paragraphs(const std::string& text) {
    std::vector<std::string> out;
    std::string_view rest = text;
    while (!rest.empty()) {
        auto end = rest.find('\n');
        auto line = trimmed(rest.substr(0, end));
        if (!line.empty())
            out.push_back(std::move(line));
        if (end == std::string_view::npos)
            break;
        rest.remove_prefix(end + 1);
    }
    return out;
}

std::vector<std::string> unless_empty(std::string text) {
    if (text.empty())
        return {};
    return {std::move(text)};
}

CvLink link_of(const json& object, const char* key) {
    auto text = trimmed(text_of(object, key));
    return {text, is_web_url(text)};
}

std::string location_of(const json& basics) {
    const json& location =
        basics.is_object() && basics.contains("location") ? basics["location"] : json();
    return joined(
        {text_of(location, "address"), text_of(location, "postalCode"), text_of(location, "city"),
         text_of(location, "region"), text_of(location, "countryCode")},
        ", ");
}

std::vector<CvProfile> profiles_of(const json& basics) {
    std::vector<CvProfile> out;
    if (!basics.contains("profiles") || !basics["profiles"].is_array())
        return out;
    for (const auto& item : basics["profiles"]) {
        CvProfile profile{text_of(item, "network"), text_of(item, "username"),
                          link_of(item, "url")};
        if (!profile.network.empty() || !profile.username.empty() || !profile.url.empty())
            out.push_back(std::move(profile));
    }
    return out;
}

CvBasics basics_of(const json& resume) {
    CvBasics out;
    if (!resume.contains("basics") || !resume["basics"].is_object())
        return out;
    const json& basics = resume["basics"];
    out.name = text_of(basics, "name");
    out.label = text_of(basics, "label");
    out.email = text_of(basics, "email");
    out.phone = text_of(basics, "phone");
    out.url = link_of(basics, "url");
    out.location = location_of(basics);
    out.summary = paragraphs(text_of(basics, "summary"));
    out.profiles = profiles_of(basics);
    return out;
}

std::string range_of(const json& item) {
    return date_range(text_of(item, "startDate"), text_of(item, "endDate"));
}

CvEntry work_entry(const json& item) {
    CvEntry e;
    e.title = text_of(item, "position");
    e.subtitle = text_of(item, "name");
    e.where = text_of(item, "location");
    e.dates = range_of(item);
    e.url = link_of(item, "url");
    e.description = text_of(item, "description");
    e.summary = paragraphs(text_of(item, "summary"));
    e.highlights = texts_of(item, "highlights");
    return e;
}

CvEntry volunteer_entry(const json& item) {
    CvEntry e;
    e.title = text_of(item, "position");
    e.subtitle = text_of(item, "organization");
    e.dates = range_of(item);
    e.url = link_of(item, "url");
    e.summary = paragraphs(text_of(item, "summary"));
    e.highlights = texts_of(item, "highlights");
    return e;
}

CvEntry education_entry(const json& item) {
    CvEntry e;
    e.title = joined({text_of(item, "studyType"), text_of(item, "area")}, ", ");
    e.subtitle = text_of(item, "institution");
    e.dates = range_of(item);
    e.url = link_of(item, "url");
    e.notes = unless_empty(text_of(item, "score"));
    e.highlights = texts_of(item, "courses");
    return e;
}

CvEntry award_entry(const json& item) {
    CvEntry e;
    e.title = text_of(item, "title");
    e.subtitle = text_of(item, "awarder");
    e.dates = text_of(item, "date");
    e.summary = paragraphs(text_of(item, "summary"));
    return e;
}

CvEntry certificate_entry(const json& item) {
    CvEntry e;
    e.title = text_of(item, "name");
    e.subtitle = text_of(item, "issuer");
    e.dates = text_of(item, "date");
    e.url = link_of(item, "url");
    return e;
}

CvEntry publication_entry(const json& item) {
    CvEntry e;
    e.title = text_of(item, "name");
    e.subtitle = text_of(item, "publisher");
    e.dates = text_of(item, "releaseDate");
    e.url = link_of(item, "url");
    e.summary = paragraphs(text_of(item, "summary"));
    return e;
}

CvEntry skill_entry(const json& item) {
    CvEntry e;
    e.title = text_of(item, "name");
    e.subtitle = text_of(item, "level");
    e.keywords = texts_of(item, "keywords");
    return e;
}

CvEntry language_entry(const json& item) {
    CvEntry e;
    e.title = text_of(item, "language");
    e.subtitle = text_of(item, "fluency");
    return e;
}

CvEntry interest_entry(const json& item) {
    CvEntry e;
    e.title = text_of(item, "name");
    e.keywords = texts_of(item, "keywords");
    return e;
}

CvEntry reference_entry(const json& item) {
    CvEntry e;
    e.title = text_of(item, "name");
    e.summary = paragraphs(text_of(item, "reference"));
    return e;
}

CvEntry project_entry(const json& item) {
    CvEntry e;
    e.title = text_of(item, "name");
    e.subtitle = joined({text_of(item, "entity"), text_of(item, "type")}, " · ");
    e.dates = range_of(item);
    e.url = link_of(item, "url");
    e.notes = unless_empty(joined(texts_of(item, "roles"), ", "));
    e.summary = paragraphs(text_of(item, "description"));
    e.highlights = texts_of(item, "highlights");
    e.keywords = texts_of(item, "keywords");
    return e;
}

bool blank(const CvEntry& e) {
    return e.title.empty() && e.subtitle.empty() && e.where.empty() && e.dates.empty() &&
           e.url.empty() && e.description.empty() && e.notes.empty() && e.summary.empty() &&
           e.highlights.empty() && e.keywords.empty();
}

struct SectionKind {
    const char* key;
    const char* heading;
    bool side;
    CvEntry (*entry)(const json&);
};

// The order of JSON Resume's schema, which is also the order a reader expects.
constexpr SectionKind kSections[] = {
    {"work", "Experience", false, work_entry},
    {"volunteer", "Volunteering", false, volunteer_entry},
    {"education", "Education", false, education_entry},
    {"awards", "Awards", false, award_entry},
    {"certificates", "Certificates", false, certificate_entry},
    {"publications", "Publications", false, publication_entry},
    {"skills", "Skills", true, skill_entry},
    {"languages", "Languages", true, language_entry},
    {"interests", "Interests", true, interest_entry},
    {"references", "References", false, reference_entry},
    {"projects", "Projects", false, project_entry},
};

CvSection section_of(const json& resume, const SectionKind& kind) {
    CvSection section{kind.key, kind.heading, kind.side, {}};
    auto it = resume.find(kind.key);
    if (it == resume.end() || !it->is_array())
        return section;
    for (const auto& item : *it) {
        if (!item.is_object())
            continue;
        auto entry = kind.entry(item);
        if (!blank(entry))
            section.entries.push_back(std::move(entry));
    }
    return section;
}

}  // namespace

std::string joined(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (const auto& part : parts) {
        if (part.empty())
            continue;
        if (!out.empty())
            out += separator;
        out += part;
    }
    return out;
}

std::string date_range(const std::string& start, const std::string& end) {
    if (start.empty())
        return end;
    return start + " – " + (end.empty() ? "present" : end);
}

bool is_web_url(std::string_view url) {
    auto starts_with = [&](std::string_view prefix) {
        return url.size() > prefix.size() &&
               std::equal(prefix.begin(), prefix.end(), url.begin(), [](char lower, char c) {
                   return std::tolower(static_cast<unsigned char>(c)) == lower;
               });
    };
    return starts_with("http://") || starts_with("https://");
}

CvView cv_view_of(const json& resume) {
    CvView view;
    if (!resume.is_object())
        return view;
    view.basics = basics_of(resume);
    for (const auto& kind : kSections) {
        auto section = section_of(resume, kind);
        if (!section.entries.empty())
            view.sections.push_back(std::move(section));
    }
    return view;
}

}  // namespace vitae::cv
