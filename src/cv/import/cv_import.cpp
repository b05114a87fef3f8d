#include "cv/import/cv_import.hpp"

#include "core/error.hpp"
#include "core/utf8.hpp"
#include "cv/import/docx_extract.hpp"
#include "cv/import/pdf_extract.hpp"
#include "cv/import/plain_text.hpp"
#include "cv/import/resume_parser.hpp"
#include "cv/resume.hpp"

namespace vitae::cv {

namespace {

using nlohmann::json;

constexpr std::string_view kBom = "\xEF\xBB\xBF";

std::string_view without_bom(std::string_view bytes) {
    return bytes.starts_with(kBom) ? bytes.substr(kBom.size()) : bytes;
}

// PDF readers accept the header anywhere in the first 1024 bytes, and some generators
// put junk before it.
bool is_pdf(std::string_view bytes) {
    return bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos;
}

bool is_zip(std::string_view bytes) {
    return bytes.starts_with("PK\x03\x04");
}

// An OLE compound file: a Word 97-2003 .doc, or a DOCX saved with a password (Office wraps
// the encrypted package in one).
bool is_ole(std::string_view bytes) {
    return bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
}

bool looks_like_json(std::string_view text) {
    auto first = text.find_first_not_of(" \t\r\n");
    return first != std::string_view::npos && text[first] == '{';
}

bool is_text(std::string_view bytes) {
    return bytes.find('\0') == std::string_view::npos && core::is_utf8(bytes);
}

ImportedCv import_json(std::string_view bytes) {
    json resume = json::parse(without_bom(bytes), nullptr, false);
    if (resume.is_discarded() || !resume.is_object()) {
        throw Error(ErrorCode::bad_request,
                    "This file starts like JSON but is not a JSON object we can read. "
                    "Check it with a JSON validator, or upload the CV as PDF or DOCX.");
    }
    check_storable(resume);
    ImportedCv out{.kind = SourceKind::json, .resume = std::move(resume), .notes = {}};
    for (const auto& problem : validate(out.resume))
        out.notes.push_back(problem.path + ": " + problem.message);
    return out;
}

ImportedCv from_text(SourceKind kind, const TextDocument& document) {
    auto parsed = parse_resume(document);
    return ImportedCv{
        .kind = kind, .resume = std::move(parsed.resume), .notes = std::move(parsed.notes)};
}

}  // namespace

std::string_view to_string(SourceKind kind) {
    switch (kind) {
        case SourceKind::pdf:
            return "pdf";
        case SourceKind::docx:
            return "docx";
        case SourceKind::json:
            return "json";
        case SourceKind::text:
            return "text";
    }
    return "text";
}

std::string_view media_type(SourceKind kind) {
    switch (kind) {
        case SourceKind::pdf:
            return "application/pdf";
        case SourceKind::docx:
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        case SourceKind::json:
            return "application/json";
        case SourceKind::text:
            return "text/plain; charset=utf-8";
    }
    return "application/octet-stream";
}

SourceKind detect_kind(std::string_view bytes, const ImportLimits& limits) {
    if (bytes.size() > limits.max_bytes) {
        throw Error(ErrorCode::payload_too_large, "The file is larger than the limit of " +
                                                      std::to_string(limits.max_bytes / 1024) +
                                                      " KiB.");
    }
    if (without_bom(bytes).find_first_not_of(" \t\r\n") == std::string_view::npos)
        throw Error(ErrorCode::bad_request, "The file is empty.");
    if (is_pdf(bytes))
        return SourceKind::pdf;
    if (is_zip(bytes))
        return SourceKind::docx;
    if (is_ole(bytes)) {
        throw Error(ErrorCode::unsupported_media,
                    "This is an old Word document (.doc) or a Word file protected by a "
                    "password. Open it in your word processor and save it as DOCX without a "
                    "password, then upload that copy.");
    }
    if (is_text(bytes))
        return looks_like_json(without_bom(bytes)) ? SourceKind::json : SourceKind::text;
    throw Error(ErrorCode::unsupported_media,
                "Vitae imports PDF, DOCX, JSON Resume and plain text or Markdown files; "
                "this file is none of them.");
}

ImportedCv import_document(std::string_view bytes, const ImportLimits& limits) {
    switch (detect_kind(bytes, limits)) {
        case SourceKind::json:
            return import_json(bytes);
        case SourceKind::text:
            return from_text(SourceKind::text, read_plain_text(without_bom(bytes)));
        case SourceKind::pdf:
            return from_text(SourceKind::pdf, extract_pdf(bytes, limits));
        case SourceKind::docx:
            return from_text(SourceKind::docx, extract_docx(bytes, limits));
    }
    throw Error(ErrorCode::internal, "Unknown kind of upload.");
}

}  // namespace vitae::cv
