#include "cv/import/text_fold.hpp"

namespace vitae::cv {

namespace {

// Folded forms of U+00C0..U+00FF; nullptr keeps the letter as it is (× and ÷).
constexpr const char* kLatin1[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c",     "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  nullptr, "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c",     "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  nullptr, "o", "u", "u", "u", "u", "y", "th", "y"};

bool is_ascii_space(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

bool is_word_byte(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

// Appends the folded form of the two-byte sequence lead,next; false when we do not fold it.
bool fold_pair(unsigned char lead, unsigned char next, std::string& out) {
    if (lead == 0xC3 && next >= 0x80 && next <= 0xBF) {
        const char* folded = kLatin1[next - 0x80];
        if (!folded)
            return false;
        out += folded;
        return true;
    }
    if (lead == 0xC5 && (next == 0x92 || next == 0x93)) {  // Œ œ
        out += "oe";
        return true;
    }
    if (lead == 0xC2 && next == 0xA0) {  // no-break space
        out += ' ';
        return true;
    }
    return lead == 0xC2 && next == 0xAD;  // soft hyphen: dropped
}

}  // namespace

std::string fold(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : static_cast<char>(c);
            continue;
        }
        if (i + 1 < text.size() && fold_pair(c, static_cast<unsigned char>(text[i + 1]), out)) {
            ++i;
            continue;
        }
        // The fi and fl ligatures some PDF generators leave in the text.
        if (c == 0xEF && text.substr(i, 3) == "\xEF\xAC\x81") {
            out += "fi";
            i += 2;
            continue;
        }
        if (c == 0xEF && text.substr(i, 3) == "\xEF\xAC\x82") {
            out += "fl";
            i += 2;
            continue;
        }
        out += static_cast<char>(c);
    }
    return out;
}

std::string_view trim(std::string_view text) {
    return trim_chars(text, "");
}

std::string_view trim_chars(std::string_view text, std::string_view chars) {
    auto strip = [&](unsigned char c) {
        return is_ascii_space(c) || chars.find(static_cast<char>(c)) != std::string_view::npos;
    };
    while (!text.empty() && strip(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && strip(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    // A no-break space at either end is white space too.
    while (text.starts_with("\xC2\xA0"))
        text = trim_chars(text.substr(2), chars);
    while (text.ends_with("\xC2\xA0"))
        text = trim_chars(text.substr(0, text.size() - 2), chars);
    return text;
}

std::vector<std::string> split_any(std::string_view text,
                                   const std::vector<std::string_view>& separators) {
    std::vector<std::string> out;
    std::size_t start = 0;
    auto flush = [&](std::size_t end) {
        auto part = trim(text.substr(start, end - start));
        if (!part.empty())
            out.emplace_back(part);
    };
    for (std::size_t i = 0; i < text.size();) {
        std::size_t matched = 0;
        for (auto sep : separators) {
            if (!sep.empty() && text.substr(i, sep.size()) == sep) {
                matched = sep.size();
                break;
            }
        }
        if (matched == 0) {
            ++i;
            continue;
        }
        flush(i);
        i += matched;
        start = i;
    }
    flush(text.size());
    return out;
}

std::vector<std::string> words_of(std::string_view folded) {
    std::vector<std::string> out;
    std::string word;
    for (char ch : folded) {
        if (is_word_byte(static_cast<unsigned char>(ch))) {
            word += ch;
            continue;
        }
        if (!word.empty())
            out.push_back(std::move(word));
        word.clear();
    }
    if (!word.empty())
        out.push_back(std::move(word));
    return out;
}

bool has_digit(std::string_view text) {
    for (char c : text) {
        if (c >= '0' && c <= '9')
            return true;
    }
    return false;
}

bool has_letter(std::string_view text) {
    for (char ch : text) {
        auto c = static_cast<unsigned char>(ch);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0xC0)
            return true;
    }
    return false;
}

bool is_upper_case(std::string_view text) {
    bool any = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c >= 'a' && c <= 'z')
            return false;
        if (c >= 'A' && c <= 'Z') {
            any = true;
            continue;
        }
        if (c == 0xC3 && i + 1 < text.size()) {
            auto next = static_cast<unsigned char>(text[i + 1]);
            if (next >= 0xA0 && next != 0xB7)  // à..ÿ are lower case (÷ is not a letter)
                return false;
            any = any || (next >= 0x80 && next < 0x9F && next != 0x97);
            ++i;
        }
    }
    return any;
}

std::string squeeze_spaces(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool space = false;
    for (char ch : trim(text)) {
        if (is_ascii_space(static_cast<unsigned char>(ch))) {
            space = true;
            continue;
        }
        if (space)
            out += ' ';
        space = false;
        out += ch;
    }
    return out;
}

}  // namespace vitae::cv
