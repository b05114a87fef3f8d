#pragma once
// MuPDF 1.21 draws "fi", "fl", "ff", "ffi" and "ffl" with the font's ligature glyph
// whenever the font has one (its "quick ligatures", which no CSS turns off), and the
// ToUnicode CMap it writes maps that glyph to the ligature code point U+FB01 and so on.
// pdftotext and many applicant tracking systems then read "certiﬁed", which neither a
// search for "certified" nor a keyword match finds. Mapping the glyph to its letters
// makes the text read back as it was written.
#include <mupdf/pdf.h>

#include <string>
#include <string_view>

#include "cv/mupdf_context.hpp"

namespace vitae::cv {

// The ToUnicode CMap with every mapping to U+FB00..U+FB04 replaced by the letters of the
// ligature; everything else is kept byte for byte.
std::string spell_out_ligatures(std::string_view cmap);

// Every ToUnicode map of the document's pages rewritten so.
void spell_out_ligatures(const MupdfContext& mupdf, pdf_document* doc);

}  // namespace vitae::cv
