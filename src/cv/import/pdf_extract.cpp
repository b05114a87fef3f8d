#include "cv/import/pdf_extract.hpp"

#include <mupdf/fitz.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/log.hpp"
#include "cv/import/line_builder.hpp"
#include "cv/mupdf_context.hpp"

namespace vitae::cv {

namespace {

// More text than any CV: a page of a hostile file can hold millions of characters.
constexpr std::size_t kMaxTextBytes = 2u << 20;

const char* const kDamaged =
    "This PDF could not be read: it looks damaged or incomplete. Open it in a PDF viewer and "
    "save or export it again, then upload the new copy.";

// One line of a page as MuPDF found it, before the page's blocks are put in reading order.
struct PageLine {
    std::string text;
    float size = 0;
    bool bold = false;
    fz_rect box{};
};

struct PageBlock {
    fz_rect box{};
    float first_baseline = 0;
    std::vector<PageLine> lines;
};

bool is_bold(fz_context* ctx, fz_font* font) {
    if (!font)
        return false;
    if (fz_font_is_bold(ctx, font))
        return true;
    std::string_view name = fz_font_name(ctx, font);
    for (std::string_view weight : {"Bold", "bold", "Black", "Heavy", "Semibold", "Demi"}) {
        if (name.find(weight) != std::string_view::npos)
            return true;
    }
    return false;
}

// Code points that never belong in a line of text: controls, surrogates, MuPDF's U+FFFD for
// a glyph it could not map, and values outside Unicode from a hostile font.
bool is_dropped(int c) {
    return c < 0x20 || (c >= 0x7F && c < 0xA0) || (c >= 0xD800 && c < 0xE000) || c == 0xFFFD ||
           c > 0x10FFFF;
}

bool is_space(int c) {
    return c == ' ' || c == 0xA0 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x3000;
}

void append_utf8(std::string& out, int c) {
    char buffer[FZ_UTFMAX];
    int n = fz_runetochar(buffer, c);
    out.append(buffer, static_cast<std::size_t>(n));
}

// The line's text, its dominant font size and whether most of it is bold. A gap wider than
// two ems between letters (a right-aligned date) becomes a tab.
PageLine read_line(fz_context* ctx, const fz_stext_line* line) {
    PageLine out;
    out.box = line->bbox;
    std::map<float, int> sizes;
    int letters = 0;
    int bold = 0;
    bool pending_space = false;
    float last_right = 0;
    bool have_last = false;
    for (const fz_stext_char* ch = line->first_char; ch; ch = ch->next) {
        if (is_space(ch->c) || ch->c == '\t') {
            pending_space = true;
            continue;
        }
        if (is_dropped(ch->c))
            continue;
        const fz_rect box = fz_rect_from_quad(ch->quad);
        const bool wide_gap = have_last && box.x0 - last_right > 2 * std::max(ch->size, 1.0f);
        if (!out.text.empty() && wide_gap)
            out.text += '\t';
        else if (!out.text.empty() && pending_space)
            out.text += ' ';
        pending_space = false;
        append_utf8(out.text, ch->c);
        last_right = box.x1;
        have_last = true;
        ++letters;
        sizes[std::round(ch->size * 2) / 2] += 1;
        if (is_bold(ctx, ch->font))
            ++bold;
    }
    out.bold = letters > 0 && bold * 2 > letters;
    int best = 0;
    for (const auto& [size, count] : sizes) {
        if (count > best) {
            best = count;
            out.size = size;
        }
    }
    return out;
}

float first_baseline(const fz_stext_block* block) {
    const fz_stext_line* line = block->u.t.first_line;
    if (line && line->first_char)
        return line->first_char->origin.y;
    return block->bbox.y1;
}

std::vector<PageBlock> read_blocks(fz_context* ctx, const fz_stext_page* page,
                                   std::size_t& budget) {
    std::vector<PageBlock> blocks;
    for (const fz_stext_block* block = page->first_block; block; block = block->next) {
        if (block->type != FZ_STEXT_BLOCK_TEXT)
            continue;
        PageBlock out;
        out.box = fz_empty_rect;
        out.first_baseline = first_baseline(block);
        for (const fz_stext_line* line = block->u.t.first_line; line; line = line->next) {
            PageLine text = read_line(ctx, line);
            if (text.text.empty())
                continue;
            if (text.text.size() > budget) {
                throw Error(ErrorCode::payload_too_large,
                            "This PDF holds far more text than a CV; Vitae imports up to " +
                                std::to_string(kMaxTextBytes / 1024) + " KiB of text.");
            }
            budget -= text.text.size();
            out.box = fz_union_rect(out.box, text.box);
            out.lines.push_back(std::move(text));
        }
        if (!out.lines.empty())
            blocks.push_back(std::move(out));
    }
    return blocks;
}

std::size_t line_count(const std::vector<const PageBlock*>& blocks) {
    std::size_t n = 0;
    for (const auto* block : blocks)
        n += block->lines.size();
    return n;
}

// A vertical gutter splits the page's blocks into a left and a right column when both sides
// hold real text, they sit beside each other (their heights overlap), and they are not rows
// of one table: in a CV with dates in a narrow left column each date starts on the baseline
// of its entry, and those rows must be read across, not down.
struct Split {
    float gutter = 0;
    std::size_t smaller_side = 0;
};

bool is_column_split(const std::vector<PageBlock>& blocks, float gutter, Split& split) {
    std::vector<const PageBlock*> left, right;
    std::size_t straddling = 0, total = 0;
    for (const auto& block : blocks) {
        total += block.lines.size();
        if (block.box.x1 <= gutter)
            left.push_back(&block);
        else if (block.box.x0 >= gutter)
            right.push_back(&block);
        else
            straddling += block.lines.size();
    }
    const std::size_t left_lines = line_count(left), right_lines = line_count(right);
    if (left_lines < 3 || right_lines < 3 || straddling * 3 > total)
        return false;
    auto extent = [](const std::vector<const PageBlock*>& side) {
        fz_rect box = fz_empty_rect;
        for (const auto* block : side)
            box = fz_union_rect(box, block->box);
        return box;
    };
    const fz_rect l = extent(left), r = extent(right);
    const float overlap = std::min(l.y1, r.y1) - std::max(l.y0, r.y0);
    if (overlap < 0.5f * std::min(l.y1 - l.y0, r.y1 - r.y0))
        return false;
    std::size_t aligned = 0;
    for (const auto* a : left) {
        for (const auto* b : right) {
            if (std::fabs(a->first_baseline - b->first_baseline) < 2) {
                ++aligned;
                break;
            }
        }
    }
    if (aligned * 2 > left.size())
        return false;
    split = {gutter, std::min(left_lines, right_lines)};
    return true;
}

std::optional<float> find_gutter(const std::vector<PageBlock>& blocks) {
    if (blocks.size() < 2)
        return std::nullopt;
    float min_x = blocks.front().box.x0, max_x = blocks.front().box.x1;
    for (const auto& block : blocks) {
        min_x = std::min(min_x, block.box.x0);
        max_x = std::max(max_x, block.box.x1);
    }
    const float margin = 0.1f * (max_x - min_x);
    std::optional<Split> best;
    for (const auto& block : blocks) {
        for (float gutter : {block.box.x1 + 0.5f, block.box.x0 - 0.5f}) {
            if (gutter < min_x + margin || gutter > max_x - margin)
                continue;
            Split split;
            if (is_column_split(blocks, gutter, split) &&
                (!best || split.smaller_side > best->smaller_side))
                best = split;
        }
    }
    if (!best)
        return std::nullopt;
    return best->gutter;
}

// The page's blocks in reading order. Without columns MuPDF's order stands: it is the order
// the generator drew the text in, which is the reading order for every common generator.
// With columns, blocks are taken top to bottom; a full-width block ends a band, and each
// band gives its left column and then its right column.
std::vector<const PageBlock*> reading_order(const std::vector<PageBlock>& blocks) {
    std::vector<const PageBlock*> out;
    auto gutter = find_gutter(blocks);
    if (!gutter) {
        for (const auto& block : blocks)
            out.push_back(&block);
        return out;
    }
    std::vector<const PageBlock*> sorted;
    for (const auto& block : blocks)
        sorted.push_back(&block);
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const PageBlock* a, const PageBlock* b) { return a->box.y0 < b->box.y0; });
    std::vector<const PageBlock*> left, right;
    auto flush = [&] {
        out.insert(out.end(), left.begin(), left.end());
        out.insert(out.end(), right.begin(), right.end());
        left.clear();
        right.clear();
    };
    for (const auto* block : sorted) {
        if (block->box.x1 <= *gutter) {
            left.push_back(block);
        } else if (block->box.x0 >= *gutter) {
            right.push_back(block);
        } else {
            flush();
            out.push_back(block);
        }
    }
    flush();
    return out;
}

