#include "web/cv_form.hpp"

#include <doctest/doctest.h>

namespace vitae::web {
namespace {

using nlohmann::json;

TEST_CASE("sections_the_form_did_not_post_are_untouched") {
    json stored = {{"work", {{{"name", "A"}}}}, {"basics", {{"name", "Zoë"}}}};
    CHECK(merge_cv_form(stored, {}) == stored);
    CHECK(merge_cv_form(stored, {{"work[0][name]", "B"}}) == stored);
    CHECK(merge_cv_form(stored, {{"_sections", "nonsense"}}) == stored);
}

TEST_CASE("posted_entries_carry_the_stored_entry_they_were_drawn_from") {
    json stored = {{"work",
                    {{{"name", "A"}, {"x-id", 1}},
                     {{"name", "B"}, {"x-id", 2}},
                     {{"name", "C"}, {"x-id", 3}}}}};
    auto merged = merge_cv_form(stored, {{"_sections", "work"},
                                         {"work[0][_from]", "2"},
                                         {"work[0][name]", "C2"},
                                         {"work[1][_from]", "0"},
                                         {"work[1][name]", "A"},
                                         {"work[2][_from]", ""},
                                         {"work[2][name]", "New"}});
    CHECK(merged ==
          json{{"work",
                {{{"name", "C2"}, {"x-id", 3}}, {{"name", "A"}, {"x-id", 1}}, {{"name", "New"}}}}});
}

TEST_CASE("a_stale_or_forged_from_makes_a_new_entry") {
    json stored = {{"work", {{{"name", "A"}, {"x-id", 1}}}}};
    for (std::string from : {"1", "-1", "x", "99999999"}) {
        CAPTURE(from);
        auto merged = merge_cv_form(
            stored, {{"_sections", "work"}, {"work[0][_from]", from}, {"work[0][name]", "A"}});
        CHECK(merged == json{{"work", {{{"name", "A"}}}}});
    }
}

TEST_CASE("clearing_a_field_keeps_its_key_and_empty_new_fields_stay_absent") {
    json stored = {{"basics", {{"name", "Zoë"}, {"label", "Engineer"}}}};
    auto merged = merge_cv_form(stored, {{"_sections", "basics"},
                                         {"basics[name]", "Zoë"},
                                         {"basics[label]", ""},
                                         {"basics[phone]", ""},
                                         {"basics[location][city]", ""}});
    CHECK(merged == json{{"basics", {{"name", "Zoë"}, {"label", ""}}}});
}

TEST_CASE("nested_basics_fields_fill_the_location_object") {
    json stored = {{"basics", {{"location", {{"city", "Oslo"}, {"x-geo", {1, 2}}}}}}};
    auto merged =
        merge_cv_form(stored, {{"_sections", "basics"}, {"basics[location][city]", "Bergen"}});
    CHECK(merged["basics"]["location"] == json{{"city", "Bergen"}, {"x-geo", {1, 2}}});
}

TEST_CASE("values_of_a_type_the_editor_cannot_show_are_kept") {
    json stored = {{"basics", {{"name", 42}, {"location", "Oslo"}}},
                   {"education", {{{"score", 4.8}, {"courses", {1, 2}}}, "just text"}},
                   {"skills", "not a list"}};
    auto merged = merge_cv_form(stored, {{"_sections", "basics"},
                                         {"_sections", "education"},
                                         {"_sections", "skills"},
                                         {"basics[name]", "forged"},
                                         {"basics[location][city]", "forged"},
                                         {"education[0][_from]", "0"},
                                         {"education[0][score]", "forged"},
                                         {"education[0][courses][0]", "forged"},
                                         {"education[1][_from]", "1"},
                                         {"skills[0][name]", "forged"}});
    CHECK(merged == stored);
}

TEST_CASE("removing_every_entry_leaves_an_empty_list_and_posting_none_adds_nothing") {
    json stored = {{"work", {{{"name", "A"}}}}};
    CHECK(merge_cv_form(stored, {{"_sections", "work"}}) == json{{"work", json::array()}});
    CHECK(merge_cv_form(json::object(), {{"_sections", "work"},
                                         {"_sections", "basics"},
                                         {"_sections", "basics.profiles"}}) == json::object());
}

TEST_CASE("lists_of_texts_take_the_posted_items_in_order") {
    json stored = {{"work", {{{"name", "A"}, {"highlights", {"x", "y"}}}}}};
    auto merged = merge_cv_form(stored, {{"_sections", "work"},
                                         {"work[0][_from]", "0"},
                                         {"work[0][name]", "A"},
                                         {"work[0][highlights][1]", "first"},
                                         {"work[0][highlights][0]", "zero"}});
    CHECK(merged["work"][0]["highlights"] == json{"zero", "first"});
    merged = merge_cv_form(stored, {{"_sections", "work"}, {"work[0][_from]", "0"}});
    CHECK(merged["work"][0] == json{{"name", ""}, {"highlights", json::array()}});
}

TEST_CASE("profiles_live_inside_basics") {
    auto merged = merge_cv_form(json::object(), {{"_sections", "basics.profiles"},
                                                 {"basics[profiles][0][network]", "GitHub"}});
    CHECK(merged == json{{"basics", {{"profiles", {{{"network", "GitHub"}}}}}}});
}

}  // namespace
}  // namespace vitae::web
