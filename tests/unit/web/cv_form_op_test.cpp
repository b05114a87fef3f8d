#include "web/cv_form_op.hpp"

#include <doctest/doctest.h>

#include "core/error.hpp"

namespace vitae::web {
namespace {

using nlohmann::json;

std::string run_op(const std::string& op, json& doc) {
    return CvFormOp::parse(op).apply(doc);
}

TEST_CASE("only_lists_the_editor_shows_can_be_named") {
    for (std::string op :
         {"add:work", "add:basics.profiles", "add:work.3.highlights", "remove:projects.0.roles:2",
          "move_up:education.1.courses:1", "move_down:skills:0", "remove:basics.profiles:0"}) {
        CAPTURE(op);
        CHECK_NOTHROW(CvFormOp::parse(op));
    }
    for (std::string op :
         {"", "add", "add:", "add:basics", "add:meta", "add:work.0.name", "add:work.x.highlights",
          "add:work:1", "remove:work", "move_up:work:-1", "move_up:work:1:2", "shuffle:work:0",
          "add:basics.profiles.0.highlights", "add:work.0.highlights.0.x"}) {
        CAPTURE(op);
        CHECK_THROWS_AS(CvFormOp::parse(op), Error);
    }
}

TEST_CASE("add_creates_the_list_when_absent_and_names_the_new_first_field") {
    json doc = json::object();
    CHECK(run_op("add:volunteer", doc) == "volunteer-0-organization");
    CHECK(run_op("add:basics.profiles", doc) == "basics-profiles-0-network");
    CHECK(run_op("add:volunteer.0.highlights", doc) == "volunteer-0-highlights-0");
    CHECK(doc == json{{"volunteer", {json{{"highlights", json::array({""})}}}},
                      {"basics", {{"profiles", json::array({json::object()})}}}});
}

TEST_CASE("moves_at_either_end_change_nothing") {
    json doc = {{"skills", {{{"name", "a"}}, {{"name", "b"}}}}};
    json before = doc;
    CHECK(run_op("move_up:skills:0", doc) == "skills-0-down");
    CHECK(run_op("move_down:skills:1", doc) == "skills-1-up");
    CHECK(run_op("remove:skills:7", doc) == "skills-add");
    CHECK(doc == before);
}

TEST_CASE("a_list_in_the_way_of_the_wrong_type_is_refused") {
    json doc = {{"work", "not a list"}, {"skills", {{{"keywords", {1, "x"}}}}}};
    CHECK_THROWS_AS(run_op("add:work", doc), Error);
    CHECK_THROWS_AS(run_op("add:skills.0.keywords", doc), Error);
}

}  // namespace
}  // namespace vitae::web
