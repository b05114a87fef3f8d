#include "cv/import/resume_parser.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include "cv/import/contact_fields.hpp"
#include "cv/import/date_ranges.hpp"
#include "cv/import/entry_blocks.hpp"
#include "cv/import/section_headings.hpp"
#include "cv/import/section_readers.hpp"
#include "cv/import/text_fold.hpp"
#include "cv/import/vocabulary.hpp"
#include "cv/resume.hpp"

namespace vitae::cv {

namespace {

using nlohmann::json;

// A CV has tens of kilobytes of text; past this it is not a CV, and the draft must stay
// well under kMaxResumeBytes.
constexpr std::size_t kMaxTextBytes = 256 * 1024;
constexpr std::size_t kMaxLineBytes = 2000;

struct Section {
    ResumeSection kind;
    std::string title;
    SectionLines lines;
};

// Cuts text at a UTF-8 boundary at or before max bytes.
std::string cut(const std::string& text, std::size_t max) {
    if (text.size() <= max)
        return text;
    auto end = max;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
        --end;
    return text.substr(0, end);
}

float body_size(const std::vector<TextLine>& lines) {
    std::map<int, std::size_t> bytes_by_size;
    for (const auto& l : lines)
        bytes_by_size[static_cast<int>(std::lround(l.size * 2))] += l.text.size();
    int best = 0;
    std::size_t most = 0;
    for (auto [size, bytes] : bytes_by_size) {
        if (bytes > most) {
            most = bytes;
            best = size;
        }
    }
    return static_cast<float>(best) / 2.0f;
}

struct Style {
    bool heading, bold, upper;
    int size;
    auto operator<=>(const Style&) const = default;
};

class Parser {
  public:
    explicit Parser(const TextDocument& doc) {
        std::size_t total = 0;
        for (const auto& line : doc.lines) {
            if (total > kMaxTextBytes) {
                notes_.push_back("Only the first 256 KiB of text were read.");
                break;
            }
            TextLine copy = line;
            copy.text = squeeze_spaces(cut(line.text, kMaxLineBytes));
            if (copy.text.empty())
                continue;
            total += copy.text.size();
            lines_.push_back(std::move(copy));
        }
        body_ = body_size(lines_);
        restore_reading_order();
    }

    ParsedResume run() {
        find_sections();
        json resume = json::object();
        json basics = read_basics();
        for (const auto& section : sections_)
            add_section(resume, basics, section);
        if (!basics.empty())
            resume["basics"] = basics;
        check_missing(resume);
        drop_invalid(resume);
        return {std::move(resume), std::move(notes_)};
    }

  private:
    std::vector<TextLine> lines_;
    float body_ = 0;
    std::vector<std::optional<ResumeSection>> heading_of_;  // per line
    SectionLines header_;
    std::vector<Section> sections_;
    std::vector<std::string> notes_;

    // Some PDFs draw every section heading after the text (a theme's letter-spaced
    // headings): the extractor then gives the headings at the end, each with nothing
    // under it. When most sections come out empty, page position is the better order.
    void restore_reading_order() {
        std::size_t headings = 0, empty = 0;
        for (std::size_t i = 0; i < lines_.size(); ++i) {
            if (!known_heading(lines_[i]))
                continue;
            ++headings;
            if (i + 1 == lines_.size() || known_heading(lines_[i + 1]))
                ++empty;
        }
        if (headings < 3 || empty * 2 < headings)
            return;
        std::stable_sort(lines_.begin(), lines_.end(), [](const TextLine& a, const TextLine& b) {
            return a.page != b.page ? a.page < b.page : a.y < b.y;
        });
        notes_.push_back(
            "The file lists its headings apart from their text; sections were "
            "matched by their place on the page. Check the order of entries.");
    }

    bool has_hint(const TextLine& l) const {
        return l.heading || l.bold || l.size > body_ + 0.9f || is_upper_case(l.text) ||
               l.text.ends_with(':');
    }

