#include "core/utf8.hpp"

#include <cstdint>

namespace vitae::core {

namespace {

// Bytes in the UTF-8 sequence that lead starts, 0 when lead cannot start one.
std::size_t sequence_length(std::uint8_t lead) {
    if (lead < 0x80) {
        return 1;
    }
    if (lead >= 0xC2 && lead <= 0xDF) {
        return 2;
    }
    if (lead >= 0xE0 && lead <= 0xEF) {
        return 3;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
        return 4;
    }
    return 0;  // a continuation byte, an overlong C0/C1, or beyond U+10FFFF
}

// The range the second byte must fall in; the first byte decides it. These narrower
// ranges are what rule out overlong forms, UTF-16 surrogates and code points past
// U+10FFFF (RFC 3629, section 4).
bool second_byte_ok(std::uint8_t lead, std::uint8_t second) {
    switch (lead) {
        case 0xE0:
            return second >= 0xA0 && second <= 0xBF;
        case 0xED:
            return second >= 0x80 && second <= 0x9F;
        case 0xF0:
            return second >= 0x90 && second <= 0xBF;
        case 0xF4:
            return second >= 0x80 && second <= 0x8F;
        default:
            return second >= 0x80 && second <= 0xBF;
    }
}

}  // namespace

std::size_t utf8_sequence_at(std::string_view text, std::size_t at) {
    const auto lead = static_cast<std::uint8_t>(text[at]);
    const std::size_t length = sequence_length(lead);
    if (length == 0 || text.size() - at < length) {
        return 0;
    }
    if (length > 1 && !second_byte_ok(lead, static_cast<std::uint8_t>(text[at + 1]))) {
        return 0;
    }
    for (std::size_t k = 2; k < length; ++k) {
        const auto next = static_cast<std::uint8_t>(text[at + k]);
        if (next < 0x80 || next > 0xBF) {
            return 0;
        }
    }
    return length;
}

std::optional<std::size_t> utf8_code_points(std::string_view text) {
    std::size_t count = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t length = utf8_sequence_at(text, i);
        if (length == 0) {
            return std::nullopt;
        }
        i += length;
        ++count;
    }
    return count;
}

bool is_utf8(std::string_view text) {
    return utf8_code_points(text).has_value();
}

}  // namespace vitae::core
