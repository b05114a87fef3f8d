#pragma once
// CV templates rendered from a JSON Resume document: HTML through templates/cv/ and an
// ATS-friendly plain text. Pure functions of the document; no storage, no HTTP.
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "web/views.hpp"

namespace vitae::cv {

struct CvTemplate {
    const char* name;   // templates/cv/<name>.html and templates/cv/<name>.css
    const char* label;  // shown in the editor
};

// Every built-in template; the editor lists these and the renderers accept only these.
inline constexpr CvTemplate kTemplates[] = {
    {"classic", "Classic: one column"},
    {"modern", "Modern: side column"},
    {"ats", "ATS: plain, for applicant tracking systems"},
};

// Throws vitae::Error(bad_request) naming the known templates.
const CvTemplate& find_cv_template(std::string_view name);

struct CvHtmlParts {
    std::string body;  // the CV as an HTML fragment, every resume value escaped
    std::string css;   // the template's stylesheet
};

// The fragment and its stylesheet apart: pages served under our strict CSP link the CSS
// (no inline style), the export inlines it.
CvHtmlParts render_cv_parts(const web::Views& views, std::string_view template_name,
                            const nlohmann::json& resume);

// A self-contained HTML document with the CSS inlined in a <style> element. Meant to be
// downloaded as a file, never served as one of our pages: the CSP that forbids inline
// style on our pages does not apply to a file the member opens locally.
std::string render_cv_html(const web::Views& views, std::string_view template_name,
                           const nlohmann::json& resume);

// Plain text for applicant tracking systems: headings in capitals, one fact per line,
// highlights as "- " bullets, no markup.
std::string render_cv_text(const nlohmann::json& resume);

}  // namespace vitae::cv
