#include "net/html_text.hpp"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <vector>

namespace vitae::net {

namespace {

// Gumbo 0.10 (Debian's) spends time and memory quadratic in the depth of the tree: 10 000
// nested <div>s, a 50 KB page, took 15 s and 780 MB; 40 000 took 7 minutes and 12 GB.
// So the HTML is cut before the tag that would nest deeper than this (measured: 2 000
// levels cost 0.6 s and 33 MB; real pages stay under 100).
constexpr int kMaxDepth = 1000;

bool starts_with_ci(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() &&
           std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
               return std::tolower(static_cast<unsigned char>(a)) ==
                      std::tolower(static_cast<unsigned char>(b));
           });
}

// Elements that never hold others (void) or whose end tag is optional and implied by the
// next sibling: neither deepens the tree the way an unclosed <div> does.
bool adds_no_depth(std::string_view name) {
    static constexpr std::string_view kNames[] = {
        "area",  "base",  "br",       "col",      "embed", "hr",    "img",    "input",
        "link",  "meta",  "source",   "track",    "wbr",   "param", "p",      "li",
        "dt",    "dd",    "option",   "optgroup", "tr",    "td",    "th",     "thead",
        "tbody", "tfoot", "colgroup", "rb",       "rt",    "rp",    "caption"};
    return std::ranges::find(kNames, name) != std::end(kNames);
}

// Raw-text elements: their content is not markup, so it is skipped to the end tag.
bool raw_text(std::string_view name) {
    static constexpr std::string_view kNames[] = {
        "script", "style", "textarea", "title", "xmp", "noscript", "iframe", "noembed", "noframes"};
    return std::ranges::find(kNames, name) != std::end(kNames);
}

// The longest prefix of `html` whose tags nest at most kMaxDepth deep, by a tokenizer
// that only counts (it errs towards counting deeper, never shallower).
std::string_view within_depth(std::string_view html) {
    int depth = 0;
    std::size_t i = 0;
    while ((i = html.find('<', i)) != std::string_view::npos) {
        const auto rest = html.substr(i);
        if (rest.starts_with("<!--")) {
            const auto end = html.find("-->", i + 4);
            i = end == std::string_view::npos ? html.size() : end + 3;
            continue;
        }
        const bool closing = rest.starts_with("</");
        const auto name_at = i + (closing ? 2 : 1);
        auto name_end = name_at;
        while (name_end < html.size() && std::isalnum(static_cast<unsigned char>(html[name_end])))
            ++name_end;
        const auto tag_end = html.find('>', name_end);
        if (name_end == name_at || tag_end == std::string_view::npos) {
            i = name_end == name_at ? i + 1 : html.size();
            continue;
        }
        std::string name(html.substr(name_at, name_end - name_at));
        std::ranges::transform(name, name.begin(), [](unsigned char c) { return std::tolower(c); });
        const bool self_closing = html[tag_end - 1] == '/';
        if (closing) {
            if (!adds_no_depth(name))
                depth = std::max(0, depth - 1);
        } else if (!self_closing && !adds_no_depth(name)) {
            if (++depth > kMaxDepth)
                return html.substr(0, i);
        }
        i = tag_end + 1;
        if (!closing && raw_text(name)) {
            auto close = i;
            while ((close = html.find("</", close)) != std::string_view::npos &&
                   !starts_with_ci(html.substr(close + 2), name))
                close += 2;
            i = close == std::string_view::npos ? html.size() : close;
        }
    }
    return html;
}

struct GumboOutputDeleter {
    const GumboOptions* options;
    void operator()(GumboOutput* output) const { gumbo_destroy_output(options, output); }
};

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Builds the text: runs of white space become one space, block boundaries become line
// breaks (at most one blank line in a row), nothing past the byte cap.
class TextWriter {
  public:
    explicit TextWriter(std::size_t max_bytes) : max_bytes_(max_bytes) {}

    void text(std::string_view s) {
        for (char c : s) {
            if (is_space(c)) {
                pending_space_ = !out_.empty() && out_.back() != '\n' && out_.back() != ' ';
                continue;
            }
            if (pending_space_)
                put(' ');
            pending_space_ = false;
            put(c);
        }
    }

    // Ends the current line; `blank` leaves an empty line after it (paragraphs).
    void line_break(bool blank = false) {
        pending_space_ = false;
        if (out_.empty())
            return;
        const std::size_t want = blank ? 2 : 1;
        std::size_t have = 0;
        while (have < out_.size() && out_[out_.size() - 1 - have] == '\n')
            ++have;
        for (; have < want; ++have)
            put('\n');
    }

    void bullet() {
        line_break();
        put('-');
        put(' ');
        pending_space_ = false;
    }

    bool full() const { return truncated_; }

    PageText finish(std::string title) {
        while (!out_.empty() && is_space(out_.back()))
            out_.pop_back();
        return {std::move(title), std::move(out_), truncated_};
    }

  private:
    void put(char c) {
        if (truncated_)
            return;
        if (out_.size() >= max_bytes_) {
            truncated_ = true;
            // Cut at a character boundary: drop UTF-8 continuation bytes and their lead.
            while (!out_.empty() && (static_cast<unsigned char>(out_.back()) & 0xC0) == 0x80)
                out_.pop_back();
            if (!out_.empty() && static_cast<unsigned char>(out_.back()) >= 0xC0)
                out_.pop_back();
            return;
        }
        out_ += c;
    }

    std::string out_;
    std::size_t max_bytes_;
    bool pending_space_ = false;
    bool truncated_ = false;
};

