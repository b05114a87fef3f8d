#include "cv/to_unicode_ligatures.hpp"

#include <doctest/doctest.h>

#include <string>

namespace vitae::cv {
namespace {

// The shape MuPDF 1.21 writes: bfrange and bfchar blocks of one mapping per line.
const std::string kHeader =
    "/CIDInit /ProcSet findresource begin\n"
    "12 dict begin\n"
    "begincmap\n"
    "/CMapName /Adobe-Identity-UCS def\n"
    "1 begincodespacerange\n"
    "<0000> <ffff>\n"
    "endcodespacerange\n";
const std::string kCmap = kHeader +
                          "3 beginbfrange\n"
                          "<0001> <0007> <0020>\n"
                          "<006c> <006f> <fb00>\n"
                          "<0070> <0072> <fafe>\n"
                          "endbfrange\n"
                          "3 beginbfchar\n"
                          "<0008> <2019>\n"
                          "<00e6> <fb04>\n"
                          "<00e7> <fb05>\n"
                          "endbfchar\n"
                          "endcmap\n";

TEST_CASE("ligature_glyphs_map_to_their_letters_and_nothing_else_changes") {
    const std::string fixed = spell_out_ligatures(kCmap);
    const std::string expected = kHeader +
                                 "3 beginbfrange\n"
                                 "<0001> <0007> <0020>\n"
                                 "<006c> <006f> [<00660066> <00660069> <0066006c> <006600660069>]\n"
                                 "<0070> <0072> [<fafe> <faff> <00660066>]\n"
                                 "endbfrange\n"
                                 "3 beginbfchar\n"
                                 "<0008> <2019>\n"
                                 "<00e6> <00660066006c>\n"
                                 "<00e7> <fb05>\n"
                                 "endbfchar\n"
                                 "endcmap\n";
    CHECK(fixed == expected);
}

TEST_CASE("a_cmap_without_ligatures_or_with_unexpected_lines_is_kept_byte_for_byte") {
    const std::string plain =
        "2 beginbfrange\n<0001> <0002> <0041>\n<0003> <0004> [<0061> <0062>]\nendbfrange\n"
        "1 beginbfchar\n<0005> <00660069>\nendbfchar\n";
    CHECK(spell_out_ligatures(plain) == plain);
    CHECK(spell_out_ligatures("") == "");
    CHECK(spell_out_ligatures("<0001> <fb01>\n") == "<0001> <fb01>\n");  // outside a block
}

}  // namespace
}  // namespace vitae::cv
