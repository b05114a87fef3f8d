#pragma once
// Turns an uploaded file into a draft JSON Resume: the kind is told by content (magic
// bytes), never by the file name; PDF and DOCX go through text extraction and the
// résumé parser, JSON is taken as a JSON Resume document. Nothing is stored here.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "cv/import/import_limits.hpp"

namespace vitae::cv {

enum class SourceKind { pdf, docx, json, text };

std::string_view to_string(SourceKind kind);
// The media type we store and serve the original under.
std::string_view media_type(SourceKind kind);

struct ImportedCv {
    SourceKind kind = SourceKind::text;
    nlohmann::json resume = nlohmann::json::object();
    // What the member should check before saving ("No phone number found."), in order.
    std::vector<std::string> notes;
};

// Throws Error(payload_too_large) over limits.max_bytes, Error(unsupported_media) for
// anything that is not PDF, DOCX, JSON or UTF-8 text. An empty file is bad_request.
SourceKind detect_kind(std::string_view bytes, const ImportLimits& limits);

// Throws Error(bad_request) with a message for the member for a broken, encrypted or
// image-only file, a JSON file that is not a JSON Resume object, or a file over a limit
// (payload_too_large for sizes and pages).
ImportedCv import_document(std::string_view bytes, const ImportLimits& limits);

}  // namespace vitae::cv
