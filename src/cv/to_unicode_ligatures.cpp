#include "cv/to_unicode_ligatures.hpp"

#include <charconv>
#include <cstdio>
#include <optional>
#include <vector>

namespace vitae::cv {

namespace {

constexpr unsigned kFirstLigature = 0xFB00;
// U+FB00 ff, U+FB01 fi, U+FB02 fl, U+FB03 ffi, U+FB04 ffl as UTF-16BE hex.
constexpr std::string_view kLetters[] = {"00660066", "00660069", "0066006c", "006600660069",
                                         "00660066006c"};
constexpr unsigned kLastLigature = kFirstLigature + std::size(kLetters) - 1;

bool is_ligature(unsigned code) {
    return code >= kFirstLigature && code <= kLastLigature;
}

// The <hex> strings of one CMap line, or nothing when the line holds anything else (an
// array, an operator): such lines are kept as they are.
std::optional<std::vector<std::string_view>> hex_tokens(std::string_view line) {
    std::vector<std::string_view> out;
    for (std::size_t pos = 0;;) {
        pos = line.find_first_not_of(" \t\r", pos);
        if (pos == std::string_view::npos)
            return out;
        if (line[pos] != '<')
            return std::nullopt;
        auto end = line.find('>', pos);
        if (end == std::string_view::npos)
            return std::nullopt;
        out.push_back(line.substr(pos + 1, end - pos - 1));
        pos = end + 1;
    }
}

std::optional<unsigned> code_of(std::string_view hex) {
    unsigned value = 0;
    auto [end, ec] = std::from_chars(hex.data(), hex.data() + hex.size(), value, 16);
    if (ec != std::errc() || end != hex.data() + hex.size())
        return std::nullopt;
    return value;
}

std::string hex4(unsigned code) {
    char out[8];
    std::snprintf(out, sizeof out, "%04x", code);
    return out;
}

std::string destination(unsigned code) {
    return "<" + (is_ligature(code) ? std::string(kLetters[code - kFirstLigature]) : hex4(code)) +
           ">";
}

// "<src> <dst>"
std::string fixed_char(std::string_view line) {
    auto tokens = hex_tokens(line);
    if (!tokens || tokens->size() != 2 || (*tokens)[1].size() != 4)
        return std::string(line);
    auto code = code_of((*tokens)[1]);
    if (!code || !is_ligature(*code))
        return std::string(line);
    return "<" + std::string((*tokens)[0]) + "> " + destination(*code);
}

// "<lo> <hi> <first dst>": a range that runs over a ligature becomes the array form,
// one destination per source code.
std::string fixed_range(std::string_view line) {
    auto tokens = hex_tokens(line);
    if (!tokens || tokens->size() != 3 || (*tokens)[2].size() != 4)
        return std::string(line);
    auto lo = code_of((*tokens)[0]);
    auto hi = code_of((*tokens)[1]);
    auto first = code_of((*tokens)[2]);
    if (!lo || !hi || !first || *hi < *lo || *hi - *lo > 0xFF)
        return std::string(line);
    const unsigned last = *first + (*hi - *lo);
    if (last < kFirstLigature || *first > kLastLigature)
        return std::string(line);
    std::string out = "<" + std::string((*tokens)[0]) + "> <" + std::string((*tokens)[1]) + "> [";
    for (unsigned code = *first; code <= last; ++code)
        out += (code == *first ? "" : " ") + destination(code);
    return out + "]";
}

bool ends_with(std::string_view line, std::string_view word) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' '))
        line.remove_suffix(1);
    return line.size() >= word.size() && line.substr(line.size() - word.size()) == word;
}

}  // namespace

std::string spell_out_ligatures(std::string_view cmap) {
    enum class Section { other, chars, ranges } section = Section::other;
    std::string out;
    out.reserve(cmap.size() + 256);
    for (std::size_t start = 0; start < cmap.size();) {
        auto end = std::min(cmap.find('\n', start), cmap.size());
        auto line = cmap.substr(start, end - start);
        if (section == Section::chars && !ends_with(line, "endbfchar"))
            out += fixed_char(line);
        else if (section == Section::ranges && !ends_with(line, "endbfrange"))
            out += fixed_range(line);
        else
            out += line;
        if (ends_with(line, "beginbfchar"))
            section = Section::chars;
        else if (ends_with(line, "beginbfrange"))
            section = Section::ranges;
        else if (ends_with(line, "endbfchar") || ends_with(line, "endbfrange"))
            section = Section::other;
        if (end < cmap.size())
            out += '\n';
        start = end + 1;
    }
    return out;
}

}  // namespace vitae::cv
