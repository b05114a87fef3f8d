#include "cv/import/section_readers.hpp"

#include <algorithm>

#include "cv/import/contact_fields.hpp"
#include "cv/import/date_ranges.hpp"
#include "cv/import/entry_blocks.hpp"
#include "cv/import/text_fold.hpp"
#include "cv/import/vocabulary.hpp"

namespace vitae::cv {

namespace {

using nlohmann::json;

struct Roles {
    std::string role;          // position, study type or project name
    std::string organisation;  // company, institution
    std::string location;
    std::vector<std::string> other;
};

using Scorer = int (*)(std::string_view);

struct Piece {
    std::string text;
    int hint = 0;  // 1: the role ("X at Y": X), 2: the organisation (Y)
};

// "Engineer at Acme", "Ingenieurin bei Acme", "Ingénieur chez Acme", "Engineer @ Acme".
std::vector<Piece> pieces_of(const std::vector<std::string>& header, Scorer role,
                             Scorer organisation) {
    std::vector<Piece> out;
    for (const auto& line : header) {
        std::size_t at = std::string::npos, width = 0;
        for (std::string_view word : {" at ", " @ ", " bei ", " chez "}) {
            at = line.find(word);
            if (at != std::string::npos) {
                width = word.size();
                break;
            }
        }
        // "University of Texas at Austin": the "at" belongs to a name.
        if (at != std::string::npos) {
            auto left = line.substr(0, at);
            if (organisation(left) > role(left))
                at = std::string::npos;
        }
        if (at == std::string::npos) {
            for (auto& p : title_pieces(line))
                out.push_back({std::move(p), 0});
            continue;
        }
        for (auto& p : title_pieces(line.substr(0, at)))
            out.push_back({std::move(p), 1});
        bool first = true;
        for (auto& p : title_pieces(line.substr(at + width))) {
            out.push_back({std::move(p), first ? 2 : 0});
            first = false;
        }
    }
    // "Acme, Inc." was split at its comma: the legal form goes back to its name.
    std::vector<Piece> merged;
    for (auto& p : out) {
        auto words = words_of(fold(p.text));
        bool legal_form = !merged.empty() && words.size() == 1 &&
                          (words[0] == "inc" || words[0] == "ltd" || words[0] == "llc" ||
                           words[0] == "gmbh" || words[0] == "sa" || words[0] == "sl" ||
                           words[0] == "ag" || words[0] == "corp" || words[0] == "plc");
        if (legal_form)
            merged.back().text += ", " + p.text;
        else
            merged.push_back(std::move(p));
    }
    return merged;
}

int lean(const std::string& text, Scorer role, Scorer organisation) {
    return role(text) - organisation(text);
}

Roles assign_roles(const std::vector<std::string>& header, Scorer role, Scorer organisation) {
    Roles r;
    std::vector<Piece> rest;
    for (auto& p : pieces_of(header, role, organisation)) {
        if (r.location.empty() && p.hint == 0 && is_location(p.text) && role(p.text) == 0)
            r.location = p.text;
        else
            rest.push_back(std::move(p));
    }
    if (rest.empty())
        return r;
    auto hinted = [&](int hint) {
        return std::find_if(rest.begin(), rest.end(), [&](auto& p) { return p.hint == hint; });
    };
    std::size_t role_at = 0, org_at = rest.size() > 1 ? 1 : rest.size();
    if (hinted(1) != rest.end()) {
        role_at = static_cast<std::size_t>(hinted(1) - rest.begin());
        org_at = hinted(2) != rest.end() ? static_cast<std::size_t>(hinted(2) - rest.begin())
                                         : rest.size();
    } else if (rest.size() == 1) {
        if (lean(rest[0].text, role, organisation) < 0)
            role_at = rest.size(), org_at = 0;
    } else {
        // The piece leaning most to a role is the role; ties keep "role first" order.
        for (std::size_t i = 0; i < rest.size(); ++i) {
            if (lean(rest[i].text, role, organisation) >
                lean(rest[role_at].text, role, organisation))
                role_at = i;
        }
        org_at = role_at == 0 ? 1 : 0;
        for (std::size_t i = 0; i < rest.size(); ++i) {
            if (i != role_at && lean(rest[i].text, role, organisation) <
                                    lean(rest[org_at].text, role, organisation))
                org_at = i;
        }
    }
    for (std::size_t i = 0; i < rest.size(); ++i) {
        if (i == role_at)
            r.role = rest[i].text;
        else if (i == org_at)
            r.organisation = rest[i].text;
        else if (r.location.empty() && is_location(rest[i].text))
            r.location = rest[i].text;
        else
            r.other.push_back(rest[i].text);
    }
    return r;
}

void set_if(json& object, const char* key, const std::string& value) {
    if (!value.empty())
        object[key] = value;
}

std::string joined(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (const auto& p : parts) {
        if (p.empty())
            continue;
        if (!out.empty())
            out += separator;
        out += p;
    }
    return out;
}

std::string entry_label(const EntryBlock& block) {
    return block.header.empty() ? std::string("an entry") : "'" + block.header.front() + "'";
}

void set_dates(json& entry, const EntryBlock& block, Notes& notes, const char* what) {
    if (!block.dates) {
        notes.push_back(std::string("Could not read the dates of ") + what + " " +
                        entry_label(block) + ".");
        return;
    }
    set_if(entry, "startDate", block.dates->start);
    set_if(entry, "endDate", block.dates->end);
}

std::string first_url(const EntryBlock& block) {
    for (const auto& list : {block.header, block.paragraphs, block.bullets}) {
        for (const auto& text : list) {
            auto urls = find_urls(text, false);
            if (!urls.empty())
                return urls.front();
        }
    }
    return {};
}

// Paragraphs of an entry, less the ones that only name a place (kept as its location).
std::vector<std::string> text_of(const EntryBlock& block, std::string& location) {
    std::vector<std::string> out;
    for (const auto& p : block.paragraphs) {
        if (location.empty() && is_location(p) && word_count(p) <= 4)
            location = p;
        else
            out.push_back(p);
    }
    return out;
}

json work_like(const EntryBlock& block, Notes& notes, const char* organisation_key,
               const char* what) {
    auto roles = assign_roles(block.header, title_score, organisation_score);
    json entry = json::object();
    set_if(entry, organisation_key, roles.organisation);
    set_if(entry, "position", roles.role);
    auto location = roles.location;
    auto paragraphs = text_of(block, location);
    if (std::string(organisation_key) == "name")
        set_if(entry, "location", location);
    set_dates(entry, block, notes, what);
    for (auto& o : roles.other)
        paragraphs.insert(paragraphs.begin(), o);
    set_if(entry, "summary", joined(paragraphs, "\n"));
    if (!block.bullets.empty())
        entry["highlights"] = block.bullets;
    set_if(entry, "url", first_url(block));
    return entry;
}

bool worth_keeping(const json& entry) {
    return !entry.empty();
}

// "Bachelor of Science in Informatik" -> {"Bachelor of Science", "Informatik"}.
std::pair<std::string, std::string> degree_and_area(const std::string& text) {
    auto degree = degree_prefix(text);
    if (degree.empty())
        return {"", text};
    std::string_view rest = trim(std::string_view(text).substr(degree.size()));
    for (std::string_view joiner :
         {"in ", "of ", "en ", "de ", "d'", "im ", "der ", ": ", ", ", "- ", "\xE2\x80\x93 "}) {
        if (fold(rest).starts_with(joiner)) {
            rest = trim(rest.substr(joiner.size()));
            break;
        }
    }
    return {degree, std::string(trim_chars(rest, ",:-"))};
}

bool is_score(std::string_view text) {
    auto words = words_of(fold(text));
    for (const auto& w : words) {
        if (w == "gpa" || w == "grade" || w == "note" || w == "abschlussnote" || w == "mention" ||
            w == "nota" || w == "media" || w == "cgpa" || w == "honours" || w == "honors" ||
            w == "distinction" || w == "merit" || w == "calificacion" || w == "summa" ||
            w == "magna" || w == "cum")
            return true;
    }
    return false;
}

json education_entry(const EntryBlock& block, Notes& notes) {
    json entry = json::object();
    std::vector<std::string> header;
    std::string score;
    for (const auto& h : block.header) {
        if (is_score(h) && score.empty())
            score = h;
        else
            header.push_back(h);
    }
    auto roles = assign_roles(
        header, [](std::string_view t) { return degree_prefix(t).empty() ? 0 : 3; }, school_score);
    if (roles.organisation.empty() && roles.role.empty() && !roles.other.empty())
        roles.role = roles.other.front();
    set_if(entry, "institution", roles.organisation);
    auto [degree, area] = degree_and_area(roles.role);
    set_if(entry, "studyType", degree);
    if (degree.empty() && area.empty() && !roles.other.empty())
        area = roles.other.front();
    set_if(entry, "area", area);
    set_dates(entry, block, notes, "the education");
    std::vector<std::string> courses;
    for (const auto& p : block.paragraphs) {
        if (score.empty() && is_score(p))
            score = p;
        else
            courses.push_back(p);
    }
    set_if(entry, "score", score);
    for (const auto& b : block.bullets)
        courses.push_back(b);
    if (!courses.empty())
        entry["courses"] = courses;
    set_if(entry, "url", first_url(block));
    return entry;
}

// Splits at commas and semicolons outside brackets: "English (native, C2), German".
std::vector<std::string> list_items(std::string_view text) {
    std::vector<std::string> out;
    int depth = 0;
    std::size_t start = 0;
    auto flush = [&](std::size_t end) {
        auto item = trim_chars(text.substr(start, end - start), ".");
        if (!item.empty())
            out.emplace_back(item);
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '(' || c == '[')
            ++depth;
        else if ((c == ')' || c == ']') && depth > 0)
            --depth;
        bool bullet = text.substr(i, 2) == "\xC2\xB7" || text.substr(i, 3) == "\xE2\x80\xA2";
        if (depth == 0 && (c == ',' || c == ';' || c == '|' || bullet)) {
            flush(i);
            start = i + (bullet ? (text[i] == '\xC2' ? 2 : 3) : 1);
        }
    }
    flush(text.size());
    return out;
}

// "Programming: Go, Java" -> {"Programming", "Go, Java"}; none when no label leads.
std::optional<std::pair<std::string, std::string>> labelled(std::string_view text) {
    auto colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0)
        return std::nullopt;
    auto label = trim(text.substr(0, colon));
    if (word_count(std::string(label)) > 5 || label.find("//") != std::string_view::npos)
        return std::nullopt;
    auto rest = trim(text.substr(colon + 1));
    if (rest.starts_with("//"))
        return std::nullopt;
    return std::pair{std::string(label), std::string(rest)};
}

