#include "cv/story_flow.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace vitae::cv {

namespace {

// The font size `em` means where the stylesheet sets none; every template sets its own.
constexpr float kBaseFontSize = 12;
// How often one page is placed again to move an orphaned heading down. Each retry moves
// the page's end up past at least one heading; a page has few headings at its foot.
constexpr int kMaxRetries = 8;
// The new end of a page sits this far above the heading it pushes down. MuPDF 1.21 lays
// out the whole rest of the story as if it fitted when the bottom of the rectangle falls
// exactly on the top of a box.
constexpr float kCutAbove = 0.5f;

constexpr const char* kHeadingId = "vitae-keep-";
constexpr const char* kFollowerId = "vitae-next-";

// The DOM helpers below run inside MupdfContext::call: plain C calls only. Text nodes
// have no children (asking one for its first child reads garbage in MuPDF 1.21).

fz_xml* first_child(fz_context* ctx, fz_xml* node) {
    return fz_xml_tag(node) ? fz_dom_first_child(ctx, node) : nullptr;
}

bool has_class(fz_xml* node, const char* name) {
    if (!fz_xml_tag(node))
        return false;  // a text node
    // Not fz_dom_attribute: in MuPDF 1.21 it never returns when an element's first
    // attribute is not the one asked for.
    const char* classes = fz_xml_att(node, "class");
    if (!classes)
        return false;
    const std::size_t length = std::strlen(name);
    for (const char* at = std::strstr(classes, name); at; at = std::strstr(at + length, name)) {
        const bool starts = at == classes || at[-1] == ' ';
        const bool ends = at[length] == '\0' || at[length] == ' ';
        if (starts && ends)
            return true;
    }
    return false;
}

fz_xml* find_class(fz_context* ctx, fz_xml* node, const char* name) {
    for (; node; node = fz_dom_next(ctx, node)) {
        if (has_class(node, name))
            return node;
        if (fz_xml* found = find_class(ctx, first_child(ctx, node), name))
            return found;
    }
    return nullptr;
}

fz_xml* next_element(fz_context* ctx, fz_xml* node) {
    for (node = fz_dom_next(ctx, node); node; node = fz_dom_next(ctx, node)) {
        if (fz_xml_tag(node))
            return node;
    }
    return nullptr;
}

bool is_heading(fz_xml* node) {
    const char* tag = fz_xml_tag(node);
    return tag && (std::strcmp(tag, "h2") == 0 || has_class(node, "cv-entry-head"));
}

void set_id(fz_context* ctx, fz_xml* node, const char* prefix, int number) {
    char id[32];
    std::snprintf(id, sizeof id, "%s%d", prefix, number);
    fz_dom_add_attribute(ctx, node, "id", id);
}

// Gives every heading that has an element after it, and that element, ids numbered from
// `next`. Returns the next free number.
int mark_headings(fz_context* ctx, fz_xml* node, int next) {
    for (; node; node = fz_dom_next(ctx, node)) {
        if (is_heading(node)) {
            if (fz_xml* follower = next_element(ctx, node)) {
                set_id(ctx, node, kHeadingId, next);
                set_id(ctx, follower, kFollowerId, next);
                ++next;
            }
        }
        next = mark_headings(ctx, first_child(ctx, node), next);
    }
    return next;
}

struct Positions {
    int rectangle;  // the placement being asked about, counted from 1
    std::vector<std::optional<fz_rect>>* headings;
    std::vector<std::optional<fz_rect>>* followers;
};

// Called by MuPDF (C) for every element with an id or a heading level: must not throw.
void record_position(fz_context*, void* arg, const fz_story_element_position* element) {
    auto* positions = static_cast<Positions*>(arg);
    if (!element->id || element->rectangle_num != positions->rectangle ||
        !(element->open_close & 1))
        return;
    auto* slots = positions->headings;
    std::size_t prefix = std::strlen(kHeadingId);
    if (std::strncmp(element->id, kFollowerId, std::strlen(kFollowerId)) == 0) {
        slots = positions->followers;
        prefix = std::strlen(kFollowerId);
    } else if (std::strncmp(element->id, kHeadingId, prefix) != 0) {
        return;
    }
    const char* number = element->id + prefix;
    const long index = std::strtol(number, nullptr, 10);
    if (index >= 0 && static_cast<std::size_t>(index) < slots->size())
        (*slots)[static_cast<std::size_t>(index)] = element->rect;
}

}  // namespace

