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
    float baseline = 0;
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
    out.baseline = line->first_char ? line->first_char->origin.y : line->bbox.y1;
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

// `line` goes on the same baseline to the right of the block's last line.
bool continues(const std::vector<PageLine>& lines, const PageLine& line) {
    if (lines.empty())
        return false;
    const auto& last = lines.back();
    return std::fabs(last.baseline - line.baseline) < 1 && line.box.x0 >= last.box.x1 - 1;
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
            if (continues(out.lines, text)) {
                // MuPDF cuts a justified line at wide word spaces (pdfTeX): one line again.
                auto& last = out.lines.back();
                const float gap = text.box.x0 - last.box.x1;
                last.text += gap > 4 * std::max(text.size, 1.0f) ? '\t' : ' ';
                last.text += text.text;
                last.box = fz_union_rect(last.box, text.box);
                continue;
            }
            out.lines.push_back(std::move(text));
        }
        if (!out.lines.empty())
            blocks.push_back(std::move(out));
    }
    return blocks;
}

// A vertical gutter splits the page's blocks into a left and a right column when
// - both sides hold real text, and neither is text aligned to its right edge (dates against
//   the right margin);
// - nothing crosses the gutter between the top and the bottom of the columns (a header
//   above them or a footer below is fine; a summary running across the page is not);
// - the sides sit beside each other: most blocks of the side with fewer have a block of
//   the other side at the same height. Dates on lines of their own between the entries of
//   a one-column CV fail this;
// - and they are not rows of one table: when the dates of a CV sit in a narrow left column,
//   each on the baseline of its entry, those rows are read across, not down.
struct Side {
    std::vector<const PageBlock*> blocks;
    std::size_t lines = 0;
    fz_rect box = fz_empty_rect;

    void add(const PageBlock& block) {
        blocks.push_back(&block);
        lines += block.lines.size();
        box = fz_union_rect(box, block.box);
    }
};

struct Split {
    float gutter = 0;
    std::size_t smaller_side = 0;
};

// Right-aligned text (dates against the right margin): the blocks end together and start
// wherever their text makes them. A column's blocks start together (lists indented).
bool is_right_aligned(const Side& side) {
    std::size_t flush_right = 0, flush_left = 0;
    for (const auto* block : side.blocks) {
        flush_right += side.box.x1 - block->box.x1 <= 3 ? 1 : 0;
        flush_left += block->box.x0 - side.box.x0 <= 8 ? 1 : 0;
    }
    return flush_right * 10 >= side.blocks.size() * 8 && flush_left * 10 < side.blocks.size() * 7;
}

// How many blocks of `side` have a block of `other` at the same height.
std::size_t beside(const Side& side, const Side& other, bool same_baseline) {
    std::size_t n = 0;
    for (const auto* a : side.blocks) {
        for (const auto* b : other.blocks) {
            const bool hit =
                same_baseline ? std::fabs(a->first_baseline - b->first_baseline) < 2
                              : std::min(a->box.y1, b->box.y1) - std::max(a->box.y0, b->box.y0) > 1;
            if (hit) {
                ++n;
                break;
            }
        }
    }
    return n;
}

std::optional<Split> column_split(const std::vector<PageBlock>& blocks, float gutter) {
    Side left, right;
    std::vector<const PageBlock*> straddling;
    for (const auto& block : blocks) {
        if (block.box.x1 <= gutter)
            left.add(block);
        else if (block.box.x0 >= gutter)
            right.add(block);
        else
            straddling.push_back(&block);
    }
    if (left.lines < 3 || right.lines < 3 || is_right_aligned(left) || is_right_aligned(right))
        return std::nullopt;
    const float top = std::min(left.box.y0, right.box.y0);
    const float bottom = std::max(left.box.y1, right.box.y1);
    for (const auto* block : straddling) {
        if (block->box.y1 > top + 1 && block->box.y0 < bottom - 1)
            return std::nullopt;
    }
    const Side& fewer = left.blocks.size() <= right.blocks.size() ? left : right;
    const Side& more = &fewer == &left ? right : left;
    if (beside(fewer, more, false) * 2 < fewer.blocks.size())
        return std::nullopt;
    if (beside(left, right, true) * 2 > left.blocks.size())
        return std::nullopt;
    return Split{gutter, std::min(left.lines, right.lines)};
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
            auto split = column_split(blocks, gutter);
            if (split && (!best || split->smaller_side > best->smaller_side))
                best = split;
        }
    }
    if (!best)
        return std::nullopt;
    return best->gutter;
}

// Blocks top to bottom by their first baseline; blocks that start on the same baseline
// (a title and its right-aligned date) left to right. Content-stream order is not enough:
// Chromium, for one, draws a page's text in an order of its own.
std::vector<const PageBlock*> top_to_bottom(const std::vector<PageBlock>& blocks) {
    std::vector<const PageBlock*> sorted;
    for (const auto& block : blocks)
        sorted.push_back(&block);
    std::stable_sort(sorted.begin(), sorted.end(), [](const PageBlock* a, const PageBlock* b) {
        return a->first_baseline < b->first_baseline;
    });
    for (std::size_t start = 0; start < sorted.size();) {
        std::size_t end = start + 1;
        while (end < sorted.size() &&
               sorted[end]->first_baseline - sorted[start]->first_baseline < 3)
            ++end;
        std::stable_sort(
            sorted.begin() + static_cast<std::ptrdiff_t>(start),
            sorted.begin() + static_cast<std::ptrdiff_t>(end),
            [](const PageBlock* a, const PageBlock* b) { return a->box.x0 < b->box.x0; });
        start = end;
    }
    return sorted;
}

// The page's blocks in reading order: top to bottom, and with columns, blocks are taken top
// to bottom; a full-width block ends a band, and each band gives its left column and then
// its right column.
std::vector<const PageBlock*> reading_order(const std::vector<PageBlock>& blocks) {
    std::vector<const PageBlock*> sorted = top_to_bottom(blocks);
    auto gutter = find_gutter(blocks);
    if (!gutter)
        return sorted;
    std::vector<const PageBlock*> out;
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
