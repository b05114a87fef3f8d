#include "cv/cv_export.hpp"

#include <algorithm>
#include <array>

#include "core/error.hpp"
#include "cv/cv_docx.hpp"
#include "cv/cv_render.hpp"

namespace vitae::cv {

namespace {

struct FormatInfo {
    ExportFormat format;
    const char* name;  // the query value and the file extension
    const char* content_type;
};

constexpr std::array<FormatInfo, 5> kFormats = {{
    {ExportFormat::pdf, "pdf", "application/pdf"},
    {ExportFormat::docx, "docx",
     "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    {ExportFormat::json, "json", "application/json"},
    {ExportFormat::html, "html", "text/html; charset=utf-8"},
    {ExportFormat::txt, "txt", "text/plain; charset=utf-8"},
}};

// ISO 3166-1 alpha-2 codes of the countries whose paper is US Letter.
constexpr std::array<std::string_view, 9> kLetterCountries = {"US", "CA", "MX", "PH", "CL",
                                                              "CO", "VE", "PR", "GT"};

const FormatInfo& info(ExportFormat format) {
    return *std::find_if(kFormats.begin(), kFormats.end(),
                         [format](const FormatInfo& f) { return f.format == format; });
}

std::string text_at(const nlohmann::json& resume, const nlohmann::json::json_pointer& where) {
    if (!resume.contains(where))
        return "";
    const auto& value = resume.at(where);
    return value.is_string() ? value.get<std::string>() : "";
}

std::string author_of(const Cv& cv, const ExportRequest& request) {
    auto name = text_at(cv.resume, nlohmann::json::json_pointer("/basics/name"));
    return name.empty() ? request.author : name;
}

std::string render(const web::Views& views, const Cv& cv, const ExportRequest& request) {
    switch (request.format) {
        case ExportFormat::pdf:
            return render_cv_pdf(
                views, cv.template_name, cv.resume,
                {.paper = request.paper, .title = cv.title, .author = author_of(cv, request)});
        case ExportFormat::docx:
            return render_cv_docx(
                cv.resume,
                {.title = cv.title, .author = author_of(cv, request), .language = cv.language});
        case ExportFormat::json:
            return cv.resume.dump(2) + "\n";
        case ExportFormat::html:
            return render_cv_html(views, cv.template_name, cv.resume);
        case ExportFormat::txt:
            return render_cv_text(cv.resume);
    }
    throw Error(ErrorCode::internal, "unknown export format");
}

}  // namespace

ExportFormat parse_export_format(std::string_view text) {
    if (text.empty())
        return ExportFormat::pdf;
    for (const auto& f : kFormats) {
        if (text == f.name)
            return f.format;
    }
    throw Error(ErrorCode::bad_request, "Unknown export format; use pdf, docx, json, html or txt.");
}

PaperSize parse_paper_size(std::string_view text, const nlohmann::json& resume) {
    if (text == "a4")
        return PaperSize::a4;
    if (text == "letter")
        return PaperSize::letter;
    if (!text.empty())
        throw Error(ErrorCode::bad_request, "Unknown paper size; use a4 or letter.");
    auto country = text_at(resume, nlohmann::json::json_pointer("/basics/location/countryCode"));
    std::transform(country.begin(), country.end(), country.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    bool letter = std::find(kLetterCountries.begin(), kLetterCountries.end(), country) !=
                  kLetterCountries.end();
    return letter ? PaperSize::letter : PaperSize::a4;
}

std::string export_file_name(std::string_view title, std::string_view extension) {
    std::string stem;
    for (unsigned char c : title) {
        if (std::isalnum(c) && c < 0x80)
            stem += static_cast<char>(std::tolower(c));
        else if (!stem.empty() && stem.back() != '-')
            stem += '-';
    }
    stem.resize(std::min<std::size_t>(stem.size(), 60));
    while (!stem.empty() && stem.back() == '-')
        stem.pop_back();
    if (stem.empty())
        stem = "cv";
    return stem + "." + std::string(extension);
}

ExportedFile export_cv(const web::Views& views, const Cv& cv, const ExportRequest& request) {
    const auto& format = info(request.format);
    return {.bytes = render(views, cv, request),
            .content_type = format.content_type,
            .file_name = export_file_name(cv.title, format.name)};
}

}  // namespace vitae::cv
