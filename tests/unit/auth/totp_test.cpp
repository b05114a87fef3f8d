#include "auth/totp.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <set>
#include <string>

#include "core/error.hpp"

namespace vitae::auth {
namespace {

// RFC 6238 Appendix B: the SHA-1 seed is the ASCII string "12345678901234567890".
constexpr std::string_view kRfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

bool is_base32(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7');
}

TEST_CASE("totp_code_at_matches_rfc6238_sha1_vectors") {
    Totp totp;
    // The RFC lists 8-digit codes; a 6-digit code is the same value mod 10^6, i.e. the
    // last six digits (94287082 -> 287082).
    CHECK(totp.code_at(kRfcSecret, 59) == "287082");
    CHECK(totp.code_at(kRfcSecret, 1111111109) == "081804");
    CHECK(totp.code_at(kRfcSecret, 1111111111) == "050471");
    CHECK(totp.code_at(kRfcSecret, 1234567890) == "005924");
    CHECK(totp.code_at(kRfcSecret, 2000000000) == "279037");
    CHECK(totp.code_at(kRfcSecret, 20000000000) == "353130");
}

TEST_CASE("totp_code_at_is_the_same_throughout_a_step") {
    Totp totp;
    CHECK(totp.code_at(kRfcSecret, 30) == totp.code_at(kRfcSecret, 59));
    CHECK(totp.code_at(kRfcSecret, 59) != totp.code_at(kRfcSecret, 60));
}

TEST_CASE("totp_code_at_rejects_a_corrupt_secret_and_times_before_1970") {
    Totp totp;
    CHECK_THROWS_AS((void)totp.code_at("not base32!", 59), Error);
    CHECK_THROWS_AS((void)totp.code_at("", 59), Error);
    CHECK_THROWS_AS((void)totp.code_at(kRfcSecret, -1), Error);
}

TEST_CASE("totp_new_secret_is_160_bits_of_unpadded_base32") {
    std::string secret = Totp::new_secret();
    CHECK(secret.size() == 32);  // 20 bytes * 8 / 5
    for (char c : secret) {
        CHECK(is_base32(c));
    }
    Totp totp;
    CHECK(totp.code_at(secret, 1700000000).size() == 6);
}

TEST_CASE("totp_new_secret_differs_each_time") {
    std::set<std::string> secrets;
    for (int i = 0; i < 20; ++i) {
        secrets.insert(Totp::new_secret());
    }
    CHECK(secrets.size() == 20);
}

TEST_CASE("totp_verify_returns_the_step_of_the_current_code") {
    Totp totp;
    CHECK(totp.verify(kRfcSecret, "050471", 1111111111, std::nullopt) == 1111111111 / 30);
    CHECK(totp.verify(kRfcSecret, "287082", 59, std::nullopt) == 1);
}

TEST_CASE("totp_verify_accepts_a_code_until_the_last_second_of_the_next_step") {
    Totp totp;
    const std::int64_t step = 1234567890 / 30;
    const std::string code = totp.code_at(kRfcSecret, step * 30);
    CHECK(totp.verify(kRfcSecret, code, step * 30, std::nullopt) == step);
    CHECK(totp.verify(kRfcSecret, code, (step + 2) * 30 - 1, std::nullopt) == step);
    CHECK_FALSE(totp.verify(kRfcSecret, code, (step + 2) * 30, std::nullopt).has_value());
}

TEST_CASE("totp_verify_accepts_the_next_step_but_not_two_ahead") {
    Totp totp;
    const std::int64_t step = 2000000000 / 30;
    const std::string next = totp.code_at(kRfcSecret, (step + 1) * 30);
    const std::string after_next = totp.code_at(kRfcSecret, (step + 2) * 30);
    CHECK(totp.verify(kRfcSecret, next, step * 30, std::nullopt) == step + 1);
    CHECK_FALSE(totp.verify(kRfcSecret, after_next, step * 30, std::nullopt).has_value());
}

TEST_CASE("totp_verify_accepts_the_previous_step_and_refuses_two_back") {
    Totp totp;
    const std::int64_t step = 2000000000 / 30;
    const std::string previous = totp.code_at(kRfcSecret, (step - 1) * 30);
    const std::string two_back = totp.code_at(kRfcSecret, (step - 2) * 30);
    REQUIRE(previous != totp.code_at(kRfcSecret, step * 30));
    CHECK(totp.verify(kRfcSecret, previous, step * 30 + 15, std::nullopt) == step - 1);
    CHECK_FALSE(totp.verify(kRfcSecret, two_back, step * 30 + 15, std::nullopt).has_value());
}

TEST_CASE("totp_verify_refuses_a_replayed_step") {
    Totp totp;
    const std::int64_t now = 1111111111;
    const std::string code = totp.code_at(kRfcSecret, now);
    std::optional<std::int64_t> used = totp.verify(kRfcSecret, code, now, std::nullopt);
    REQUIRE(used.has_value());
    // Same code again, seconds later and still inside the window: refused.
    CHECK_FALSE(totp.verify(kRfcSecret, code, now + 5, used).has_value());
    // An older step's code is refused too once a newer one was used.
    const std::string previous = totp.code_at(kRfcSecret, now - 30);
    CHECK_FALSE(totp.verify(kRfcSecret, previous, now, used).has_value());
    // The next step's code is still fine.
    const std::string next = totp.code_at(kRfcSecret, now + 30);
    CHECK(totp.verify(kRfcSecret, next, now + 30, used) == *used + 1);
}

TEST_CASE("totp_verify_ignores_spaces_in_the_code") {
    Totp totp;
    CHECK(totp.verify(kRfcSecret, "050 471", 1111111111, std::nullopt).has_value());
    CHECK(totp.verify(kRfcSecret, " 050471 ", 1111111111, std::nullopt).has_value());
}

TEST_CASE("totp_verify_refuses_malformed_codes") {
    Totp totp;
    const std::int64_t now = 1111111111;
    for (std::string_view bad : {"", "05047", "0504711", "05047a", "050-471", "+50471", "０50471",
                                 "050471\n", "         "}) {
        CAPTURE(bad);
        CHECK_FALSE(totp.verify(kRfcSecret, bad, now, std::nullopt).has_value());
    }
}

TEST_CASE("totp_verify_refuses_a_wrong_code") {
    Totp totp;
    CHECK_FALSE(totp.verify(kRfcSecret, "050472", 1111111111, std::nullopt).has_value());
}

TEST_CASE("totp_otpauth_uri_has_the_authenticator_app_fields") {
    CHECK(Totp::otpauth_uri("Vitae", "ada", "JBSWY3DPEHPK3PXP") ==
          "otpauth://totp/Vitae:ada?secret=JBSWY3DPEHPK3PXP&issuer=Vitae"
          "&algorithm=SHA1&digits=6&period=30");
}

TEST_CASE("totp_otpauth_uri_percent_encodes_spaces_at_signs_and_colons") {
    CHECK(Totp::otpauth_uri("My CV: Ada", "ada@example.org", "JBSWY3DPEHPK3PXP") ==
          "otpauth://totp/My%20CV%3A%20Ada:ada%40example.org?secret=JBSWY3DPEHPK3PXP"
          "&issuer=My%20CV%3A%20Ada&algorithm=SHA1&digits=6&period=30");
    CHECK(Totp::otpauth_uri("a&b=c", "x/y?z#é", "AB") ==
          "otpauth://totp/a%26b%3Dc:x%2Fy%3Fz%23%C3%A9?secret=AB&issuer=a%26b%3Dc"
          "&algorithm=SHA1&digits=6&period=30");
}

}  // namespace
}  // namespace vitae::auth
