#include "cv/import/docx_extract.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <string>

#include "core/error.hpp"
#include "cv/import/line_builder.hpp"
#include "cv/import/zip_reader.hpp"

namespace vitae::cv {

namespace {

constexpr std::string_view kWordNamespace =
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const std::string kDocumentPart = "word/document.xml";
const std::string kStylesPart = "word/styles.xml";
// basedOn chains longer than this are a loop in a hostile file.
constexpr int kMaxStyleDepth = 16;

// A run of only a space (<w:t xml:space="preserve"> </w:t>) separates words: keep it.
// pugixml expands no DTD entities, so a billion-laughs part expands nothing; its size is
// bounded by the zip limits.
constexpr unsigned kParseOptions = pugi::parse_default | pugi::parse_ws_pcdata_single;

const char* const kDamaged =
    "This DOCX file could not be read: its text part is damaged. Open it in your word "
    "processor, save it again as DOCX and upload the new copy.";

// Element names with the prefix the file binds to WordprocessingML ("w" in every file we
// have seen, but the prefix is the file's choice).
class Names {
  public:
    explicit Names(const pugi::xml_node& root) {
        for (const auto& attr : root.attributes()) {
            std::string_view name = attr.name();
            if (name.starts_with("xmlns:") && kWordNamespace == attr.value()) {
                prefix_ = std::string(name.substr(6)) + ":";
                return;
            }
        }
        prefix_ = "w:";
    }
    std::string operator()(std::string_view local) const { return prefix_ + std::string(local); }
    bool is(const pugi::xml_node& node, std::string_view local) const {
        std::string_view name = node.name();
        return name.size() == prefix_.size() + local.size() && name.starts_with(prefix_) &&
               name.substr(prefix_.size()) == local;
    }

  private:
    std::string prefix_;
};

// An on/off property (w:b): present means on unless w:val says 0, false or off.
std::optional<bool> toggle(const pugi::xml_node& props, const Names& w, std::string_view local) {
    auto node = props.child(w(local).c_str());
    if (!node)
        return std::nullopt;
    std::string_view val = node.attribute(w("val").c_str()).value();
    return !(val == "0" || val == "false" || val == "off");
}

std::optional<float> half_points(const pugi::xml_node& props, const Names& w) {
    auto node = props.child(w("sz").c_str());
    if (!node)
        return std::nullopt;
    const int half = node.attribute(w("val").c_str()).as_int(0);
    if (half <= 0 || half > 3276)
        return std::nullopt;
    return static_cast<float>(half) / 2;
}

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

struct Style {
    std::string name;  // lower case
    std::string based_on;
    std::optional<bool> bold;
    std::optional<float> size;
    bool numbered = false;
    bool outline = false;
};

// What a paragraph or run inherits from its style, after following basedOn.
struct Resolved {
    bool heading = false;
    bool list = false;
    bool bold = false;
    float size = 0;
};

class Styles {
  public:
    Styles(const std::string& xml, const Names& document_names) : w_(document_names) {
        pugi::xml_document doc;
        if (xml.empty() || !doc.load_buffer(xml.data(), xml.size(), kParseOptions))
            return;  // without styles, direct formatting still tells a lot
        auto root = doc.document_element();
        Names w(root);
        w_ = w;
        auto defaults = root.child(w("docDefaults").c_str());
        auto rpr = defaults.child(w("rPrDefault").c_str()).child(w("rPr").c_str());
        default_size_ = half_points(rpr, w).value_or(0);
        // The iterator keeps the name's pointer: the string must outlive the loop.
        const std::string style_tag = w("style");
        for (auto node : root.children(style_tag.c_str())) {
            Style style;
            std::string id = node.attribute(w("styleId").c_str()).value();
            style.name = lower(node.child(w("name").c_str()).attribute(w("val").c_str()).value());
            style.based_on = node.child(w("basedOn").c_str()).attribute(w("val").c_str()).value();
            auto run = node.child(w("rPr").c_str());
            style.bold = toggle(run, w, "b");
            style.size = half_points(run, w);
            auto para = node.child(w("pPr").c_str());
            style.numbered = static_cast<bool>(para.child(w("numPr").c_str()));
            style.outline = static_cast<bool>(para.child(w("outlineLvl").c_str()));
            std::string_view type = node.attribute(w("type").c_str()).value();
            if (type == "paragraph" && node.attribute(w("default").c_str()).as_bool())
                default_paragraph_ = id;
            styles_[id] = std::move(style);
        }
    }

