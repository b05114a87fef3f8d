#include "auth/password_policy.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>

#include "auth/common_passwords.hpp"
#include "core/error.hpp"

using vitae::auth::PasswordPolicy;

namespace {

constexpr std::string_view kEmail = "Jane.Doe-Smith@Example.org";

// The message of the bad_request error check() throws, or "" when it accepts.
std::string rejection(std::string_view password, std::string_view email = kEmail) {
    try {
        PasswordPolicy().check(password, email);
    } catch (const vitae::Error& e) {
        CHECK(e.code() == vitae::ErrorCode::bad_request);
        return e.what();
    }
    return "";
}

constexpr const char* kTooShort = "Use at least 10 characters.";
constexpr const char* kNotUtf8 =
    "The password contains bytes that are not valid UTF-8 text; type it again.";
constexpr const char* kTooLong =
    "Use at most 1024 bytes (accented letters take 2 each, most emoji 4).";
constexpr const char* kIsEmail =
    "Do not use your email address, or the part before the @, as your password.";
constexpr const char* kTooCommon = "This password is too common; choose another.";

std::size_t code_points(std::string_view text) {
    return static_cast<std::size_t>(std::ranges::count_if(
        text, [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace

TEST_CASE("password_policy_accepts_a_long_uncommon_password") {
    CHECK(rejection("tangerine orbit lantern") == "");
    CHECK(rejection("Xk4!vR9#mQ") == "");
}

TEST_CASE("password_policy_rejects_fewer_than_10_characters") {
    CHECK(rejection("") == kTooShort);
    CHECK(rejection("abcdefghi") == kTooShort);
    CHECK(rejection("zq8!vR9#m") == kTooShort);
    CHECK(rejection("zq8!vR9#mQ") == "");
}

TEST_CASE("password_policy_counts_code_points_not_bytes") {
    // Two-, three- and four-byte characters: 10 of them pass, 9 do not, however many bytes.
    CHECK(rejection("éééééééééé") == "");            // 20 bytes
    CHECK(rejection("ééééééééé") == kTooShort);      // 18 bytes
    CHECK(rejection("日本語のパスワード大") == "");  // 30 bytes
    CHECK(rejection("日本語のパスワード") == kTooShort);
    CHECK(rejection("🔑🔒🔓🗝🚪🏠🌲🌊🔥🌙") == "");  // 10 emoji, 40 bytes
    CHECK(rejection("🔑🔒🔓🗝🚪🏠🌲🌊🔥") == kTooShort);
}

TEST_CASE("password_policy_rejects_invalid_utf8_with_its_own_message") {
    const std::string padding = "tangerine orbit ";
    const std::string bad[] = {
        "\x80",              // lone continuation byte
        "\xC3",              // truncated two-byte sequence at the end
        "\xC3(",             // lead byte without its continuation
        "\xC0\xAF",          // overlong '/'
        "\xE0\x80\xAF",      // overlong, three bytes
        "\xED\xA0\x80",      // UTF-16 surrogate
        "\xF4\x90\x80\x80",  // past U+10FFFF
        "\xF8\x88\x80\x80\x80",
        "\xFF",
    };
    for (const auto& b : bad) {
        CAPTURE(b);
        CHECK(rejection(padding + b) == kNotUtf8);
        CHECK(rejection(b + padding) == kNotUtf8);
    }
    CHECK(rejection(padding + "\xF4\x8F\xBF\xBF") == "");  // U+10FFFF itself is fine
}

TEST_CASE("password_policy_rejects_more_than_1024_bytes") {
    std::string longest;
    while (longest.size() < PasswordPolicy::kMaxBytes) {
        longest += static_cast<char>('a' + longest.size() * 7 % 26);
    }
    CHECK(rejection(longest) == "");
    CHECK(rejection(longest + "z") == kTooLong);
    CHECK(rejection(std::string(100000, 'x')) == kTooLong);
}

TEST_CASE("password_policy_rejects_the_email_and_its_local_part_ignoring_case") {
    CHECK(rejection("jane.doe-smith@example.org") == kIsEmail);
    CHECK(rejection("Jane.Doe-Smith@Example.org") == kIsEmail);
    CHECK(rejection("JANE.DOE-SMITH") == kIsEmail);
    CHECK(rejection("jane.doe-smith") == kIsEmail);
    CHECK(rejection("jane.doe-smith1") == "");
    CHECK(rejection("example.org jane") == "");
    // The last @ splits the address, so a quoted local part with an @ still counts.
    CHECK(rejection("\"a@b\".longname", "\"a@b\".longname@example.org") == kIsEmail);
    CHECK(rejection("tangerine orbit", "") == "");
}

TEST_CASE("password_policy_rejects_common_passwords_ignoring_case") {
    CHECK(rejection("1234567890") == kTooCommon);
    CHECK(rejection("qwertyuiop") == kTooCommon);
    CHECK(rejection("QwErTyUiOp") == kTooCommon);
    CHECK(rejection("Password123") == kTooCommon);
    CHECK(rejection("PASSWORDPASSWORD") == kTooCommon);
    CHECK(rejection("iloveyou12") == kTooCommon);
    CHECK(rejection("1q2w3e4r5t") == kTooCommon);
    CHECK(rejection("йцукенгшщз") == kTooCommon);
    CHECK(rejection("password123 but longer") == "");
}

TEST_CASE("common_password_list_is_sorted_lowercase_and_never_shorter_than_10") {
    const auto list = vitae::auth::common_passwords();
    CHECK(list.size() >= 100);
    CHECK(list.size() <= 2000);
    CHECK(std::ranges::is_sorted(list));
    for (const auto entry : list) {
        CAPTURE(entry);
        CHECK(code_points(entry) >= PasswordPolicy::kMinCodePoints);
        CHECK(std::ranges::none_of(entry, [](char c) { return c >= 'A' && c <= 'Z'; }));
        CHECK(vitae::auth::is_common_password(entry));
    }
    CHECK_FALSE(vitae::auth::is_common_password("tangerine orbit lantern"));
}
