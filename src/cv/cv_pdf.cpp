#include "cv/cv_pdf.hpp"

#include <mupdf/pdf.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <memory>
#include <optional>
#include <vector>

#include "cv/cv_render.hpp"
#include "cv/mupdf_context.hpp"
#include "cv/story_flow.hpp"
#include "cv/to_unicode_ligatures.hpp"

// Fonts: the templates' stacks name Nimbus Roman and Nimbus Sans (URW), which MuPDF
// carries built in: Latin, Greek and Cyrillic, regular/bold/italic, 33–56 KB a face.
// MuPDF 1.21 cannot subset fonts, so each face used is embedded whole; these small CFF
// faces keep a CV at 70–190 KB. Its other built-in serif, Charis SIL, lacks most Greek
// capitals; DejaVu through @font-face would add 0.7 MB a face. Letters none of them has
// (CJK, Arabic, emoji) come from MuPDF's Noto/Droid fallback fonts, embedded whole too.

namespace vitae::cv {

namespace {

// Past this many pages, or this much HTML (a two-page CV is about 9 KiB), the document is
// not a CV; stopping also bounds the time and memory a hostile résumé can take.
constexpr int kMaxPages = 60;
constexpr std::size_t kMaxHtmlBytes = 256u << 10;
// MuPDF breaks lines only at spaces, and its time grows with the square of a word's length
// (a 20 000-letter word takes seconds). Longer words get a soft hyphen every kWordPiece
// letters: no real word is that long, and a long URL wraps instead of running off the page.
constexpr std::size_t kLongWord = 100;
constexpr std::size_t kWordPiece = 40;
constexpr std::string_view kSoftHyphen = "\u00ad";

struct Margins {
    float top, right, bottom, left;  // points
};

// Used when a template's stylesheet has no @page margin we understand.
constexpr Margins kDefaultMargins{51.0f, 51.0f, 57.0f, 51.0f};  // 18/18/20/18 mm

fz_rect paper_rect(PaperSize paper) {
    if (paper == PaperSize::letter)
        return {0, 0, 612, 792};
    return {0, 0, 595, 842};
}

std::optional<float> css_length_pt(std::string_view token) {
    float number = 0;
    auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), number);
    if (ec != std::errc() || number < 0)
        return std::nullopt;
    std::string_view unit(end, token.data() + token.size() - end);
    constexpr std::array<std::pair<std::string_view, float>, 6> kUnits{{
        {"mm", 72.0f / 25.4f},
        {"cm", 72.0f / 2.54f},
        {"in", 72.0f},
        {"pt", 1.0f},
        {"px", 0.75f},
        {"", 0.0f},  // a unitless 0
    }};
    for (const auto& [name, points] : kUnits) {
        if (unit == name)
            return number * points;
    }
    return std::nullopt;
}

// The template's own `@page { margin: … }`, the margin a browser prints it with, so that
// the stylesheet stays the one place where a template's look is decided. One to four
// lengths, as in CSS.
Margins page_margins(std::string_view css) {
    auto page = css.find("@page");
    auto open = css.find('{', page);
    auto close = css.find('}', open);
    if (page == std::string_view::npos || open == std::string_view::npos ||
        close == std::string_view::npos)
        return kDefaultMargins;
    auto rule = css.substr(open + 1, close - open - 1);
    auto at = rule.find("margin:");
    if (at == std::string_view::npos)
        return kDefaultMargins;
    auto value = rule.substr(at + 7, rule.find(';', at) - at - 7);
    std::vector<float> lengths;
    for (std::size_t pos = 0; pos < value.size();) {
        auto start = value.find_first_not_of(" \t\n", pos);
        if (start == std::string_view::npos)
            break;
        auto end = std::min(value.find_first_of(" \t\n", start), value.size());
        auto length = css_length_pt(value.substr(start, end - start));
        if (!length || lengths.size() == 4)
            return kDefaultMargins;
        lengths.push_back(*length);
        pos = end;
    }
    switch (lengths.size()) {
        case 1:
            return {lengths[0], lengths[0], lengths[0], lengths[0]};
        case 2:
            return {lengths[0], lengths[1], lengths[0], lengths[1]};
        case 3:
            return {lengths[0], lengths[1], lengths[2], lengths[1]};
        case 4:
            return {lengths[0], lengths[1], lengths[2], lengths[3]};
        default:
            return kDefaultMargins;
    }
}

bool is_utf8_continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// MuPDF's word separators (html-layout.c).
bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::size_t code_points(std::string_view word) {
    return static_cast<std::size_t>(
        std::count_if(word.begin(), word.end(), [](char c) { return !is_utf8_continuation(c); }));
}

// `word` with a soft hyphen before every kWordPiece-th letter, never inside a UTF-8
// sequence.
void append_broken(std::string& out, std::string_view word) {
    std::size_t letters = 0;
    for (char c : word) {
        if (!is_utf8_continuation(c) && letters++ > 0 && (letters - 1) % kWordPiece == 0)
            out += kSoftHyphen;
        out += c;
    }
}

std::string with_breakable_words(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        if (is_space(text[pos])) {
            out += text[pos++];
            continue;
        }
        auto end = pos;
        while (end < text.size() && !is_space(text[end]))
            ++end;
        auto word = text.substr(pos, end - pos);
        if (code_points(word) > kLongWord)
            append_broken(out, word);
        else
            out += word;
        pos = end;
    }
    return out;
}

nlohmann::json with_breakable_words(const nlohmann::json& doc) {
    if (doc.is_string())
        return with_breakable_words(std::string_view(doc.get_ref<const std::string&>()));
    nlohmann::json out = doc;
    if (doc.is_structured()) {
        for (auto& item : out)
            item = with_breakable_words(item);
    }
    return out;
}

