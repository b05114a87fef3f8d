#include "web/form_tree.hpp"

#include <doctest/doctest.h>

namespace vitae::web {
namespace {

using Segments = std::vector<std::string>;

TEST_CASE("field_names_with_brackets_become_path_segments") {
    CHECK(parse_field_name("title") == Segments{"title"});
    CHECK(parse_field_name("work[0][name]") == Segments{"work", "0", "name"});
    CHECK(parse_field_name("basics[profiles][1][url]") ==
          Segments{"basics", "profiles", "1", "url"});
}

TEST_CASE("malformed_or_over_deep_field_names_are_ignored") {
    for (std::string name : {"", "[0]", "work[", "work[]", "work[0", "work]0[", "work[0]x",
                             "work[a[b]]", "a[1][2][3][4][5][6]"}) {
        CAPTURE(name);
        CHECK_FALSE(parse_field_name(name).has_value());
    }
}

TEST_CASE("items_come_in_numeric_order_and_gaps_close_up") {
    auto tree = FormTree::parse({{"l[10]", "ten"},
                                 {"l[2]", "two"},
                                 {"l[0]", "zero"},
                                 {"l[x]", "not an index"},
                                 {"l[0000001]", "too long"}});
    CHECK(tree.child("l")->texts() == std::vector<std::string>{"zero", "two", "ten"});
}

TEST_CASE("a_name_that_is_both_a_value_and_a_parent_keeps_the_first_posted") {
    auto tree = FormTree::parse({{"a", "value"}, {"a[b]", "child"}});
    CHECK(tree.child("a")->value() == "value");
    CHECK(tree.child("a")->child("b") == nullptr);
}

}  // namespace
}  // namespace vitae::web
