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

// Bytes in the well-formed UTF-8 sequence that starts at text[at], 0 when none does.
std::size_t utf8_sequence_at(std::string_view text, std::size_t at);

}  // namespace vitae::core