StoryFlow::StoryFlow(const MupdfContext& mupdf, const std::string& html, const std::string& css,
                     Part part)
    : mupdf_(mupdf), story_(mupdf) {
    fz_context* ctx = mupdf.get();
    FzPtr<fz_buffer, fz_drop_buffer> buffer(mupdf);
    mupdf.call("PDF export: reading the template", [&] {
        buffer.reset(fz_new_buffer_from_copied_data(
            ctx, reinterpret_cast<const unsigned char*>(html.data()), html.size()));
        story_.reset(fz_new_story(ctx, buffer.get(), css.c_str(), kBaseFontSize, nullptr));
    });
    prepare_document(part);
    headings_.assign(static_cast<std::size_t>(pairs_), std::nullopt);
    followers_.assign(static_cast<std::size_t>(pairs_), std::nullopt);
}

void StoryFlow::prepare_document(Part part) {
    fz_context* ctx = mupdf_.get();
    int pairs = 0;
    mupdf_.call("PDF export: preparing the template", [&] {
        fz_xml* body = fz_dom_body(ctx, fz_story_document(ctx, story_.get()));
        if (part == Part::side_column) {
            if (fz_xml* main = find_class(ctx, body, "cv-main"))
                fz_dom_remove(ctx, main);
        }
        if (part == Part::main_column) {
            if (fz_xml* side = find_class(ctx, body, "cv-side"))
                fz_dom_remove(ctx, side);
            if (fz_xml* header = find_class(ctx, body, "cv-header"))
                fz_dom_add_attribute(ctx, header, "style", "visibility:hidden");
        }
        pairs = mark_headings(ctx, first_child(ctx, body), 0);
    });
    pairs_ = pairs;
}

bool StoryFlow::place(fz_rect where) {
    fz_context* ctx = mupdf_.get();
    std::fill(headings_.begin(), headings_.end(), std::nullopt);
    std::fill(followers_.begin(), followers_.end(), std::nullopt);
    Positions positions{drawn_ + 1, &headings_, &followers_};
    const bool ask = pairs_ > 0;
    int more = 0;
    mupdf_.call("PDF export: laying out a page", [&] {
        fz_rect filled;
        more = fz_place_story(ctx, story_.get(), where, &filled);
        if (more && ask)
            fz_story_positions(ctx, story_.get(), record_position, &positions);
    });
    return more != 0;
}

// The top of the highest heading on this page whose follower did not make it onto the
// page (or only its empty box did).
std::optional<float> StoryFlow::orphaned_heading_top() {
    std::optional<float> top;
    for (std::size_t i = 0; i < headings_.size(); ++i) {
        if (!headings_[i])
            continue;
        const auto& follower = followers_[i];
        if (follower && follower->y1 > follower->y0)
            continue;
        top = std::min(top.value_or(headings_[i]->y0), headings_[i]->y0);
    }
    return top;
}

void StoryFlow::fill(fz_device* device, fz_rect where) {
    fz_rect rect = where;
    bool more = place(rect);
    for (int retry = 0; more && retry < kMaxRetries; ++retry) {
        auto top = orphaned_heading_top();
        // A heading at the very top that cannot keep its follower on this page would not
        // keep it on the next one either: let that one break.
        if (!top || *top <= where.y0 + 1)
            break;
        rect.y1 = *top - kCutAbove;
        more = place(rect);
    }
    fz_context* ctx = mupdf_.get();
    mupdf_.call("PDF export: drawing a page",
                [&] { fz_draw_story(ctx, story_.get(), device, fz_identity); });
    ++drawn_;
    done_ = !more;
}

}  // namespace vitae::cv
