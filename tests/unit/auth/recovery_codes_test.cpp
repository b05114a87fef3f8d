#include "auth/recovery_codes.hpp"

#include <doctest/doctest.h>

#include <cctype>
#include <set>
#include <string>
#include <vector>

namespace vitae::auth {
namespace {

bool has_code_format(const std::string& code) {
    // "xxxx-xxxx-xxxx" from the unambiguous alphabet.
    if (code.size() != 14 || code[4] != '-' || code[9] != '-') {
        return false;
    }
    for (std::size_t i = 0; i < code.size(); ++i) {
        if (i == 4 || i == 9) {
            continue;
        }
        if (RecoveryCodes::kAlphabet.find(code[i]) == std::string_view::npos) {
            return false;
        }
    }
    return true;
}

TEST_CASE("recovery_codes_generate_ten_unique_codes_by_default") {
    RecoveryCodeSet set = RecoveryCodes::generate();
    CHECK(set.plain.size() == 10);
    CHECK(set.hashes.size() == 10);
    CHECK(std::set<std::string>(set.plain.begin(), set.plain.end()).size() == 10);
    CHECK(std::set<std::string>(set.hashes.begin(), set.hashes.end()).size() == 10);
}

TEST_CASE("recovery_codes_generate_honours_the_count") {
    CHECK(RecoveryCodes::generate(3).plain.size() == 3);
    CHECK(RecoveryCodes::generate(0).plain.empty());
}

TEST_CASE("recovery_codes_have_three_dashed_groups_of_unambiguous_characters") {
    RecoveryCodeSet set = RecoveryCodes::generate(50);
    for (const std::string& code : set.plain) {
        CAPTURE(code);
        CHECK(has_code_format(code));
    }
}

TEST_CASE("recovery_codes_alphabet_leaves_out_look_alike_characters") {
    for (char c : std::string_view("0o1liIO")) {
        CHECK(RecoveryCodes::kAlphabet.find(c) == std::string_view::npos);
    }
    // 12 symbols of log2(31) bits each must carry at least 50 bits.
    CHECK(RecoveryCodes::kAlphabet.size() >= 19);  // 19^12 > 2^50
    CHECK(std::set<char>(RecoveryCodes::kAlphabet.begin(), RecoveryCodes::kAlphabet.end()).size() ==
          RecoveryCodes::kAlphabet.size());
}

TEST_CASE("recovery_codes_are_stored_as_sha256_hex_of_the_code") {
    RecoveryCodeSet set = RecoveryCodes::generate(2);
    for (std::size_t i = 0; i < set.plain.size(); ++i) {
        CHECK(set.hashes[i] == RecoveryCodes::hash(set.plain[i]));
        CHECK(set.hashes[i].size() == 64);
        CHECK(set.hashes[i].find_first_not_of("0123456789abcdef") == std::string::npos);
    }
    // SHA-256("abcdefghjkmn"): the hash is of the normalised code, without dashes.
    CHECK(RecoveryCodes::hash("abcd-efgh-jkmn") ==
          "ff25e0a8f930ea31f7d2fdefc87340e34d7f6849d0781d0cd87701a5301722c0");
}

TEST_CASE("recovery_codes_hash_ignores_case_spaces_and_dashes") {
    const std::string expected = RecoveryCodes::hash("abcd-efgh-ijkl");
    CHECK(RecoveryCodes::hash("ABCD EFGH-IJKL") == expected);
    CHECK(RecoveryCodes::hash("abcdefghijkl") == expected);
    CHECK(RecoveryCodes::hash(" abcd - efgh - ijkl ") == expected);
    CHECK(RecoveryCodes::hash("abcd-efgh-ijkm") != expected);
}

TEST_CASE("recovery_codes_match_returns_the_index_of_a_loosely_typed_code") {
    RecoveryCodeSet set = RecoveryCodes::generate();
    for (std::size_t i = 0; i < set.plain.size(); ++i) {
        CHECK(RecoveryCodes::match(set.hashes, set.plain[i]) == i);
    }
    std::string shouted = set.plain[7];
    for (char& c : shouted) {
        c = c == '-' ? ' ' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    CHECK(RecoveryCodes::match(set.hashes, shouted) == 7u);
    CHECK(RecoveryCodes::match(std::vector<std::string>{RecoveryCodes::hash("ABCD EFGH-IJKL")},
                               "abcd-efgh-ijkl") == 0u);
}

TEST_CASE("recovery_codes_match_finds_nothing_for_unknown_or_spent_codes") {
    RecoveryCodeSet set = RecoveryCodes::generate();
    CHECK_FALSE(RecoveryCodes::match(set.hashes, "zzzz-zzzz-zzzz").has_value());
    CHECK_FALSE(RecoveryCodes::match(set.hashes, "").has_value());
    CHECK_FALSE(RecoveryCodes::match(set.hashes, set.plain[0] + "x").has_value());
    CHECK_FALSE(RecoveryCodes::match({}, set.plain[0]).has_value());
    // A spent code's hash is removed (or blanked) by the caller; it must no longer match.
    std::vector<std::string> remaining = set.hashes;
    remaining[3].clear();
    CHECK_FALSE(RecoveryCodes::match(remaining, set.plain[3]).has_value());
    CHECK(RecoveryCodes::match(remaining, set.plain[4]) == 4u);
}

}  // namespace
}  // namespace vitae::auth
