#include "cv/import/entry_blocks.hpp"

#include <algorithm>
#include <cmath>

#include "cv/import/text_fold.hpp"
#include "cv/import/vocabulary.hpp"

namespace vitae::cv {

namespace {

struct Item {
    const TextLine* line;
    std::optional<DateSpan> dates;
    std::string rest;  // the text without its dates
    bool anchor = false;
};

// "Acme S.A." and "Foo Inc." end in a dot without ending a sentence.
bool is_abbreviation(std::string_view word) {
    auto dots = std::count(word.begin(), word.end(), '.');
    auto first = static_cast<unsigned char>(word.empty() ? 'a' : word.front());
    return dots > 1 || (word.size() <= 5 && first >= 'A' && first <= 'Z');
}

bool ends_sentence(const std::string& text) {
    if (!text.ends_with('.') || text.ends_with("..") || word_count(text) <= 3)
        return false;
    auto space = text.rfind(' ');
    return !is_abbreviation(
        std::string_view(text).substr(space == std::string::npos ? 0 : space + 1));
}

bool starts_lower(const std::string& text) {
    auto c = static_cast<unsigned char>(text.empty() ? 'A' : text.front());
    return c >= 'a' && c <= 'z';
}

bool anchor_like(const TextLine& line, const DateSpan& dates, const std::string& rest) {
    if (line.bullet || ends_sentence(rest))
        return false;
    auto words = word_count(rest);
    return dates.range ? words <= 15 : words <= 8;
}

bool title_like(const Item& item) {
    const auto& t = item.line->text;
    return !item.line->bullet && !item.anchor && word_count(t) <= 12 && t.size() <= 120 &&
           !ends_sentence(t) && !starts_lower(t);
}

// Heading style and size: how a title line looks, to find its like in later entries.
bool same_style(const TextLine& a, const TextLine& b) {
    // Bold is left out: generators drop it from some entries and not others.
    return a.heading == b.heading && std::fabs(a.size - b.size) < 0.6f;
}

std::size_t parts_of(const std::vector<std::string>& header) {
    std::size_t n = 0;
    for (const auto& h : header)
        n += title_pieces(h).size();
    return n;
}

class Splitter {
  public:
    explicit Splitter(const std::vector<const TextLine*>& lines) {
        for (const auto* line : lines) {
            Item item{line, find_dates(line->text), line->text, false};
            if (item.dates) {
                item.rest = without_dates(line->text, *item.dates);
                item.anchor = anchor_like(*line, *item.dates, item.rest);
            }
            items_.push_back(std::move(item));
        }
    }

    std::vector<EntryBlock> run() {
        std::vector<std::size_t> anchors;
        for (std::size_t i = 0; i < items_.size(); ++i) {
            if (items_[i].anchor)
                anchors.push_back(i);
        }
        if (anchors.empty())
            return undated();
        return dated(anchors);
    }

  private:
    std::vector<Item> items_;

    // How many title lines come before the first anchor (0: the dates lead each entry).
    std::size_t titles_before(std::size_t anchor) const {
        std::size_t k = 0;
        while (k < 3 && k < anchor && title_like(items_[anchor - k - 1]))
            ++k;
        return k;
    }

    std::vector<EntryBlock> dated(const std::vector<std::size_t>& anchors) {
        std::size_t k = titles_before(anchors[0]);
        std::vector<EntryBlock> out;
        std::vector<std::size_t> starts;  // first line of each entry
        // Titles on the first date line ("Engineer at Acme   2019 - 2021"): a later entry
        // whose date line holds less may still have its title on the line before.
        bool same_line = k == 0 && !items_[anchors[0]].rest.empty();
        for (std::size_t n = 0; n < anchors.size(); ++n) {
            std::size_t a = anchors[n];
            std::size_t floor = n == 0 ? 0 : anchors[n - 1] + 1;
            std::size_t back = 0;
            if (same_line && n > 0 && a - 1 >= floor && a > floor && title_like(items_[a - 1]) &&
                title_pieces(items_[a].rest).size() < 2) {
                const auto& before = *items_[a - 1].line;
                if (before.paragraph_start || before.bold || before.heading)
                    back = 1;
            }
            while (back < k && a - back > floor && title_like(items_[a - back - 1]) &&
                   same_style(*items_[a - back - 1].line, *items_[anchors[0] - back - 1].line))
                ++back;
            starts.push_back(a - back);
        }
        for (std::size_t n = 0; n < anchors.size(); ++n) {
            std::size_t end = n + 1 < anchors.size() ? starts[n + 1] : items_.size();
            out.push_back(entry(starts[n], anchors[n], end, k == 0 ? 2 : 1));
        }
        // Text before the first entry (an intro line) is kept with the first entry.
        for (std::size_t i = starts[0]; i-- > 0;)
            out[0].paragraphs.insert(out[0].paragraphs.begin(), items_[i].line->text);
        return out;
    }