void append_page(TextDocument& doc, int page_number, const std::vector<PageBlock>& blocks) {
    LineBuilder builder(doc);
    for (const auto* block : reading_order(blocks)) {
        bool first = true;
        for (const auto& line : block->lines) {
            TextLine out;
            out.text = line.text;
            out.size = line.size;
            out.bold = line.bold;
            out.page = page_number;
            out.x = line.box.x0;
            out.y = line.box.y0;
            out.paragraph_start = first;
            first = false;
            builder.add(std::move(out), true);
        }
        builder.end_block();
    }
}

// MuPDF's message goes to the log; the member gets ours.
template <class Steps>
void read_or_refuse(const MupdfContext& mupdf, const char* what, Steps&& steps) {
    try {
        mupdf.call(what, std::forward<Steps>(steps));
    } catch (const Error& e) {
        log::debug("pdf import", {{"refused", e.what()}});
        throw Error(ErrorCode::bad_request, kDamaged);
    }
}

using Stream = FzPtr<fz_stream, fz_drop_stream>;
using Document = FzPtr<fz_document, fz_drop_document>;
using Page = FzPtr<fz_page, fz_drop_page>;
using StextPage = FzPtr<fz_stext_page, fz_drop_stext_page>;

void check_pages(int pages, const ImportLimits& limits) {
    if (pages <= 0)
        throw Error(ErrorCode::bad_request, kDamaged);
    if (pages > limits.max_pdf_pages) {
        throw Error(ErrorCode::payload_too_large,
                    "This PDF has " + std::to_string(pages) +
                        " pages; Vitae imports CVs of at most " +
                        std::to_string(limits.max_pdf_pages) +
                        (limits.max_pdf_pages == 1 ? " page." : " pages.") +
                        " Upload the pages that make up the CV.");
    }
}

}  // namespace

