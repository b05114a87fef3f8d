#include "core/random.hpp"

#include "core/crypto.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>

namespace vitae::core {
namespace {

bool is_url_safe(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
}

TEST_CASE("random_bytes_returns_exactly_the_requested_length") {
    CHECK(random_bytes(0).empty());
    CHECK(random_bytes(1).size() == 1);
    CHECK(random_bytes(32).size() == 32);
    // Above 256 bytes getrandom may return short reads; the helper must loop.
    CHECK(random_bytes(4096).size() == 4096);
}

TEST_CASE("random_bytes_differ_between_calls") {
    CHECK(random_bytes(32) != random_bytes(32));
}

TEST_CASE("random_bytes_use_every_byte_value_over_a_large_sample") {
    std::set<unsigned char> seen;
    for (char c : random_bytes(64 * 1024)) {
        seen.insert(static_cast<unsigned char>(c));
    }
    CHECK(seen.size() == 256);
}

TEST_CASE("random_token_has_unpadded_base64_length") {
    CHECK(random_token(0).empty());
    CHECK(random_token(1).size() == 2);
    CHECK(random_token(2).size() == 3);
    CHECK(random_token(3).size() == 4);
    CHECK(random_token(16).size() == 22);
    CHECK(random_token(32).size() == 43);
    for (std::size_t n : {0, 1, 2, 3, 16, 32, 33})
        CHECK(vitae::core::random_token_length(n) == random_token(n).size());
}

TEST_CASE("random_token_uses_only_the_url_safe_alphabet") {
    std::set<char> seen;
    for (int i = 0; i < 200; ++i) {
        for (char c : random_token(33)) {
            REQUIRE(is_url_safe(c));
            seen.insert(c);
        }
    }
    // 200 * 44 characters should exercise '-' and '_' (the URL-safe ones) and most others.
    CHECK(seen.count('-') == 1);
    CHECK(seen.count('_') == 1);
    CHECK(seen.size() > 60);
}

TEST_CASE("random_token_two_tokens_differ") {
    CHECK(random_token(32) != random_token(32));
}

TEST_CASE("random_hex_encodes_bytes_as_lowercase_pairs") {
    CHECK(hex("") == "");
    CHECK(hex(std::string("\x00\x01\x7f\x80\xff", 5)) == "00017f80ff");
    CHECK(hex("Vitae") == "5669746165");
}

}  // namespace
}  // namespace vitae::core