json single_dated(const std::string& text, const char* name_key, const char* by_key,
                  const char* date_key) {
    json entry = json::object();
    std::string rest = text;
    if (auto dates = find_dates(text)) {
        entry[date_key] = dates->start;
        rest = without_dates(text, *dates);
    }
    std::string by;
    auto open = rest.rfind('(');
    if (open != std::string::npos && rest.ends_with(')') && open > 0) {
        by = trim(std::string_view(rest).substr(open + 1, rest.size() - open - 2));
        rest = std::string(trim(std::string_view(rest).substr(0, open)));
    }
    auto pieces = title_pieces(rest);
    if (!pieces.empty())
        entry[name_key] = pieces[0];
    if (by.empty() && pieces.size() > 1)
        by = pieces[1];
    set_if(entry, by_key, by);
    return entry;
}

json dated_lines(const SectionLines& lines, const char* name_key, const char* by_key,
                 const char* date_key) {
    json out = json::array();
    for (const auto* line : lines) {
        auto entry = single_dated(line->text, name_key, by_key, date_key);
        // A date on its own line (set right of its entry) belongs to the entry before.
        if (!entry.contains(name_key) && entry.contains(date_key) && !out.empty() &&
            !out.back().contains(date_key)) {
            out.back()[date_key] = entry[date_key];
            continue;
        }
        // A line with no name of its own continues the entry before it ("Scrum Alliance, 2018").
        bool continuation = !line->bullet && !line->paragraph_start && !out.empty() &&
                            !line->bold && !out.back().contains(by_key) &&
                            word_count(line->text) <= 6;
        if (continuation) {
            if (entry.contains(date_key) && !out.back().contains(date_key))
                out.back()[date_key] = entry[date_key];
            if (entry.contains(name_key))
                out.back()[by_key] = entry[name_key];
            continue;
        }
        if (!entry.empty())
            out.push_back(std::move(entry));
    }
    return out;
}

}  // namespace

