#include "cv/import/line_builder.hpp"

#include <array>

namespace vitae::cv {

namespace {

// Glyphs that open a list item in CVs: typographic bullets, Word's Symbol-font bullet in
// the private use area, dashes and asterisks used as bullets in plain text.
constexpr std::array<std::string_view, 20> kBullets = {
    "\u2022", "\u25AA", "\u25AB", "\u2023", "\u25E6", "\u25CF", "\u25A0",
    "\u25A1", "\u25C6", "\u27A2", "\u25BA", "\u25B8", "\u2713", "\u2714",
    "\u00B7", "\u2013", "\u2014", "\uF0B7", "-",      "*"};

bool is_blank(char c) {
    return c == ' ' || c == '\t';
}

bool is_lower_start(std::string_view text) {
    return !text.empty() && text.front() >= 'a' && text.front() <= 'z';
}

// "letter-": a hyphen after a letter (ASCII or any multi-byte UTF-8 character).
bool ends_in_word_hyphen(std::string_view text) {
    if (text.size() < 2 || text.back() != '-')
        return false;
    const auto c = static_cast<unsigned char>(text[text.size() - 2]);
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

}  // namespace

std::string tidy_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    char pending = 0;  // the separator owed before the next visible character
    for (char c : text) {
        if (c == '\t') {
            pending = '\t';
            continue;
        }
        if (c == ' ' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            if (pending != '\t')
                pending = ' ';
            continue;
        }
        if (pending && !out.empty())
            out += pending;
        pending = 0;
        out += c;
    }
    return out;
}

std::size_t bullet_prefix(std::string_view text) {
    for (auto glyph : kBullets) {
        if (!text.starts_with(glyph))
            continue;
        std::size_t end = glyph.size();
        if (end < text.size() && !is_blank(text[end]))
            return 0;
        while (end < text.size() && is_blank(text[end]))
            ++end;
        return end;
    }
    return 0;
}

void LineBuilder::add(TextLine line, bool join_hyphens) {
    line.text = tidy_text(line.text);
    if (auto prefix = bullet_prefix(line.text)) {
        line.text.erase(0, prefix);
        line.bullet = true;
        line.paragraph_start = true;  // a list item starts even where the layout ran on
        if (line.text.empty()) {
            pending_bullet_ = true;
            return;
        }
    }
    if (line.text.empty())
        return;
    if (pending_bullet_) {
        line.bullet = true;
        line.paragraph_start = true;
        pending_bullet_ = false;
    }
    const bool join = join_hyphens && joinable_ && !line.bullet && !doc_.lines.empty() &&
                      ends_in_word_hyphen(doc_.lines.back().text) && is_lower_start(line.text);
    joinable_ = true;
    if (join) {
        doc_.lines.back().text += line.text;
        return;
    }
    doc_.lines.push_back(std::move(line));
}

}  // namespace vitae::cv
