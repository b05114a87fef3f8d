#pragma once
// The last step of every extractor: raw lines in, TextLines out, with the same rules for
// whitespace, bullet glyphs and hyphenated line ends whatever the source format.
#include <string>
#include <string_view>

#include "cv/import/text_document.hpp"

namespace vitae::cv {

// Whitespace runs become one space (a tab stays a tab: it separates a title from its date),
// and both ends are trimmed.
std::string tidy_text(std::string_view text);

// The length of a leading bullet glyph and the whitespace after it, 0 when there is none:
// "• Go" -> 4. The glyph alone is a bullet too; "-5 %" is not.
std::size_t bullet_prefix(std::string_view text);

class LineBuilder {
  public:
    explicit LineBuilder(TextDocument& doc) : doc_(doc) {}

    // Appends `line` after tidying it: an empty line is dropped, a leading bullet glyph is
    // stripped and sets bullet (a line that is only the glyph marks the next line). With
    // `join_hyphens`, a line that goes on in lower case after a line of the same block ending
    // in "letter-" is appended to that line, hyphen kept.
    void add(TextLine line, bool join_hyphens);

    // The next line starts a new block: no hyphen joins across it.
    void end_block() { joinable_ = false; }

  private:
    TextDocument& doc_;
    bool pending_bullet_ = false;
    bool joinable_ = false;
};

}  // namespace vitae::cv
