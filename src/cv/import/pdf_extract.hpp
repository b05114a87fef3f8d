#pragma once
// The text of a PDF CV, line by line in reading order, through MuPDF's structured text.
#include <string_view>

#include "cv/import/import_limits.hpp"
#include "cv/import/text_document.hpp"

namespace vitae::cv {

// Lines come in reading order: blocks of a page top to bottom, and on a page laid out in two
// columns (a side column beside the main one) each column whole, left column first; a
// full-width block (the name at the top) stays where it is. A leading bullet glyph (•, ▪, -,
// *, – and the like) is stripped and sets TextLine::bullet. A wide horizontal gap inside a
// line (a right-aligned date) becomes one '\t'. A line ending in a hyphen whose next line
// goes on in lower case is joined with it, the hyphen kept: CV generators do not hyphenate
// (Word, LibreOffice and MuPDF's Story break only at real hyphens), so "customer-" +
// "visible" is one word with a hyphen far more often than a split word.
//
// Throws Error(bad_request) for a damaged, password-protected or image-only PDF, and
// Error(payload_too_large) for more pages than limits.max_pdf_pages.
TextDocument extract_pdf(std::string_view bytes, const ImportLimits& limits);

}  // namespace vitae::cv
