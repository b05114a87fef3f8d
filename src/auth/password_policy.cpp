#include "auth/password_policy.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>

#include "auth/common_passwords.hpp"
#include "core/error.hpp"

namespace vitae::auth {

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

// Number of code points in text, nullopt when it is not well-formed UTF-8.
std::optional<std::size_t> count_code_points(std::string_view text) {
    std::size_t count = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<std::uint8_t>(text[i]);
        const std::size_t length = sequence_length(lead);
        if (length == 0 || text.size() - i < length) {
            return std::nullopt;
        }
        if (length > 1 && !second_byte_ok(lead, static_cast<std::uint8_t>(text[i + 1]))) {
            return std::nullopt;
        }
        for (std::size_t k = 2; k < length; ++k) {
            const auto next = static_cast<std::uint8_t>(text[i + k]);
            if (next < 0x80 || next > 0xBF) {
                return std::nullopt;
            }
        }
        i += length;
        ++count;
    }
    return count;
}

bool equals_ignoring_ascii_case(std::string_view a, std::string_view b) {
    const auto lower = [](char c) {
        return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    };
    return std::ranges::equal(a, b, {}, lower, lower);
}

bool matches_email(std::string_view password, std::string_view email) {
    if (email.empty()) {
        return false;
    }
    // The last @ separates the domain: a quoted local part may itself contain one.
    const std::string_view local = email.substr(0, email.rfind('@'));
    return equals_ignoring_ascii_case(password, email) ||
           (!local.empty() && equals_ignoring_ascii_case(password, local));
}

[[noreturn]] void reject(const std::string& message) {
    throw Error(ErrorCode::bad_request, message);
}

}  // namespace

void PasswordPolicy::check(std::string_view password, std::string_view email) const {
    // Bytes first: it bounds the work of every later rule.
    if (password.size() > kMaxBytes) {
        reject("Use at most " + std::to_string(PasswordPolicy::kMaxBytes) +
               " bytes (accented letters take 2 each, most emoji 4).");
    }
    const auto code_points = count_code_points(password);
    if (!code_points) {
        reject("The password contains bytes that are not valid UTF-8 text; type it again.");
    }
    if (*code_points < kMinCodePoints) {
        reject("Use at least " + std::to_string(kMinCodePoints) + " characters.");
    }
    if (matches_email(password, email)) {
        reject("Do not use your email address, or the part before the @, as your password.");
    }
    if (is_common_password(password)) {
        reject("This password is too common; choose another.");
    }
}

}  // namespace vitae::auth
