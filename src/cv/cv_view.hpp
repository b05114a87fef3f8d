#pragma once
// A JSON Resume document read defensively into the flat shape every CV renderer
// (HTML templates, plain text) shows: fields of the wrong type are left out, unknown
// fields ignored, nothing throws. Not shown: basics.image (a remote picture would make
// the export fetch from the network and is a known bias risk in screening) and meta.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace vitae::cv {

// A URL as the author wrote it. Only http(s) URLs become links, so a resume cannot
// smuggle javascript: or data: links into a page; anything else is shown as text.
struct CvLink {
    std::string text;
    bool is_link = false;

    bool empty() const { return text.empty(); }
};

struct CvProfile {
    std::string network;
    std::string username;
    CvLink url;
};

struct CvBasics {
    std::string name;
    std::string label;
    std::string email;
    std::string phone;
    CvLink url;
    std::string location;              // address, postal code, city, region, country code
    std::vector<std::string> summary;  // paragraphs
    std::vector<CvProfile> profiles;
};

// One entry of any section, mapped onto the same slots so that every template lays
// out all sections with one loop.
struct CvEntry {
    std::string title;
    std::string subtitle;  // organisation, issuer, level, fluency…
    std::string where;
    std::string dates;  // "2019-03 – present", "2014-09 – 2019-02", "2022"
    CvLink url;
    std::string description;
    std::vector<std::string> notes;    // score, roles
    std::vector<std::string> summary;  // paragraphs
    std::vector<std::string> highlights;
    std::vector<std::string> keywords;
};

struct CvSection {
    std::string key;      // JSON Resume name: "work", "skills"…
    std::string heading;  // "Experience", "Skills"…
    bool side = false;    // short lists a side column may take (skills, languages, interests)
    std::vector<CvEntry> entries;
};

struct CvView {
    CvBasics basics;
    std::vector<CvSection> sections;  // JSON Resume order, only the non-empty ones
};

CvView cv_view_of(const nlohmann::json& resume);

// "2019-03 – present" for an open range; one side alone when only one is known.
std::string date_range(const std::string& start, const std::string& end);

// The non-empty parts with `separator` between them.
std::string joined(const std::vector<std::string>& parts, std::string_view separator);

bool is_web_url(std::string_view url);

}  // namespace vitae::cv