    const std::string& default_paragraph() const { return default_paragraph_; }
    float default_size() const { return default_size_; }

    Resolved resolve(const std::string& id) const {
        Resolved out;
        std::optional<bool> bold;
        std::optional<float> size;
        std::string current = id;
        for (int depth = 0; depth < kMaxStyleDepth && !current.empty(); ++depth) {
            auto it = styles_.find(current);
            if (it == styles_.end())
                break;
            const Style& style = it->second;
            out.heading = out.heading || is_heading_name(style.name) || style.outline;
            out.list = out.list || style.numbered || style.name.starts_with("list");
            if (!bold)
                bold = style.bold;
            if (!size)
                size = style.size;
            current = style.based_on;
        }
        out.bold = bold.value_or(false);
        out.size = size.value_or(0);
        return out;
    }

  private:
    // Word keeps the English built-in names in styles.xml whatever the interface language.
    static bool is_heading_name(const std::string& name) {
        return name == "title" || name == "subtitle" || name.starts_with("heading");
    }

    Names w_;
    std::map<std::string, Style> styles_;
    std::string default_paragraph_;
    float default_size_ = 0;
};

// One paragraph's text, split at line breaks, with bold and size counted per letter.
struct ParagraphText {
    std::vector<std::string> lines{""};
    std::map<float, std::size_t> sizes;
    std::size_t letters = 0;
    std::size_t bold_letters = 0;
};

class Walker {
  public:
    Walker(const Names& w, const Styles& styles, TextDocument& doc)
        : w_(w), styles_(styles), builder_(doc) {}

    // Paragraphs anywhere below `node`, in document order; a text box's paragraphs come
    // after the paragraph that anchors it.
    void walk(const pugi::xml_node& node) {
        for (auto child : node.children()) {
            if (w_.is(child, "p")) {
                paragraph(child);
            } else if (std::string_view(child.name()) == "mc:Fallback") {
                continue;  // the VML copy of a text box already read in mc:Choice
            } else {
                walk(child);
            }
        }
    }

  private:
    void paragraph(const pugi::xml_node& p) {
        auto ppr = p.child(w_("pPr").c_str());
        std::string style_id = ppr.child(w_("pStyle").c_str()).attribute(w_("val").c_str()).value();
        if (style_id.empty())
            style_id = styles_.default_paragraph();
        const Resolved style = styles_.resolve(style_id);
        auto num = ppr.child(w_("numPr").c_str());
        const bool numbered =
            num && num.child(w_("numId").c_str()).attribute(w_("val").c_str()).as_int(1) != 0;
        ParagraphText text;
        std::vector<pugi::xml_node> boxes;
        collect(p, style, text, boxes);
        float size = 0;
        std::size_t best = 0;
        for (const auto& [points, count] : text.sizes) {
            if (count > best) {
                best = count;
                size = points;
            }
        }
        const bool bold = text.letters > 0 && text.bold_letters * 2 > text.letters;
        const bool heading =
            style.heading || static_cast<bool>(ppr.child(w_("outlineLvl").c_str()));
        bool first = true;
        for (auto& line : text.lines) {
            TextLine out;
            out.text = std::move(line);
            out.size = size;
            out.bold = bold;
            out.heading = heading;
            out.bullet = numbered || style.list;
            out.paragraph_start = first;
            first = out.text.find_first_not_of(" \t") == std::string::npos && first;
            builder_.add(std::move(out), false);
        }
        builder_.end_block();
        for (const auto& box : boxes)
            walk(box);
    }

