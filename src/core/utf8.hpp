#pragma once
// Checking text from the outside world is well-formed UTF-8 (RFC 3629) before it is
// stored or shown.
#include <cstddef>
#include <optional>
#include <string_view>

namespace vitae::core {

// Number of code points in text; nothing when it is not well-formed UTF-8 (overlong forms,
// surrogates and code points past U+10FFFF included).
std::optional<std::size_t> utf8_code_points(std::string_view text);

bool is_valid_utf8(std::string_view text);

}  // namespace vitae::core