using Buffer = FzPtr<fz_buffer, fz_drop_buffer>;
using Device = FzPtr<fz_device, fz_drop_device>;
using Document = FzPtr<pdf_document, pdf_drop_document>;
using Object = FzPtr<pdf_obj, pdf_drop_obj>;
using Output = FzPtr<fz_output, fz_drop_output>;

// A template with a side column (see story_flow.hpp) is laid out as two flows. The class
// names come from our own template: résumé values are escaped and cannot forge them.
std::vector<std::unique_ptr<StoryFlow>> flows_of(const MupdfContext& mupdf,
                                                 const CvHtmlParts& parts) {
    std::vector<std::unique_ptr<StoryFlow>> flows;
    if (parts.body.find("class=\"cv-side\"") == std::string::npos) {
        flows.push_back(
            std::make_unique<StoryFlow>(mupdf, parts.body, parts.css, StoryFlow::Part::whole));
        return flows;
    }
    for (auto part : {StoryFlow::Part::side_column, StoryFlow::Part::main_column})
        flows.push_back(std::make_unique<StoryFlow>(mupdf, parts.body, parts.css, part));
    return flows;
}

// Fills one page from every flow that still has content.
void add_page(const MupdfContext& mupdf, pdf_document* doc,
              const std::vector<std::unique_ptr<StoryFlow>>& flows, fz_rect paper, fz_rect where) {
    fz_context* ctx = mupdf.get();
    Device device(mupdf);
    Object resources(mupdf);
    Buffer contents(mupdf);
    Object page(mupdf);
    mupdf.call("PDF export: starting a page", [&] {
        device.reset(pdf_page_write(ctx, doc, paper, resources.out(), contents.out()));
    });
    for (const auto& flow : flows) {
        if (!flow->done())
            flow->fill(device.get(), where);
    }
    mupdf.call("PDF export: finishing a page", [&] {
        fz_close_device(ctx, device.get());
        page.reset(pdf_add_page(ctx, doc, paper, 0, resources.get(), contents.get()));
        pdf_insert_page(ctx, doc, -1, page.get());
    });
}

bool all_done(const std::vector<std::unique_ptr<StoryFlow>>& flows) {
    return std::all_of(flows.begin(), flows.end(), [](const auto& flow) { return flow->done(); });
}

// A new document has no Info dictionary yet; pdf_set_metadata expects one.
void set_metadata(const MupdfContext& mupdf, pdf_document* doc, const PdfOptions& options) {
    fz_context* ctx = mupdf.get();
    Object info(mupdf);
    mupdf.call("PDF export: metadata", [&] {
        info.reset(pdf_add_new_dict(ctx, doc, 4));
        pdf_dict_put(ctx, pdf_trailer(ctx, doc), PDF_NAME(Info), info.get());
        pdf_dict_put_text_string(ctx, info.get(), PDF_NAME(Creator), "Vitae");
        if (!options.title.empty())
            pdf_dict_put_text_string(ctx, info.get(), PDF_NAME(Title), options.title.c_str());
        if (!options.author.empty())
            pdf_dict_put_text_string(ctx, info.get(), PDF_NAME(Author), options.author.c_str());
    });
}

std::string written(const MupdfContext& mupdf, pdf_document* doc) {
    fz_context* ctx = mupdf.get();
    pdf_write_options write = pdf_default_write_options;
    write.do_compress = 1;
    write.do_compress_fonts = 1;
    write.do_compress_images = 1;
    Buffer buffer(mupdf);
    Output out(mupdf);
    mupdf.call("PDF export: writing", [&] {
        buffer.reset(fz_new_buffer(ctx, 64 << 10));
        out.reset(fz_new_output_with_buffer(ctx, buffer.get()));
        pdf_write_document(ctx, doc, out.get(), &write);
        fz_close_output(ctx, out.get());
    });
    unsigned char* data = nullptr;
    size_t size = fz_buffer_storage(ctx, buffer.get(), &data);
    return std::string(reinterpret_cast<const char*>(data), size);
}

}  // namespace

std::string render_cv_pdf(const web::Views& views, std::string_view template_name,
                          const nlohmann::json& resume, const PdfOptions& options) {
    const auto parts = render_cv_parts(views, template_name, with_breakable_words(resume));
    if (parts.body.size() > kMaxHtmlBytes)
        throw Error(ErrorCode::bad_request,
                    "This CV is too long to export as a PDF; shorten it to about " +
                        std::to_string(kMaxPages) + " pages.");
    const fz_rect paper = paper_rect(options.paper);
    const Margins margins = page_margins(parts.css);
    const fz_rect where{margins.left, margins.top, paper.x1 - margins.right,
                        paper.y1 - margins.bottom};

    MupdfContext mupdf;
    Document doc(mupdf);
    mupdf.call("PDF export: new document", [&] { doc.reset(pdf_create_document(mupdf.get())); });
    const auto flows = flows_of(mupdf, parts);
    for (int pages = 0; !all_done(flows); ++pages) {
        if (pages == kMaxPages)
            throw Error(ErrorCode::bad_request, "This CV runs past " + std::to_string(kMaxPages) +
                                                    " pages; shorten it to export it as a PDF.");
        add_page(mupdf, doc.get(), flows, paper, where);
    }
    spell_out_ligatures(mupdf, doc.get());
    set_metadata(mupdf, doc.get(), options);
    return written(mupdf, doc.get());
}

}  // namespace vitae::cv
