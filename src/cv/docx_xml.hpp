#pragma once
// XML plumbing shared by the parts of a DOCX file: text made safe for XML 1.0, a part's
// root element, and its bytes.
#include <pugixml.hpp>

#include <string>
#include <string_view>

namespace vitae::cv {

inline constexpr const char* kWordNamespace =
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
// Also the prefix of the relationship types: ".../relationships/styles".
inline constexpr const char* kRelationshipsNamespace =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// `text` as XML 1.0 can carry it: control characters dropped (tab and line breaks become
// spaces), U+FFFE and U+FFFF dropped, bytes that are not UTF-8 replaced by U+FFFD.
std::string xml_text(std::string_view text);

// Adds the XML declaration Office expects and the root element `name`.
pugi::xml_node start_part(pugi::xml_document& doc, const char* name);

// The document as UTF-8 bytes, without indentation (whitespace between runs is text).
std::string xml_bytes(const pugi::xml_document& doc);

}  // namespace vitae::cv