    // The runs of a paragraph, including those inside hyperlinks, fields and content controls.
    void collect(const pugi::xml_node& node, const Resolved& style, ParagraphText& text,
                 std::vector<pugi::xml_node>& boxes) {
        for (auto child : node.children()) {
            std::string_view name = child.name();
            if (w_.is(child, "txbxContent")) {
                boxes.push_back(child);
            } else if (name == "mc:Fallback" || w_.is(child, "pPr") || w_.is(child, "del")) {
                continue;
            } else if (w_.is(child, "r")) {
                run(child, style, text, boxes);
            } else {
                collect(child, style, text, boxes);
            }
        }
    }

    void run(const pugi::xml_node& r, const Resolved& style, ParagraphText& text,
             std::vector<pugi::xml_node>& boxes) {
        auto rpr = r.child(w_("rPr").c_str());
        std::string run_style =
            rpr.child(w_("rStyle").c_str()).attribute(w_("val").c_str()).value();
        const Resolved character = styles_.resolve(run_style);
        const bool bold = toggle(rpr, w_, "b").value_or(character.bold || style.bold);
        float size = half_points(rpr, w_).value_or(0);
        if (size == 0)
            size = character.size > 0 ? character.size : style.size;
        if (size == 0)
            size = styles_.default_size();
        for (auto child : r.children()) {
            if (w_.is(child, "t")) {
                std::string_view value = child.text().get();
                text.lines.back() += value;
                std::size_t letters = 0;
                for (char c : value)
                    letters += (c != ' ' && (static_cast<unsigned char>(c) & 0xC0) != 0x80);
                text.letters += letters;
                text.bold_letters += bold ? letters : 0;
                if (size > 0)
                    text.sizes[size] += letters;
            } else if (w_.is(child, "tab") || w_.is(child, "ptab")) {
                text.lines.back() += '\t';
            } else if (w_.is(child, "br") || w_.is(child, "cr")) {
                text.lines.emplace_back();
            } else if (w_.is(child, "noBreakHyphen")) {
                text.lines.back() += '-';
            } else if (std::string_view(child.name()) != "mc:Fallback" && !w_.is(child, "rPr")) {
                collect(child, style, text, boxes);  // drawings holding text boxes
            }
        }
    }

    const Names& w_;
    const Styles& styles_;
    LineBuilder builder_;
};

pugi::xml_document parse_part(const std::string& xml) {
    pugi::xml_document doc;
    if (!doc.load_buffer(xml.data(), xml.size(), kParseOptions))
        throw Error(ErrorCode::bad_request, kDamaged);
    return doc;
}

}  // namespace

TextDocument extract_docx(std::string_view bytes, const ImportLimits& limits) {
    ZipReader zip(bytes, limits);
    if (!zip.contains(kDocumentPart)) {
        throw Error(ErrorCode::unsupported_media,
                    "This zip file is not a Word document (it has no word/document.xml). "
                    "Upload the CV as DOCX, PDF, JSON Resume or plain text.");
    }
    auto parts = zip.read({kDocumentPart, kStylesPart});
    auto doc = parse_part(parts[kDocumentPart]);
    auto root = doc.document_element();
    Names w(root);
    Styles styles(parts[kStylesPart], w);
    TextDocument out;
    Walker walker(w, styles, out);
    walker.walk(root.child(w("body").c_str()));
    if (out.lines.empty()) {
        throw Error(ErrorCode::bad_request,
                    "No text found in this DOCX file. If the CV is a picture inside the "
                    "document, Vitae cannot read it (it has no OCR): upload a file with the "
                    "text itself.");
    }
    return out;
}

}  // namespace vitae::cv