    EntryBlock entry(std::size_t start, std::size_t anchor, std::size_t end,
                     std::size_t max_following) {
        EntryBlock block;
        block.dates = items_[anchor].dates;
        for (std::size_t i = start; i < anchor; ++i)
            block.header.push_back(items_[i].line->text);
        if (!items_[anchor].rest.empty())
            block.header.push_back(items_[anchor].rest);
        std::size_t i = anchor + 1;
        for (std::size_t taken = 0;
             i < end && taken < max_following && title_like(items_[i]) &&
             (parts_of(block.header) < 2 || !items_[i].line->paragraph_start);
             ++taken, ++i)
            block.header.push_back(items_[i].line->text);
        body(block, i, end);
        return block;
    }

    void body(EntryBlock& block, std::size_t from, std::size_t end) const {
        const TextLine* last_bullet = nullptr;
        bool open_paragraph = false;
        for (std::size_t i = from; i < end; ++i) {
            const TextLine& line = *items_[i].line;
            if (line.bullet) {
                block.bullets.push_back(line.text);
                last_bullet = &line;
                open_paragraph = false;
                continue;
            }
            if (last_bullet && continues(line, *last_bullet)) {
                append_wrapped(block.bullets.back(), line.text);
                continue;
            }
            last_bullet = nullptr;
            if (open_paragraph && !line.paragraph_start && !line.bold && !line.heading) {
                append_wrapped(block.paragraphs.back(), line.text);
                continue;
            }
            block.paragraphs.push_back(line.text);
            open_paragraph = true;
        }
    }

    // A wrapped list item: no new paragraph, no title look, and it starts in lower case
    // or is indented past the item's start.
    static bool continues(const TextLine& line, const TextLine& bullet) {
        if (line.paragraph_start || line.bold || line.heading || find_dates(line.text))
            return false;
        return starts_lower(line.text) || (line.x > 0 && line.x > bullet.x + 1);
    }

    bool starts_entry(const Item& item, bool current_has_body) const {
        const auto& l = *item.line;
        return title_like(item) && (l.heading || l.bold || l.paragraph_start) && current_has_body;
    }

    std::vector<EntryBlock> undated() {
        std::vector<EntryBlock> out;
        std::size_t i = 0;
        while (i < items_.size()) {
            std::size_t start = i;
            EntryBlock block;
            if (title_like(items_[i])) {
                block.header.push_back(items_[i++].line->text);
                if (i < items_.size() && parts_of(block.header) < 2 && title_like(items_[i]) &&
                    !items_[i].line->paragraph_start)
                    block.header.push_back(items_[i++].line->text);
            }
            std::size_t end = i;
            bool has_body = false;
            while (end < items_.size() && !(end > start && starts_entry(items_[end], has_body))) {
                has_body = true;
                ++end;
            }
            body(block, i, end);
            out.push_back(std::move(block));
            i = std::max(end, start + 1);
        }
        return out;
    }
};

bool is_space(char c) {
    return c == ' ';
}

}  // namespace

std::vector<EntryBlock> split_entries(const std::vector<const TextLine*>& lines) {
    return Splitter(lines).run();
}

std::vector<std::string> title_pieces(const std::string& line) {
    static const std::vector<std::string_view> kStrong = {" | ",
                                                          "|",
                                                          " \xE2\x80\x94 ",
                                                          "\xE2\x80\x94",
                                                          " \xE2\x80\x93 ",
                                                          " - ",
                                                          " \xC2\xB7 ",
                                                          " \xE2\x80\xA2 ",
                                                          ", ",
                                                          " / ",
                                                          "; ",
                                                          " \xE2\x88\x92 "};
    std::vector<std::string> out;
    for (auto& piece : split_any(line, kStrong)) {
        // "Engineer at Acme" is two pieces; "University of Texas at Austin" is one name.
        std::size_t at = std::string::npos, width = 0;
        for (std::string_view word : {" at ", " @ ", " bei ", " chez "}) {
            at = piece.find(word);
            if (at != std::string::npos) {
                width = word.size();
                break;
            }
        }
        if (at != std::string::npos) {
            auto left = piece.substr(0, at);
            auto named = std::max(organisation_score(left), school_score(left));
            if (named > title_score(left) && degree_prefix(left).empty())
                at = std::string::npos;
        }
        if (at == std::string::npos) {
            out.push_back(std::move(piece));
            continue;
        }
        for (auto& part : split_any(piece, {piece.substr(at, width)}))
            out.push_back(std::move(part));
    }
    return out;
}

void append_wrapped(std::string& text, const std::string& more) {
    if (text.empty()) {
        text = more;
        return;
    }
    bool hyphen = text.size() > 1 && text.back() == '-' && !is_space(text[text.size() - 2]);
    if (hyphen && starts_lower(more)) {
        text.pop_back();  // "Zahlungs-" + "verkehr"... only when the next word goes on in lower
                          // case
        text += more;
        return;
    }
    text += hyphen ? more : " " + more;
}

std::size_t word_count(const std::string& text) {
    std::size_t n = 0;
    bool in_word = false;
    for (char c : text) {
        bool space = c == ' ' || c == '\t';
        if (!space && !in_word)
            ++n;
        in_word = !space;
    }
    return n;
}

}  // namespace vitae::cv
