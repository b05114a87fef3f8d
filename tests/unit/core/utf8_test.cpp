#include "core/utf8.hpp"

#include <doctest/doctest.h>

using vitae::core::is_utf8;
using vitae::core::utf8_code_points;

TEST_CASE("utf8_counts_code_points_of_well_formed_text") {
    CHECK(utf8_code_points("") == 0u);
    CHECK(utf8_code_points("plain") == 5u);
    CHECK(utf8_code_points("Zoë Ångström") == 12u);
    CHECK(utf8_code_points("日本") == 2u);
    CHECK(utf8_code_points("\xF0\x9F\x98\x80") == 1u);  // U+1F600, four bytes
}

TEST_CASE("utf8_refuses_ill_formed_sequences") {
    CHECK_FALSE(is_utf8("\xff\xfe"));
    CHECK_FALSE(is_utf8("\x80"));              // a lone continuation byte
    CHECK_FALSE(is_utf8("\xC0\xAF"));          // overlong '/'
    CHECK_FALSE(is_utf8("\xE0\x80\xAF"));      // overlong, three bytes
    CHECK_FALSE(is_utf8("\xED\xA0\x80"));      // a UTF-16 surrogate
    CHECK_FALSE(is_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
    CHECK_FALSE(is_utf8("ab\xE6\x97"));        // cut short
    CHECK(is_utf8("\xEF\xBB\xBFok"));          // a BOM is text
}
