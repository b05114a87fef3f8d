#pragma once
// The text of an uploaded CV as the extractors see it: lines in reading order, with the
// few layout hints that tell a heading from body text. PDF, DOCX and plain text all
// become this; the résumé parser reads only this.
#include <string>
#include <vector>

namespace vitae::cv {

struct TextLine {
    std::string text;              // UTF-8, trimmed, never empty
    float size = 0;                // font size in points; 0 when unknown (plain text)
    bool bold = false;             // most of the line is bold
    bool heading = false;          // the source marks it as a heading (DOCX Heading/Title style,
                                   // Markdown '#'), not guessed from size
    int page = 0;                  // 0-based page (PDF); 0 elsewhere
    float x = 0;                   // left edge in points (PDF); indentation hints elsewhere are 0
    float y = 0;                   // top edge in points on its page (PDF)
    bool paragraph_start = false;  // first line of a paragraph / block
    bool bullet = false;           // a list item (DOCX numbering, "•", "-", "*", "–")
};

struct TextDocument {
    std::vector<TextLine> lines;
    int pages = 0;  // PDF page count; 0 for other kinds
};

}  // namespace vitae::cv