json read_work(const SectionLines& lines, Notes& notes) {
    json out = json::array();
    for (const auto& block : split_entries(lines)) {
        auto entry = work_like(block, notes, "name", "the job");
        if (worth_keeping(entry))
            out.push_back(std::move(entry));
    }
    return out;
}

json read_volunteer(const SectionLines& lines, Notes& notes) {
    json out = json::array();
    for (const auto& block : split_entries(lines)) {
        auto entry = work_like(block, notes, "organization", "the volunteer role");
        if (worth_keeping(entry))
            out.push_back(std::move(entry));
    }
    return out;
}

json read_education(const SectionLines& lines, Notes& notes) {
    json out = json::array();
    for (const auto& block : split_entries(lines)) {
        auto entry = education_entry(block, notes);
        if (worth_keeping(entry))
            out.push_back(std::move(entry));
    }
    return out;
}

json read_projects(const SectionLines& lines, Notes& notes) {
    json out = json::array();
    for (const auto& block : split_entries(lines)) {
        json entry = json::object();
        auto pieces =
            block.header.empty() ? std::vector<std::string>{} : title_pieces(block.header.front());
        if (!pieces.empty())
            entry["name"] = pieces.front();
        std::vector<std::string> roles;
        for (std::size_t i = 1; i < pieces.size(); ++i)
            roles.push_back(pieces[i]);
        for (std::size_t i = 1; i < block.header.size(); ++i)
            roles.push_back(block.header[i]);
        if (!roles.empty())
            entry["roles"] = roles;
        if (block.dates) {
            set_if(entry, "startDate", block.dates->start);
            set_if(entry, "endDate", block.dates->end);
        }
        set_if(entry, "description", joined(block.paragraphs, "\n"));
        if (!block.bullets.empty())
            entry["highlights"] = block.bullets;
        set_if(entry, "url", first_url(block));
        if (worth_keeping(entry))
            out.push_back(std::move(entry));
    }
    (void)notes;
    return out;
}