TextDocument extract_pdf(std::string_view bytes, const ImportLimits& limits) {
    MupdfContext mupdf;
    fz_context* ctx = mupdf.get();
    Stream stream(mupdf);
    Document doc(mupdf);
    int needs_password = 0;
    int pages = 0;
    read_or_refuse(mupdf, "opening an uploaded PDF", [&] {
        fz_register_document_handlers(ctx);  // a fresh context knows no formats yet
        stream.reset(fz_open_memory(ctx, reinterpret_cast<const unsigned char*>(bytes.data()),
                                    bytes.size()));
        doc.reset(fz_open_document_with_stream(ctx, "application/pdf", stream.get()));
        needs_password = fz_needs_password(ctx, doc.get());
        if (!needs_password)
            pages = fz_count_pages(ctx, doc.get());
    });
    if (needs_password) {
        throw Error(ErrorCode::bad_request,
                    "This PDF is protected by a password. Open it, remove the password (save a "
                    "copy without one) and upload that copy.");
    }
    check_pages(pages, limits);

    TextDocument out;
    out.pages = pages;
    std::size_t budget = kMaxTextBytes;
    int damaged_pages = 0;
    for (int number = 0; number < pages; ++number) {
        Page page(mupdf);
        StextPage text(mupdf);
        try {
            mupdf.call("reading a page of an uploaded PDF", [&] {
                fz_stext_options options{};
                options.flags = FZ_STEXT_MEDIABOX_CLIP;
                page.reset(fz_load_page(ctx, doc.get(), number));
                text.reset(fz_new_stext_page_from_page(ctx, page.get(), &options));
            });
        } catch (const Error& e) {
            // One damaged page should not cost the member the others.
            log::debug("pdf import", {{"page", number}, {"skipped", e.what()}});
            ++damaged_pages;
            continue;
        }
        append_page(out, number, read_blocks(ctx, text.get(), budget));
    }
    if (out.lines.empty() && damaged_pages > 0)
        throw Error(ErrorCode::bad_request, kDamaged);
    if (out.lines.empty()) {
        throw Error(ErrorCode::bad_request,
                    "No text found in this PDF: it looks like a scan or a picture of a CV, and "
                    "Vitae has no OCR (text recognition). Upload the PDF or DOCX exported from "
                    "the program you wrote the CV in.");
    }
    return out;
}

}  // namespace vitae::cv