    Style style_of(const TextLine& l) const {
        return {l.heading, l.bold, is_upper_case(l.text), static_cast<int>(std::lround(l.size))};
    }

    std::optional<ResumeSection> known_heading(const TextLine& l) const {
        return heading_match(l, true);
    }

    // exact_only false: only lines whose words are exactly a heading's.
    std::optional<ResumeSection> heading_match(const TextLine& l, bool inexact) const {
        if (l.bullet)
            return std::nullopt;
        auto colon = l.text.find(':');
        if (colon != std::string::npos && colon + 1 < l.text.size())
            return std::nullopt;  // "Languages: English, German" is content
        auto m = match_heading(l.text);
        if (!m)
            return std::nullopt;
        auto words = word_count(l.text);
        if (m->exact && (has_hint(l) || words <= 3))
            return m->section;
        if (inexact && !m->exact && has_hint(l) && words <= 5)
            return m->section;
        return std::nullopt;
    }

    bool date_follows(std::size_t i) const {
        for (std::size_t j = i + 1; j < lines_.size() && j <= i + 2; ++j) {
            if (auto d = find_dates(lines_[j].text); d && d->range)
                return true;
        }
        return false;
    }

    // A line styled exactly like the recognised headings, naming something else.
    bool unknown_heading(std::size_t i, const std::vector<Style>& known) const {
        const auto& l = lines_[i];
        auto style = style_of(l);
        bool distinctive = style.heading || style.bold || style.upper || l.size > body_ + 0.9f;
        if (!distinctive || l.bullet || std::find(known.begin(), known.end(), style) == known.end())
            return false;
        return word_count(l.text) <= 5 && l.text.size() <= 40 && !has_digit(l.text) &&
               !l.text.ends_with('.') && l.text.find('@') == std::string::npos &&
               l.text.find(',') == std::string::npos && !date_follows(i);
    }

    void find_sections() {
        heading_of_.assign(lines_.size(), std::nullopt);
        std::vector<Style> known;
        std::size_t first = lines_.size();
        for (std::size_t i = 0; i < lines_.size(); ++i) {
            heading_of_[i] = heading_match(lines_[i], false);
            if (heading_of_[i])
                known.push_back(style_of(lines_[i]));
        }
        // "Selected Projects" is a heading when it looks like "Experience"; "Arquitecta de
        // proyectos" in bold body type is a job title.
        for (std::size_t i = 0; i < lines_.size(); ++i) {
            if (heading_of_[i])
                continue;
            auto style = style_of(lines_[i]);
            bool styled =
                known.empty() || std::find(known.begin(), known.end(), style) != known.end();
            if (styled)
                heading_of_[i] = heading_match(lines_[i], true);
        }
        for (std::size_t i = 0; i < lines_.size(); ++i) {
            if (heading_of_[i]) {
                first = std::min(first, i);
                if (std::find(known.begin(), known.end(), style_of(lines_[i])) == known.end())
                    known.push_back(style_of(lines_[i]));
            }
        }
        for (std::size_t i = first + 1; i < lines_.size(); ++i) {
            if (!heading_of_[i] && unknown_heading(i, known))
                heading_of_[i] = ResumeSection::unknown;
        }
        for (std::size_t i = 0; i < lines_.size(); ++i) {
            if (heading_of_[i]) {
                sections_.push_back({*heading_of_[i], lines_[i].text, {}});
                continue;
            }
            if (sections_.empty())
                header_.push_back(&lines_[i]);
            else
                sections_.back().lines.push_back(&lines_[i]);
        }
    }

    // ---- basics ----

    static bool capitalised_words(const std::string& text) {
        for (const auto& w : split_any(text, {" "})) {
            auto c = static_cast<unsigned char>(w.front());
            bool lower = c >= 'a' && c <= 'z';
            auto f = fold(w);
            bool particle = f == "von" || f == "van" || f == "de" || f == "del" || f == "da" ||
                            f == "la" || f == "le" || f == "du" || f == "dos" || f == "y" ||
                            f == "zu" || f == "der" || f == "den" || f == "di" || f == "bin";
            if (lower && !particle)
                return false;
        }
        return true;
    }

