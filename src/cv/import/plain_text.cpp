#include "cv/import/plain_text.hpp"

#include <string>

#include "cv/import/text_fold.hpp"

namespace vitae::cv {

namespace {

struct Markup {
    std::string text;
    std::size_t bold_bytes = 0;
};

bool only_of(std::string_view s, char c, std::size_t at_least) {
    std::size_t n = 0;
    for (char ch : s) {
        if (ch == c)
            ++n;
        else if (ch != ' ')
            return false;
    }
    return n >= at_least;
}

bool is_rule(std::string_view s) {
    return only_of(s, '-', 3) || only_of(s, '*', 3) || only_of(s, '_', 3) || only_of(s, '=', 3);
}

// A Markdown table's |---|:--:| line.
bool is_table_rule(std::string_view s) {
    if (!s.starts_with('|'))
        return false;
    return s.find_first_not_of("|-: ") == std::string_view::npos;
}

// "1. " or "12) " at the start: the length of the marker with its space, else 0.
std::size_t numbered_marker(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size() && i < 3 && s[i] >= '0' && s[i] <= '9')
        ++i;
    if (i == 0 || i + 1 >= s.size() || (s[i] != '.' && s[i] != ')') || s[i + 1] != ' ')
        return 0;
    return i + 2;
}

// The length of a list marker at the start ("- ", "* ", "• " ...), 0 when none.
std::size_t bullet_marker(std::string_view s) {
    for (std::string_view marker : {"- ", "* ", "+ ", "\xE2\x80\xA2 ", "\xC2\xB7 ", "\xE2\x80\x93 ",
                                    "\xE2\x97\x8F ", "\xE2\x96\xAA ", "\xE2\x80\xA3 "}) {
        if (s.starts_with(marker))
            return marker.size();
    }
    for (std::string_view marker : {"\xE2\x80\xA2", "\xE2\x97\x8F", "\xE2\x96\xAA"}) {
        if (s.starts_with(marker))  // "•Item" without a space
            return marker.size();
    }
    return numbered_marker(s);
}

// Copies a [text](url) link as "text (url)", or just the url when the text is the url.
std::size_t copy_link(std::string_view s, std::size_t at, std::string& out) {
    auto close = s.find(']', at + 1);
    if (close == std::string_view::npos || close + 1 >= s.size() || s[close + 1] != '(')
        return 0;
    auto end = s.find(')', close + 2);
    if (end == std::string_view::npos)
        return 0;
    auto text = trim(s.substr(at + 1, close - at - 1));
    auto url = trim(s.substr(close + 2, end - close - 2));
    if (url.starts_with("mailto:"))
        url.remove_prefix(7);
    if (text.empty() || url.find(text) != std::string_view::npos)
        out += url;
    else if (url.empty() || text.find(url) != std::string_view::npos)
        out += text;
    else
        out += std::string(text) + " (" + std::string(url) + ")";
    return end + 1 - at;
}

// Removes emphasis, code and link syntax; counts how many bytes were inside ** or __.
Markup strip_markup(std::string_view s) {
    Markup m;
    bool bold = false;
    for (std::size_t i = 0; i < s.size();) {
        char c = s[i];
        if (c == '\\' && i + 1 < s.size() &&
            std::string_view("\\`*_{}[]()#+-.!|<>").find(s[i + 1]) != std::string_view::npos) {
            m.text += s[i + 1];
            i += 2;
            continue;
        }
        if ((c == '*' || c == '_') && i + 1 < s.size() && s[i + 1] == c) {
            bold = !bold;
            i += 2;
            continue;
        }
        if (c == '*' || c == '`') {
            ++i;
            continue;
        }
        if (c == '!' && i + 1 < s.size() && s[i + 1] == '[') {
            ++i;  // an image: keep its alt text and address like a link
            continue;
        }
        if (c == '[') {
            if (auto used = copy_link(s, i, m.text)) {
                i += used;
                continue;
            }
        }
        if (c == '<') {
            auto end = s.find('>', i);
            auto inner =
                end == std::string_view::npos ? std::string_view{} : s.substr(i + 1, end - i - 1);
            if (inner.starts_with("http") || inner.find('@') != std::string_view::npos) {
                m.text += inner.starts_with("mailto:") ? inner.substr(7) : inner;
                i = end + 1;
                continue;
            }
        }
        if (bold && c != ' ')
            ++m.bold_bytes;
        m.text += c;
        ++i;
    }
    return m;
}

// Control characters out, tabs to spaces: extracted lines carry no layout characters.
std::string without_controls(std::string_view raw) {
    std::string out;
    out.reserve(raw.size());
    for (char ch : raw) {
        auto c = static_cast<unsigned char>(ch);
        if (c == '\t')
            out += ' ';
        else if (c >= 0x20 && c != 0x7F)
            out += ch;
    }
    return out;
}

class Reader {
  public:
    TextDocument doc;

    void line(std::string_view raw) {
        auto clean = without_controls(raw);
        std::string_view s = trim(clean);
        if (s.empty() || is_table_rule(s)) {
            paragraph_ = true;
            return;
        }
        if (underline(s))
            return;
        if (is_rule(s)) {
            paragraph_ = true;
            return;
        }
        TextLine line;
        auto level = heading_level(s);
        if (level > 0) {
            line.heading = true;
            line.size = level == 1 ? 24.0f : level == 2 ? 18.0f : level == 3 ? 14.0f : 12.0f;
            s = trim_chars(s.substr(static_cast<std::size_t>(level)), "#");
        }
        while (s.starts_with("> ") || s == ">")
            s = trim(s.substr(1));
        if (auto marker = bullet_marker(s)) {
            line.bullet = true;
            s = trim(s.substr(marker));
        }
        if (s.starts_with('|'))
            s = trim_chars(s, "|");
        auto markup = strip_markup(s);
        line.text = squeeze_spaces(markup.text);
        if (line.text.empty())
            return;
        line.bold = markup.bold_bytes * 2 > line.text.size();
        line.paragraph_start = paragraph_ || line.heading;
        paragraph_ = line.heading;
        doc.lines.push_back(std::move(line));
    }

  private:
    bool paragraph_ = true;

    static int heading_level(std::string_view s) {
        int level = 0;
        while (level < static_cast<int>(s.size()) && s[static_cast<std::size_t>(level)] == '#')
            ++level;
        if (level == 0 || level > 6)
            return 0;
        auto after = static_cast<std::size_t>(level);
        return after == s.size() || s[after] == ' ' ? level : 0;
    }

    // "Title" over "=====" or "-----": the line above becomes a heading.
    bool underline(std::string_view s) {
        bool equals = only_of(s, '=', 2) && s.find(' ') == std::string_view::npos;
        bool dashes = only_of(s, '-', 2) && s.find(' ') == std::string_view::npos;
        if ((!equals && !dashes) || paragraph_ || doc.lines.empty())
            return false;
        auto& above = doc.lines.back();
        if (above.bullet || above.heading)
            return false;
        above.heading = true;
        above.size = equals ? 24.0f : 18.0f;
        paragraph_ = true;
        return true;
    }
};

}  // namespace

TextDocument read_plain_text(std::string_view utf8) {
    if (utf8.starts_with("\xEF\xBB\xBF"))
        utf8.remove_prefix(3);
    Reader reader;
    while (!utf8.empty()) {
        auto end = utf8.find('\n');
        reader.line(utf8.substr(0, end));
        if (end == std::string_view::npos)
            break;
        utf8.remove_prefix(end + 1);
    }
    return std::move(reader.doc);
}

}  // namespace vitae::cv
