#pragma once
// Escaping for text placed in HTML or XML we write by hand (templates escape by themselves).
#include <string>
#include <string_view>

namespace vitae::core {

// & < > " ' as entities: safe in element text and in quoted attribute values.
std::string html_escape(std::string_view text);
// The same, appended to `out`: for pages written piece by piece.
void append_html_escaped(std::string& out, std::string_view text);

}  // namespace vitae::core
