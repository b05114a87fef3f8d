#pragma once
// Reads a plain text or Markdown CV into the TextDocument the résumé parser reads, with
// the layout hints Markdown gives: "#" and underlined headings, "**bold**" lines, list
// items, paragraphs. Emphasis and link syntax are removed; link addresses stay in the text
// ("[GitHub](https://github.com/ada)" -> "GitHub (https://github.com/ada)") so contact
// fields can still be found.
#include <string_view>

#include "cv/import/text_document.hpp"

namespace vitae::cv {

// Markdown headings get a nominal font size by level (h1 24, h2 18, h3 14, deeper 12) so
// the parser can tell a section heading from an entry heading; other lines have size 0.
// Control characters are dropped. The input must be UTF-8 (detect_kind checks it).
TextDocument read_plain_text(std::string_view utf8);

}  // namespace vitae::cv
