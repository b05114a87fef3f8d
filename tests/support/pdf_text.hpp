#pragma once
// The text of a PDF read back page by page with MuPDF's own text extraction, and a
// whitespace-blind form of text for comparing what a reader got with what was written.
#include <mupdf/pdf.h>

#include <string>
#include <vector>

#include "cv/mupdf_context.hpp"

namespace vitae::test {

// Line breaks and runs of spaces as one space: wrapping is the layout's business. MuPDF
// also wraps after a hyphen ("customer-" / "visible"): that line break goes entirely.
inline std::string squeezed(const std::string& text) {
    std::string out;
    bool space = false;
    for (char c : text) {
        if (c == '\n' && !space && !out.empty() && out.back() == '-')
            continue;
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
            space = !out.empty();
            continue;
        }
        if (space)
            out += ' ';
        space = false;
        out += c;
    }
    return out;
}

// A PDF opened from memory with MuPDF.
class PdfReader {
  public:
    explicit PdfReader(const std::string& pdf) : stream_(mupdf_), doc_(mupdf_) {
        fz_context* ctx = mupdf_.get();
        mupdf_.call("opening the PDF", [&] {
            stream_.reset(fz_open_memory(ctx, reinterpret_cast<const unsigned char*>(pdf.data()),
                                         pdf.size()));
            doc_.reset(pdf_open_document_with_stream(ctx, stream_.get()));
        });
        pages_ = mupdf_.call("counting pages", [&] { return pdf_count_pages(ctx, doc_.get()); });
    }

    int pages() const { return pages_; }

    std::string text(int number) const {
        fz_context* ctx = mupdf_.get();
        cv::FzPtr<fz_page, fz_drop_page> page(mupdf_);
        cv::FzPtr<fz_stext_page, fz_drop_stext_page> text(mupdf_);
        cv::FzPtr<fz_buffer, fz_drop_buffer> utf8(mupdf_);
        mupdf_.call("reading a page", [&] {
            fz_stext_options options{};
            page.reset(fz_load_page(ctx, &doc_.get()->super, number));
            text.reset(fz_new_stext_page_from_page(ctx, page.get(), &options));
            utf8.reset(fz_new_buffer_from_stext_page(ctx, text.get()));
        });
        unsigned char* data = nullptr;
        const size_t size = fz_buffer_storage(ctx, utf8.get(), &data);
        return std::string(reinterpret_cast<const char*>(data), size);
    }

    // The smallest rectangle holding every letter of the page.
    fz_rect text_bounds(int number) const {
        fz_context* ctx = mupdf_.get();
        cv::FzPtr<fz_page, fz_drop_page> page(mupdf_);
        cv::FzPtr<fz_stext_page, fz_drop_stext_page> text(mupdf_);
        mupdf_.call("reading a page", [&] {
            fz_stext_options options{};
            page.reset(fz_load_page(ctx, &doc_.get()->super, number));
            text.reset(fz_new_stext_page_from_page(ctx, page.get(), &options));
        });
        fz_rect bounds = fz_empty_rect;
        for (fz_stext_block* block = text.get()->first_block; block; block = block->next) {
            if (block->type == FZ_STEXT_BLOCK_TEXT)
                bounds = fz_union_rect(bounds, block->bbox);
        }
        return bounds;
    }

    // The page's media box, in points.
    fz_rect size(int number) const {
        fz_context* ctx = mupdf_.get();
        cv::FzPtr<fz_page, fz_drop_page> page(mupdf_);
        return mupdf_.call("measuring a page", [&] {
            page.reset(fz_load_page(ctx, &doc_.get()->super, number));
            return fz_bound_page(ctx, page.get());
        });
    }

  private:
    cv::MupdfContext mupdf_;
    cv::FzPtr<fz_stream, fz_drop_stream> stream_;
    cv::FzPtr<pdf_document, pdf_drop_document> doc_;
    int pages_ = 0;
};

inline std::vector<std::string> mupdf_page_texts(const std::string& pdf) {
    PdfReader reader(pdf);
    std::vector<std::string> texts;
    for (int number = 0; number < reader.pages(); ++number)
        texts.push_back(reader.text(number));
    return texts;
}

inline std::vector<fz_rect> mupdf_page_sizes(const std::string& pdf) {
    PdfReader reader(pdf);
    std::vector<fz_rect> sizes;
    for (int number = 0; number < reader.pages(); ++number)
        sizes.push_back(reader.size(number));
    return sizes;
}

inline std::string joined_pages(const std::vector<std::string>& pages) {
    std::string out;
    for (const auto& page : pages)
        out += page + "\n";
    return out;
}

}  // namespace vitae::test
