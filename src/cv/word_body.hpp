#pragma once
// The body of word/document.xml, written paragraph by paragraph, and the hyperlink
// relationships it refers to. Every text and URL is made safe for XML on the way in.
#include <pugixml.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace vitae::cv {

enum class RunLook { plain, bold, not_bold, italic };

struct WordLink {
    std::string id;      // the relationship's r:id
    std::string target;  // an absolute URI
};

class WordBody;

class WordParagraph {
  public:
    WordParagraph& text(std::string_view text, RunLook look = RunLook::plain);
    // `url` must already be known to be a link we allow (http, https, mailto).
    WordParagraph& link(std::string_view text, std::string_view url);
    // Never breaks a page between this paragraph and the next.
    WordParagraph& keep_with_next();
    // An item of the list `numbering` (a w:num of numbering.xml), first level.
    WordParagraph& list_item(int numbering);

  private:
    friend class WordBody;
    WordParagraph(WordBody& body, pugi::xml_node paragraph);

    WordBody& body_;
    pugi::xml_node paragraph_;
    pugi::xml_node properties_;
};

class WordBody {
  public:
    WordBody();

    // A new paragraph in the style `style_id` (a w:styleId of styles.xml).
    WordParagraph paragraph(const char* style_id);

    std::string document_xml() const;
    const std::vector<WordLink>& links() const { return links_; }

  private:
    friend class WordParagraph;
    const std::string& link_id(std::string_view url);

    pugi::xml_document doc_;
    pugi::xml_node body_;
    pugi::xml_node section_;  // stays the body's last child, as the schema wants
    std::vector<WordLink> links_;
};

// `url` as a URI that Word and the OPC packaging rules accept: bytes outside the URI
// character set (spaces, non-ASCII, quotes, stray %) percent-encoded.
std::string uri_of(std::string_view url);

}  // namespace vitae::cv
