#pragma once
// One flow of a CV's HTML laid out by MuPDF's Story API, page after page, with the two
// things MuPDF 1.21's HTML engine leaves out and a CV needs:
//
// - Headings stay with what follows them. MuPDF ignores `page-break-after: avoid` and
//   does not know `break-inside`, so a page could end with an entry's heading (or a
//   section's) whose first line is on the next page. Every heading (h2, .cv-entry-head)
//   and the element after it get ids; after placing a page we ask the story where they
//   went (fz_story_positions), and when a heading made it onto the page without its
//   follower we place the page again with its bottom raised to the heading's top. The
//   Story API is made for this: a placement is only final once it is drawn.
// - A side column. MuPDF 1.21 lays out neither floats nor tables with block content side
//   by side (a table's cells overlap), so a template with an `.cv-side` element is laid out
//   as two flows on the same pages: one with everything but `.cv-main`, one with
//   everything but `.cv-side` and with `.cv-header` kept in place but invisible so that
//   both columns start below it. The template's own widths (`.cv-side { width }`,
//   `.cv-main { margin-left }`) put each column where a browser puts it.
#include <optional>
#include <string>
#include <vector>

#include "cv/mupdf_context.hpp"

namespace vitae::cv {

class StoryFlow {
  public:
    enum class Part { whole, side_column, main_column };

    StoryFlow(const MupdfContext& mupdf, const std::string& html, const std::string& css,
              Part part);

    // Lays out the next page's worth into `where` and draws it on `device`.
    void fill(fz_device* device, fz_rect where);
    bool done() const { return done_; }

  private:
    void prepare_document(Part part);
    bool place(fz_rect where);
    std::optional<float> orphaned_heading_top();

    const MupdfContext& mupdf_;
    FzPtr<fz_story, fz_drop_story> story_;
    int pairs_ = 0;  // headings with an element after them
    int drawn_ = 0;  // placements drawn so far
    bool done_ = false;
    // Where the current placement put each heading and its follower (nullopt: not on
    // this page). Sized once, so the C callback that fills them never allocates.
    std::vector<std::optional<fz_rect>> headings_;
    std::vector<std::optional<fz_rect>> followers_;
};

}  // namespace vitae::cv
