#pragma once
// Well-formed UTF-8 (RFC 3629): what every text we store, render or send as JSON must be.
#include <cstddef>
#include <optional>
#include <string_view>

namespace vitae::core {

// Number of code points in text, nullopt when it is not well-formed UTF-8 (overlong
// forms, UTF-16 surrogates and code points past U+10FFFF included).
std::optional<std::size_t> utf8_code_points(std::string_view text);

bool is_utf8(std::string_view text);

}  // namespace vitae::core