    static bool name_like(const std::string& text) {
        auto words = word_count(text);
        auto f = fold(text);
        bool cv_title = f == "curriculum vitae" || f == "lebenslauf" || f == "resume" ||
                        f == "cv" || f == "curriculum" || f == "tabellarischer lebenslauf";
        return words >= 1 && words <= 5 && text.size() <= 60 && has_letter(text) &&
               !has_digit(text) && text.find('@') == std::string::npos &&
               text.find("://") == std::string::npos && !cv_title && !match_heading(text) &&
               !is_location(text) && !text.ends_with('.') && capitalised_words(text);
    }

    // Lines to look for the name in: the top block, else the first lines of the document.
    SectionLines name_candidates() const {
        SectionLines out;
        for (std::size_t i = 0; i < lines_.size() && out.size() < 6; ++i) {
            if (!heading_of_[i] && !lines_[i].bullet)
                out.push_back(&lines_[i]);
            if (i >= 12)
                break;
        }
        return out;
    }

    void read_name(json& basics, const TextLine*& name_line) {
        const TextLine* best = nullptr;
        std::string best_name;
        for (const auto* l : name_candidates()) {
            auto pieces = title_pieces(l->text);
            auto candidate = pieces.empty() ? l->text : pieces.front();
            if (!name_like(candidate) ||
                (pieces.size() > 1 && !name_like(l->text) && title_score(candidate) > 0))
                continue;
            if (!best || l->size > best->size + 0.5f) {
                best = l;
                best_name = candidate;
            }
        }
        if (!best)
            return;
        name_line = best;
        basics["name"] = best_name;
        auto pieces = title_pieces(best->text);
        if (pieces.size() > 1 && !find_phone(pieces[1]) && find_emails(pieces[1]).empty())
            basics["label"] = pieces[1];
    }

    bool plain_line(const TextLine& l) const {
        return find_emails(l.text).empty() && find_urls(l.text, true).empty() &&
               !find_phone(l.text) && !is_location(l.text);
    }

    void read_label(json& basics, const TextLine* name_line) {
        if (!name_line || basics.contains("label"))
            return;
        auto it = std::find(header_.begin(), header_.end(), name_line);
        if (it == header_.end())
            return;
        for (++it; it != header_.end() && it - header_.begin() < 4; ++it) {
            const auto& l = **it;
            if (l.bullet || !plain_line(l) || has_digit(l.text))
                continue;
            if (word_count(l.text) <= 8 && !l.text.ends_with('.'))
                basics["label"] = l.text;
            return;
        }
    }

    SectionLines contact_lines() const {
        SectionLines out = header_;
        for (const auto& s : sections_) {
            if (s.kind == ResumeSection::contact)
                out.insert(out.end(), s.lines.begin(), s.lines.end());
        }
        return out;
    }

    SectionLines lines_outside_references() const {
        SectionLines out = header_;
        for (const auto& s : sections_) {
            if (s.kind != ResumeSection::references)
                out.insert(out.end(), s.lines.begin(), s.lines.end());
        }
        return out;
    }

    static void add_profile(json& basics, const Profile& p) {
        if (!basics.contains("profiles"))
            basics["profiles"] = json::array();
        for (const auto& existing : basics["profiles"]) {
            if (existing.value("network", "") == p.network)
                return;
        }
        json profile = {{"network", p.network}};
        if (!p.username.empty())
            profile["username"] = p.username;
        if (!p.url.empty())
            profile["url"] = p.url;
        basics["profiles"].push_back(profile);
    }

