#include "cv/word_body.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "cv/docx_xml.hpp"

namespace vitae::cv {

namespace {

void set_val(pugi::xml_node node, const char* value) {
    node.append_attribute("w:val") = value;
}

// The rPr children follow the schema's order, which Word enforces.
void add_run_properties(pugi::xml_node run, RunLook look, const char* char_style) {
    if (look == RunLook::plain && char_style == nullptr)
        return;
    auto properties = run.append_child("w:rPr");
    if (char_style != nullptr)
        set_val(properties.append_child("w:rStyle"), char_style);
    if (look == RunLook::bold)
        properties.append_child("w:b");
    if (look == RunLook::not_bold)
        set_val(properties.append_child("w:b"), "0");
    if (look == RunLook::italic)
        properties.append_child("w:i");
}

void add_run(pugi::xml_node parent, std::string_view text, RunLook look,
             const char* char_style = nullptr) {
    auto safe = xml_text(text);
    if (safe.empty())
        return;
    auto run = parent.append_child("w:r");
    add_run_properties(run, look, char_style);
    auto t = run.append_child("w:t");
    // Without it Word drops leading and trailing spaces, such as those of " | ".
    t.append_attribute("xml:space") = "preserve";
    t.text().set(safe.c_str());
}

bool is_uri_char(unsigned char c) {
    return std::isalnum(c) != 0 || std::strchr("-._~:/?#[]@!$&'()*+,;=", c) != nullptr;
}

bool is_escape_at(std::string_view url, std::size_t i) {
    return url[i] == '%' && i + 2 < url.size() &&
           std::isxdigit(static_cast<unsigned char>(url[i + 1])) != 0 &&
           std::isxdigit(static_cast<unsigned char>(url[i + 2])) != 0;
}

void add_section_properties(pugi::xml_node section) {
    // A4 with 2 cm margins, the page the HTML templates' @page rule asks for.
    auto size = section.append_child("w:pgSz");
    size.append_attribute("w:w") = "11906";
    size.append_attribute("w:h") = "16838";
    auto margins = section.append_child("w:pgMar");
    for (const char* side : {"w:top", "w:right", "w:bottom", "w:left"})
        margins.append_attribute(side) = "1134";
    for (const char* edge : {"w:header", "w:footer"})
        margins.append_attribute(edge) = "567";
    margins.append_attribute("w:gutter") = "0";
}

}  // namespace

std::string uri_of(std::string_view url) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (std::size_t i = 0; i < url.size(); ++i) {
        auto c = static_cast<unsigned char>(url[i]);
        if (is_uri_char(c) || is_escape_at(url, i)) {
            out += static_cast<char>(c);
            continue;
        }
        out += '%';
        out += kHex[c >> 4];
        out += kHex[c & 0x0F];
    }
    return out;
}

WordParagraph::WordParagraph(WordBody& body, pugi::xml_node paragraph)
    : body_(body), paragraph_(paragraph), properties_(paragraph.child("w:pPr")) {}

WordParagraph& WordParagraph::text(std::string_view text, RunLook look) {
    add_run(paragraph_, text, look);
    return *this;
}

WordParagraph& WordParagraph::link(std::string_view text, std::string_view url) {
    if (xml_text(text).empty())
        return *this;
    auto hyperlink = paragraph_.append_child("w:hyperlink");
    hyperlink.append_attribute("r:id") = body_.link_id(url).c_str();
    hyperlink.append_attribute("w:history") = "1";
    add_run(hyperlink, text, RunLook::plain, "Hyperlink");
    return *this;
}

WordParagraph& WordParagraph::keep_with_next() {
    // Right after w:pStyle: the schema orders keepNext before numPr.
    if (!properties_.child("w:keepNext"))
        properties_.insert_child_after("w:keepNext", properties_.child("w:pStyle"));
    return *this;
}

WordParagraph& WordParagraph::list_item(int numbering) {
    auto number = properties_.append_child("w:numPr");
    set_val(number.append_child("w:ilvl"), "0");
    set_val(number.append_child("w:numId"), std::to_string(numbering).c_str());
    return *this;
}

WordBody::WordBody() {
    auto document = start_part(doc_, "w:document");
    document.append_attribute("xmlns:w") = kWordNamespace;
    document.append_attribute("xmlns:r") = kRelationshipsNamespace;
    body_ = document.append_child("w:body");
    section_ = body_.append_child("w:sectPr");
    add_section_properties(section_);
}

WordParagraph WordBody::paragraph(const char* style_id) {
    auto paragraph = body_.insert_child_before("w:p", section_);
    set_val(paragraph.append_child("w:pPr").append_child("w:pStyle"), style_id);
    return WordParagraph(*this, paragraph);
}

std::string WordBody::document_xml() const {
    return xml_bytes(doc_);
}

const std::string& WordBody::link_id(std::string_view url) {
    auto target = uri_of(xml_text(url));
    auto it = std::find_if(links_.begin(), links_.end(),
                           [&](const WordLink& link) { return link.target == target; });
    if (it != links_.end())
        return it->id;
    links_.push_back({"rIdLink" + std::to_string(links_.size() + 1), std::move(target)});
    return links_.back().id;
}

}  // namespace vitae::cv
