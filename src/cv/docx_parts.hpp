#pragma once
// The parts of a DOCX package around word/document.xml: content types, relationships,
// styles, list numbering, settings and the document properties.
#include <string>
#include <string_view>
#include <vector>

#include "cv/word_body.hpp"

namespace vitae::cv {

// The w:styleId values styles_xml() defines, for WordBody::paragraph.
namespace docx_style {
inline constexpr const char* kTitle = "Title";        // the person's name
inline constexpr const char* kSubtitle = "Subtitle";  // their label
inline constexpr const char* kContact = "Contact";
inline constexpr const char* kHeading1 = "Heading1";  // a section
inline constexpr const char* kHeading2 = "Heading2";  // an entry
inline constexpr const char* kEntryDetails = "EntryDetails";
inline constexpr const char* kNormal = "Normal";
inline constexpr const char* kListBullet = "ListBullet";
inline constexpr const char* kKeywords = "Keywords";
}  // namespace docx_style

// The w:numId of the bulleted list numbering_xml() defines.
inline constexpr int kBulletList = 1;

std::string content_types_xml();
std::string package_rels_xml();
std::string document_rels_xml(const std::vector<WordLink>& links);
// `language` is a checked BCP 47 tag, or empty to leave the reader's default.
std::string styles_xml(std::string_view language);
std::string numbering_xml();
std::string settings_xml();
// Empty values are left out.
std::string core_xml(std::string_view title, std::string_view author, std::string_view language);
std::string app_xml();

}  // namespace vitae::cv
