#pragma once
// Splits the lines of one CV section into entries (one job, one degree, one project).
// Entries are anchored on the lines that carry their dates; the title lines around an
// anchor are found from the first entry's layout (dates before the titles, after them
// or on the same line), so every entry of a section is read the same way. Sections
// without dates are split at title lines (bold, headings, new paragraphs).
#include <optional>
#include <string>
#include <vector>

#include "cv/import/date_ranges.hpp"
#include "cv/import/text_document.hpp"

namespace vitae::cv {

struct EntryBlock {
    std::vector<std::string> header;      // title lines in reading order, dates removed
    std::optional<DateSpan> dates;        // from the anchor line
    std::vector<std::string> paragraphs;  // other text, wrapped lines joined
    std::vector<std::string> bullets;     // list items, wrapped lines joined
};

std::vector<EntryBlock> split_entries(const std::vector<const TextLine*>& lines);

// The pieces of a title line: split at " | ", " — ", " – ", " - ", " · ", " at ", " @ ",
// ", " ... ("Engineer at Acme, Berlin" -> {"Engineer", "Acme", "Berlin"}).
std::vector<std::string> title_pieces(const std::string& line);

// Joins a wrapped line to the text before it, mending words hyphenated at the break.
void append_wrapped(std::string& text, const std::string& more);

// Words in a line (letters or digits between spaces).
std::size_t word_count(const std::string& text);

}  // namespace vitae::cv