json read_skills(const SectionLines& lines) {
    json out = json::array();
    bool open_category = false;  // the last skill is a category waiting for its keywords
    for (const auto* line : lines) {
        if (auto l = labelled(line->text)) {
            out.push_back({{"name", l->first}, {"keywords", list_items(l->second)}});
            open_category = false;
            continue;
        }
        auto items = list_items(line->text);
        if (items.size() > 1 && open_category) {
            out.back()["keywords"] = items;
            open_category = false;
            continue;
        }
        if (items.size() > 1) {
            for (auto& item : items)
                out.push_back({{"name", item}});
            continue;
        }
        out.push_back({{"name", line->text}});
        open_category = !line->bullet && word_count(line->text) <= 4;
    }
    return out;
}

json read_languages(const SectionLines& lines) {
    json out = json::array();
    for (const auto* line : lines) {
        auto items = list_items(line->text);
        for (const auto& item : items) {
            json entry = json::object();
            auto open = item.find('(');
            auto parts = split_any(item, {":", " \xE2\x80\x93 ", " - ", " \xE2\x80\x94 ", "\t"});
            if (open != std::string::npos && open > 0) {
                entry["language"] = std::string(trim(std::string_view(item).substr(0, open)));
                entry["fluency"] =
                    std::string(trim_chars(std::string_view(item).substr(open), "()"));
            } else if (parts.size() >= 2) {
                entry["language"] = parts[0];
                entry["fluency"] = parts[1];
            } else if (auto space = item.find(' '); space != std::string::npos &&
                                                    is_language_name(item.substr(0, space)) &&
                                                    is_fluency(item.substr(space + 1))) {
                entry["language"] = item.substr(0, space);
                entry["fluency"] = std::string(trim(std::string_view(item).substr(space + 1)));
            } else if (!out.empty() && is_fluency(item) && !is_language_name(item) &&
                       !out.back().contains("fluency")) {
                out.back()["fluency"] = item;  // "English" then "Native" on the next line
                continue;
            } else {
                entry["language"] = item;
            }
            out.push_back(std::move(entry));
        }
    }
    return out;
}

json read_certificates(const SectionLines& lines) {
    return dated_lines(lines, "name", "issuer", "date");
}

json read_awards(const SectionLines& lines) {
    return dated_lines(lines, "title", "awarder", "date");
}

json read_publications(const SectionLines& lines) {
    return dated_lines(lines, "name", "publisher", "releaseDate");
}

json read_interests(const SectionLines& lines) {
    json out = json::array();
    for (const auto* line : lines) {
        if (auto l = labelled(line->text)) {
            out.push_back({{"name", l->first}, {"keywords", list_items(l->second)}});
            continue;
        }
        for (auto& item : list_items(line->text))
            out.push_back({{"name", item}});
    }
    return out;
}

json read_references(const SectionLines& lines) {
    json out = json::array();
    for (const auto& block : split_entries(lines)) {
        json entry = json::object();
        std::vector<std::string> text = block.paragraphs;
        for (const auto& b : block.bullets)
            text.push_back(b);
        if (!block.header.empty() && !text.empty()) {
            entry["name"] = joined(block.header, ", ");
        } else {
            text.insert(text.begin(), block.header.begin(), block.header.end());
        }
        set_if(entry, "reference", joined(text, "\n"));
        if (!entry.empty())
            out.push_back(std::move(entry));
    }
    return out;
}

std::string read_paragraphs(const SectionLines& lines) {
    std::vector<std::string> paragraphs;
    for (const auto* line : lines) {
        if (paragraphs.empty() || line->paragraph_start || line->bullet)
            paragraphs.push_back(line->text);
        else
            append_wrapped(paragraphs.back(), line->text);
    }
    return joined(paragraphs, "\n");
}

}  // namespace vitae::cv