    // "priyanair (GitHub)" and "GitHub: priyanair": a profile shown without its address.
    static std::optional<Profile> named_profile(const std::string& piece) {
        if (piece.ends_with(')')) {
            auto open = piece.rfind('(');
            if (open != std::string::npos && open > 0) {
                auto network = network_named(piece.substr(open + 1, piece.size() - open - 2));
                auto user = trim(std::string_view(piece).substr(0, open));
                if (network && !user.empty() && user.find(' ') == std::string_view::npos)
                    return Profile{*network, std::string(user), ""};
            }
        }
        auto colon = piece.find(':');
        if (colon != std::string::npos) {
            auto network = network_named(piece.substr(0, colon));
            auto user = trim(std::string_view(piece).substr(colon + 1));
            if (network && !user.empty() && user.find(' ') == std::string_view::npos)
                return Profile{*network, std::string(trim_chars(user, "@")), ""};
        }
        return std::nullopt;
    }

    void read_contacts(json& basics, const TextLine* name_line) {
        auto lines = contact_lines();
        for (const auto* l : lines) {
            auto emails = find_emails(l->text);
            if (!emails.empty() && !basics.contains("email"))
                basics["email"] = emails.front();
            if (auto phone = find_phone(l->text); phone && !basics.contains("phone"))
                basics["phone"] = *phone;
            for (const auto& url : find_urls(l->text, true)) {
                if (auto profile = profile_of(url))
                    add_profile(basics, *profile);
                else if (!basics.contains("url"))
                    basics["url"] = url;
            }
            if (l == name_line)
                continue;
            if (auto profile = named_profile(l->text)) {
                add_profile(basics, *profile);
                continue;
            }
            for (const auto& piece : other_pieces(l->text)) {
                if (auto profile = named_profile(piece))
                    add_profile(basics, *profile);
                else if (!basics.contains("location") && is_location(piece) &&
                         basics.value("label", "") != piece)
                    basics["location"] = location_of(piece);
            }
        }
        fill_from_everywhere(basics);
    }

    // Some layouts put the contact details in a side column read after the main text.
    void fill_from_everywhere(json& basics) {
        if (basics.contains("email") && basics.contains("phone"))
            return;
        for (const auto* l : lines_outside_references()) {
            if (!basics.contains("email")) {
                auto emails = find_emails(l->text);
                if (!emails.empty())
                    basics["email"] = emails.front();
            }
            if (!basics.contains("phone") && !l->bullet && word_count(l->text) <= 8) {
                if (auto phone = find_phone(l->text))
                    basics["phone"] = *phone;
            }
        }
    }

    static json location_of(const std::string& text) {
        auto place = place_of(text);
        json location = json::object();
        if (!place.city.empty())
            location["city"] = place.city;
        if (!place.region.empty())
            location["region"] = place.region;
        if (!place.country_code.empty())
            location["countryCode"] = place.country_code;
        return location;
    }

    // Prose in the top block (a profile paragraph without a heading).
    std::string header_summary(const TextLine* name_line, const json& basics) const {
        SectionLines prose;
        bool in_prose = false;
        for (const auto* l : header_) {
            if (l == name_line || l->text == basics.value("label", "") || !plain_line(*l)) {
                in_prose = false;
                continue;
            }
            in_prose = word_count(l->text) >= 8 || (in_prose && !l->paragraph_start);
            if (in_prose)
                prose.push_back(l);
        }
        return read_paragraphs(prose);
    }

    json read_basics() {
        json basics = json::object();
        const TextLine* name_line = nullptr;
        read_name(basics, name_line);
        read_label(basics, name_line);
        read_contacts(basics, name_line);
        if (basics.contains("location") && basics["location"].empty())
            basics.erase("location");
        auto summary = header_summary(name_line, basics);
        if (!summary.empty())
            basics["summary"] = summary;
        return basics;
    }

    // ---- sections ----

    static void append(json& resume, const char* key, json entries) {
        if (entries.empty())
            return;
        auto& list = resume[key];
        if (!list.is_array())
            list = json::array();
        for (auto& e : entries)
            list.push_back(std::move(e));
    }

