#pragma once
// The text of a DOCX CV, paragraph by paragraph in document order, through libarchive and
// pugixml.
#include <string_view>

#include "cv/import/import_limits.hpp"
#include "cv/import/text_document.hpp"

namespace vitae::cv {

// Paragraphs of word/document.xml in order, tables cell by cell in row order, text boxes
// once (Word stores each twice: the drawing and a VML fallback). A tab becomes '\t'; a line
// break starts a new TextLine of the same paragraph. heading: the paragraph's style is Title
// or a heading (by the style's name, since style ids are translated: "berschrift1"), or it
// has an outline level. bullet: the paragraph is numbered (w:numPr, itself or by its
// style) or has a list style; a literal leading bullet glyph is stripped as for PDF.
// size is the dominant w:sz in points, 0 when the file does not say.
//
// Throws Error(unsupported_media) for a zip that is not a Word document, Error(bad_request)
// for a damaged one, Error(payload_too_large) for a zip bomb (see ImportLimits).
TextDocument extract_docx(std::string_view bytes, const ImportLimits& limits);

}  // namespace vitae::cv
