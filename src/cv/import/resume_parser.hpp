#pragma once
// The résumé parser: turns the lines of a CV (from PDF, DOCX or text) into a draft JSON
// Resume and a list of things the member should check.
//
// What it recognises:
// - Section headings in English, German, French and Spanish (section_headings.cpp), by
//   their words plus a layout hint (heading style, bold, larger type, capitals, a
//   trailing colon) or by standing alone on a short line. A heading that looks exactly
//   like the recognised ones but names no known section starts an unknown section, kept
//   as text under "x-imported-sections": [{"title", "lines"}] (JSON Resume allows extra
//   top-level keys), so nothing is dropped.
// - basics: the name (the largest of the first lines that reads as a name), the label
//   (a short line right after it), email, phone, web site, profiles (LinkedIn, GitHub,
//   XING ... also written "user (GitHub)"), location (city, region, country code when
//   clear) and the summary (its section, or the prose of the top block).
// - work and volunteer entries: dates in the formats of date_ranges.hpp; position and
//   organisation from "Position at Company", "Position, Company", "Company — Position"
//   or separate lines, told apart by job-title and organisation words; location;
//   highlights from list items, summary from other text.
// - education (institution, studyType, area, dates, score, courses), skills ("Name: a,
//   b"), languages ("English (native)", "Deutsch – C1"), projects, certificates, awards,
//   publications, interests and references.
//
// Known limits: two-column layouts are read in the order the extractor gives; an entry
// whose title lines look unlike the first entry's may be split wrongly; job titles and
// organisations are told apart by word lists, so an unusual title with an unusual
// employer keeps the order of the text (title first); only the first 256 KiB of text
// are read. Every field is a draft: the notes say what to check.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cv/import/text_document.hpp"

namespace vitae::cv {

struct ParsedResume {
    nlohmann::json resume = nlohmann::json::object();
    std::vector<std::string> notes;
};

// Never throws on content; the result passes cv::validate without problems.
ParsedResume parse_resume(const TextDocument& document);

}  // namespace vitae::cv
