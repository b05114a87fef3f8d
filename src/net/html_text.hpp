#pragma once
// A web page reduced to its readable text, for a job advert fetched by URL: scripts,
// styles, navigation and page chrome dropped, blocks on lines of their own, list items
// as "- ", entities decoded (gumbo), whitespace collapsed, the <title> kept apart.
#include <cstddef>
#include <string>
#include <string_view>

namespace vitae::net {

struct PageText {
    std::string title;
    std::string text;
    bool truncated = false;  // text was cut at max_bytes
};

// Never throws on bad HTML: any bytes give some text. Output is UTF-8 (gumbo replaces
// invalid sequences). `max_bytes` caps the text, cut at a character boundary.
PageText html_to_text(std::string_view html, std::size_t max_bytes = 100 * 1024);

}  // namespace vitae::net
