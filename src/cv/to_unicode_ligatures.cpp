#include "cv/to_unicode_ligatures.hpp"

#include <charconv>
#include <cstdio>
#include <optional>
#include <set>
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

// The ToUnicode map of the font at `index` in a page's font dictionary, if it has one.
pdf_obj* to_unicode_of(const MupdfContext& mupdf, pdf_obj* fonts, int index) {
    fz_context* ctx = mupdf.get();
    return mupdf.call("PDF export: finding fonts", [&] {
        pdf_obj* cmap = pdf_dict_get(ctx, pdf_dict_get_val(ctx, fonts, index), PDF_NAME(ToUnicode));
        return pdf_is_stream(ctx, cmap) ? cmap : nullptr;
    });
}

// The ToUnicode CMap of one font rewritten by spell_out_ligatures.
void fix_to_unicode(const MupdfContext& mupdf, pdf_document* doc, pdf_obj* cmap) {
    fz_context* ctx = mupdf.get();
    FzPtr<fz_buffer, fz_drop_buffer> old_text(mupdf);
    mupdf.call("PDF export: reading a ToUnicode map",
               [&] { old_text.reset(pdf_load_stream(ctx, cmap)); });
    unsigned char* data = nullptr;
    const size_t size = fz_buffer_storage(ctx, old_text.get(), &data);
    const std::string text = spell_out_ligatures({reinterpret_cast<const char*>(data), size});
    FzPtr<fz_buffer, fz_drop_buffer> new_text(mupdf);
    mupdf.call("PDF export: writing a ToUnicode map", [&] {
        new_text.reset(fz_new_buffer_from_copied_data(
            ctx, reinterpret_cast<const unsigned char*>(text.data()), text.size()));
        pdf_update_stream(ctx, doc, cmap, new_text.get(), 0);
    });
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

// Every font of every page, each ToUnicode map once (fonts are shared between pages).
void spell_out_ligatures(const MupdfContext& mupdf, pdf_document* doc) {
    fz_context* ctx = mupdf.get();
    const int pages =
        mupdf.call("PDF export: counting pages", [&] { return pdf_count_pages(ctx, doc); });
    std::set<int> done;
    for (int number = 0; number < pages; ++number) {
        pdf_obj* fonts = mupdf.call("PDF export: finding fonts", [&] {
            pdf_obj* page = pdf_lookup_page_obj(ctx, doc, number);
            return pdf_dict_getl(ctx, page, PDF_NAME(Resources), PDF_NAME(Font), nullptr);
        });
        const int count =
            mupdf.call("PDF export: finding fonts", [&] { return pdf_dict_len(ctx, fonts); });
        for (int i = 0; i < count; ++i) {
            pdf_obj* cmap = to_unicode_of(mupdf, fonts, i);
            if (cmap && done.insert(pdf_to_num(ctx, cmap)).second)
                fix_to_unicode(mupdf, doc, cmap);
        }
    }
}

}  // namespace vitae::cv