bool dropped(GumboTag tag, bool inside_content) {
    switch (tag) {
        case GUMBO_TAG_HEAD:
        case GUMBO_TAG_SCRIPT:
        case GUMBO_TAG_STYLE:
        case GUMBO_TAG_NOSCRIPT:
        case GUMBO_TAG_TEMPLATE:
        case GUMBO_TAG_SVG:
        case GUMBO_TAG_MATH:
        case GUMBO_TAG_NAV:
        case GUMBO_TAG_IFRAME:
        case GUMBO_TAG_OBJECT:
        case GUMBO_TAG_BUTTON:
        case GUMBO_TAG_SELECT:
            return true;
        // The page's banner and footer are chrome; an article's own are content.
        case GUMBO_TAG_HEADER:
        case GUMBO_TAG_FOOTER:
            return !inside_content;
        default:
            return false;
    }
}

bool paragraph(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_P:
        case GUMBO_TAG_H1:
        case GUMBO_TAG_H2:
        case GUMBO_TAG_H3:
        case GUMBO_TAG_H4:
        case GUMBO_TAG_H5:
        case GUMBO_TAG_H6:
        case GUMBO_TAG_UL:
        case GUMBO_TAG_OL:
        case GUMBO_TAG_DL:
        case GUMBO_TAG_TABLE:
        case GUMBO_TAG_PRE:
        case GUMBO_TAG_BLOCKQUOTE:
        case GUMBO_TAG_SECTION:
        case GUMBO_TAG_ARTICLE:
            return true;
        default:
            return false;
    }
}

bool block(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_MAIN:
        case GUMBO_TAG_ASIDE:
        case GUMBO_TAG_HEADER:
        case GUMBO_TAG_FOOTER:
        case GUMBO_TAG_ADDRESS:
        case GUMBO_TAG_FIGURE:
        case GUMBO_TAG_FIGCAPTION:
        case GUMBO_TAG_FORM:
        case GUMBO_TAG_FIELDSET:
        case GUMBO_TAG_TR:
        case GUMBO_TAG_DT:
        case GUMBO_TAG_DD:
        case GUMBO_TAG_BR:
        case GUMBO_TAG_HR:
        case GUMBO_TAG_CAPTION:
        case GUMBO_TAG_BODY:
            return true;
        default:
            return paragraph(tag);
    }
}

void open_element(TextWriter& out, GumboTag tag) {
    if (tag == GUMBO_TAG_LI)
        out.bullet();
    else if (block(tag))
        out.line_break(paragraph(tag));
    else if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH)
        out.text(" ");
}

void close_element(TextWriter& out, GumboTag tag) {
    if (tag == GUMBO_TAG_LI || block(tag))
        out.line_break(paragraph(tag));
}

std::string title_of(const GumboNode* root) {
    // Iterative: a hostile page nests deep enough to overflow a recursive walk.
    std::vector<const GumboNode*> stack{root};
    while (!stack.empty()) {
        const GumboNode* node = stack.back();
        stack.pop_back();
        if (node->type != GUMBO_NODE_ELEMENT)
            continue;
        const auto& element = node->v.element;
        if (element.tag == GUMBO_TAG_TITLE) {
            TextWriter title(1000);
            for (unsigned i = 0; i < element.children.length; ++i) {
                const auto* child = static_cast<const GumboNode*>(element.children.data[i]);
                if (child->type == GUMBO_NODE_TEXT)
                    title.text(child->v.text.text);
            }
            return title.finish({}).text;
        }
        if (element.tag == GUMBO_TAG_BODY)
            continue;  // <title> belongs in <head>
        for (unsigned i = element.children.length; i-- > 0;)
            stack.push_back(static_cast<const GumboNode*>(element.children.data[i]));
    }
    return {};
}

struct Frame {
    const GumboNode* node;
    unsigned next_child = 0;
    bool inside_content = false;  // under <article> or <main>
};

void write_body(const GumboNode* root, TextWriter& out) {
    std::vector<Frame> stack{{root}};
    while (!stack.empty() && !out.full()) {
        auto& frame = stack.back();
        const GumboNode* node = frame.node;
        const bool element = node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE;
        const GumboVector* children = element ? &node->v.element.children
                                      : node->type == GUMBO_NODE_DOCUMENT
                                          ? &node->v.document.children
                                          : nullptr;
        if (!children || frame.next_child >= children->length) {
            if (element)
                close_element(out, node->v.element.tag);
            stack.pop_back();
            continue;
        }
        const auto* child = static_cast<const GumboNode*>(children->data[frame.next_child++]);
        const bool inside = frame.inside_content;
        switch (child->type) {
            case GUMBO_NODE_TEXT:
            case GUMBO_NODE_CDATA:
            case GUMBO_NODE_WHITESPACE:
                out.text(child->v.text.text);
                break;
            case GUMBO_NODE_ELEMENT: {
                const GumboTag tag = child->v.element.tag;
                if (dropped(tag, inside))
                    break;
                open_element(out, tag);
                stack.push_back(
                    {child, 0, inside || tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN});
                break;
            }
            default:  // comments; templates are dropped
                break;
        }
    }
}

}  // namespace

PageText html_to_text(std::string_view html, std::size_t max_bytes) {
    const auto bounded = within_depth(html);
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;  // we never read them; a broken page must not pile them up
    std::unique_ptr<GumboOutput, GumboOutputDeleter> output(
        gumbo_parse_with_options(&options, bounded.data(), bounded.size()),
        GumboOutputDeleter{&options});
    TextWriter out(max_bytes);
    write_body(output->document, out);
    auto page = out.finish(title_of(output->root));
    page.truncated = page.truncated || bounded.size() < html.size();
    return page;
}

}  // namespace vitae::net
