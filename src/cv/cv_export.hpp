#pragma once
// One CV as a downloadable file in each export format, named after the CV.
#include <string>
#include <string_view>

#include "cv/cv_pdf.hpp"
#include "cv/cv_service.hpp"
#include "web/views.hpp"

namespace vitae::cv {

enum class ExportFormat { pdf, docx, json, html, txt };

// Throws vitae::Error(bad_request) naming the formats for anything else; empty means pdf.
ExportFormat parse_export_format(std::string_view text);

// "a4" or "letter"; empty picks by the CV's country (basics.location.countryCode): US
// Letter for the countries that use it, A4 elsewhere. Throws Error(bad_request) otherwise.
PaperSize parse_paper_size(std::string_view text, const nlohmann::json& resume);

struct ExportedFile {
    std::string bytes;
    std::string content_type;
    std::string file_name;  // ASCII, safe in a Content-Disposition header
};

struct ExportRequest {
    ExportFormat format = ExportFormat::pdf;
    PaperSize paper = PaperSize::a4;
    std::string author;  // the PDF's and DOCX's author when the CV has no basics.name
};

// JSON is the stored JSON Resume document itself, so importing it gives it back unchanged.
ExportedFile export_cv(const web::Views& views, const Cv& cv, const ExportRequest& request);

// "Jane Doe - Backend.pdf" becomes "jane-doe-backend.pdf": ASCII letters and digits only,
// so no header or file system has to cope with the member's characters.
std::string export_file_name(std::string_view title, std::string_view extension);

}  // namespace vitae::cv