    void add_section(json& resume, json& basics, const Section& s) {
        switch (s.kind) {
            case ResumeSection::contact:
                return;  // read with the basics
            case ResumeSection::summary: {
                auto text = read_paragraphs(s.lines);
                if (!text.empty())
                    basics["summary"] = text;  // a summary section wins over header prose
                return;
            }
            case ResumeSection::work:
                return append(resume, "work", read_work(s.lines, notes_));
            case ResumeSection::volunteer:
                return append(resume, "volunteer", read_volunteer(s.lines, notes_));
            case ResumeSection::education:
                return append(resume, "education", read_education(s.lines, notes_));
            case ResumeSection::projects:
                return append(resume, "projects", read_projects(s.lines, notes_));
            case ResumeSection::skills:
                return append(resume, "skills", read_skills(s.lines));
            case ResumeSection::languages:
                return append(resume, "languages", read_languages(s.lines));
            case ResumeSection::certificates:
                return append(resume, "certificates", read_certificates(s.lines));
            case ResumeSection::awards:
                return append(resume, "awards", read_awards(s.lines));
            case ResumeSection::publications:
                return append(resume, "publications", read_publications(s.lines));
            case ResumeSection::interests:
                return append(resume, "interests", read_interests(s.lines));
            case ResumeSection::references:
                return append(resume, "references", read_references(s.lines));
            case ResumeSection::unknown:
                return keep_unknown(resume, s);
        }
    }

    void keep_unknown(json& resume, const Section& s) {
        json lines = json::array();
        for (const auto* l : s.lines)
            lines.push_back(l->text);
        append(resume, "x-imported-sections",
               json::array({{{"title", s.title}, {"lines", lines}}}));
        notes_.push_back("The section '" + s.title +
                         "' is not part of JSON Resume; its text is kept under "
                         "x-imported-sections. Move what matters into the right fields.");
    }

    void check_missing(const json& resume) {
        const json& basics = resume.contains("basics") ? resume["basics"] : json::object();
        if (!basics.contains("name"))
            notes_.push_back("No name found.");
        if (!basics.contains("email"))
            notes_.push_back("No email address found.");
        if (!basics.contains("phone"))
            notes_.push_back("No phone number found.");
        if (sections_.empty())
            notes_.push_back(
                "No section headings found (such as \"Experience\" or \"Education\"): only the "
                "contact details and summary were read.");
        else if (!resume.contains("work"))
            notes_.push_back("No work experience found.");
    }

    // The scanners should only produce valid values; this is the safety net that keeps a
    // draft free of validation problems whatever the input was.
    void drop_invalid(json& resume) {
        for (const auto& problem : validate(resume)) {
            if (erase_path(resume, problem.path))
                notes_.push_back("Left out " + problem.path + ": it " + problem.message + ".");
        }
    }

    static bool erase_path(json& root, const std::string& path) {
        json* node = &root;
        std::string_view rest = path;
        std::string key;
        while (!rest.empty()) {
            auto end = rest.find_first_of(".[");
            key = std::string(rest.substr(0, end));
            rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end);
            std::optional<std::size_t> index;
            if (rest.starts_with('[')) {
                auto close = rest.find(']');
                index = std::stoul(std::string(rest.substr(1, close - 1)));
                rest.remove_prefix(close + 1);
            }
            if (rest.starts_with('.'))
                rest.remove_prefix(1);
            if (!node->is_object() || !node->contains(key))
                return false;
            if (rest.empty() && !index) {
                node->erase(key);
                return true;
            }
            node = &(*node)[key];
            if (index) {
                if (!node->is_array() || *index >= node->size())
                    return false;
                if (rest.empty()) {
                    node->erase(*index);
                    return true;
                }
                node = &(*node)[*index];
            }
        }
        return false;
    }
};

}  // namespace

ParsedResume parse_resume(const TextDocument& document) {
    return Parser(document).run();
}

}  // namespace vitae::cv
