#pragma once
// A CV as a PDF: the same template files as the browser preview (templates/cv/), laid out
// by MuPDF's Story API (HTML + CSS → pages), with the text selectable and searchable.
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "web/views.hpp"

namespace vitae::cv {

enum class PaperSize { a4, letter };

struct PdfOptions {
    PaperSize paper = PaperSize::a4;
    std::string title;   // the document's metadata title
    std::string author;  // the document's metadata author
};

// The PDF file's bytes. Throws vitae::Error(bad_request) for an unknown template and
// vitae::Error(internal) when MuPDF fails.
std::string render_cv_pdf(const web::Views& views, std::string_view template_name,
                          const nlohmann::json& resume, const PdfOptions& options);

}  // namespace vitae::cv
