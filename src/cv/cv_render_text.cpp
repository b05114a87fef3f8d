// render_cv_text: the plain-text export, from the same view as the HTML templates.
#include <algorithm>
#include <cctype>

#include "cv/cv_render.hpp"
#include "cv/cv_view.hpp"

namespace vitae::cv {

namespace {

void add_line(std::string& out, const std::string& line) {
    if (!line.empty())
        out += line + "\n";
}

void add_lines(std::string& out, const std::vector<std::string>& lines,
               std::string_view prefix = {}) {
    for (const auto& line : lines)
        out += std::string(prefix) + line + "\n";
}

// Section headings are ours and ASCII, so byte-wise upper-casing is safe.
std::string heading(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return "\n" + text + "\n";
}

void add_basics(std::string& out, const CvBasics& basics) {
    add_line(out, basics.name);
    add_line(out, basics.label);
    add_line(out, joined({basics.email, basics.phone, basics.url.text}, " | "));
    add_line(out, basics.location);
    for (const auto& p : basics.profiles) {
        auto who = joined({p.network, p.username}, ": ");
        add_line(out, joined({who, p.url.text}, " "));
    }
    if (!basics.summary.empty()) {
        out += heading("Summary");
        add_lines(out, basics.summary);
    }
}

void add_entry(std::string& out, const CvEntry& e) {
    add_line(out, joined({e.title, e.subtitle}, ", "));
    add_line(out, joined({e.where, e.dates}, " | "));
    add_line(out, e.url.text);
    add_line(out, e.description);
    add_lines(out, e.notes);
    add_lines(out, e.summary);
    add_lines(out, e.highlights, "- ");
    add_line(out, joined(e.keywords, ", "));
}

}  // namespace

std::string render_cv_text(const nlohmann::json& resume) {
    auto view = cv_view_of(resume);
    std::string out;
    add_basics(out, view.basics);
    for (const auto& section : view.sections) {
        out += heading(section.heading);
        for (std::size_t i = 0; i < section.entries.size(); ++i) {
            if (i > 0 && !section.side)
                out += "\n";
            add_entry(out, section.entries[i]);
        }
    }
    return out;
}

}  // namespace vitae::cv
