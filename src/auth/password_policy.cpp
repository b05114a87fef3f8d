#include "auth/password_policy.hpp"

#include <algorithm>
#include <string>

#include "auth/common_passwords.hpp"
#include "core/error.hpp"
#include "core/utf8.hpp"

namespace vitae::auth {

namespace {

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
    const auto code_points = core::utf8_code_points(password);
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
