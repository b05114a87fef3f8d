#include "cv/resume_diff.hpp"

#include <doctest/doctest.h>

using nlohmann::json;
using vitae::cv::diff;

TEST_CASE("diff_of_equal_documents_is_empty") {
    json a = {{"basics", {{"name", "Zoë"}}}, {"work", {{{"name", "A"}}}}};
    CHECK(diff(a, a).empty());
}

TEST_CASE("diff_names_each_changed_added_and_removed_leaf_by_json_pointer") {
    json a = json::parse(R"({"basics": {"name": "Zoë", "email": "z@x.org"},
        "work": [{"name": "A", "startDate": "2020"}, {"name": "B"}], "a/b~c": 1})");
    json b = json::parse(R"({"basics": {"name": "Zoë Å", "phone": "1"},
        "work": [{"name": "A", "startDate": "2021"}], "a/b~c": 1})");
    auto out = vitae::cv::to_json(diff(a, b));
    CHECK(out == json::parse(R"([
        {"path": "/basics/email", "op": "removed", "before": "z@x.org"},
        {"path": "/basics/name", "op": "changed", "before": "Zoë", "after": "Zoë Å"},
        {"path": "/basics/phone", "op": "added", "after": "1"},
        {"path": "/work/0/startDate", "op": "changed", "before": "2020", "after": "2021"},
        {"path": "/work/1", "op": "removed", "before": {"name": "B"}}])"));
}

TEST_CASE("diff_escapes_pointer_tokens_and_reports_type_changes_whole") {
    json a = {{"x/y~z", {1, 2}}};
    json b = {{"x/y~z", "now text"}};
    auto changes = diff(a, b);
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].path == "/x~1y~0z");
    CHECK(*changes[0].before == json({1, 2}));
    CHECK(*changes[0].after == "now text");
}
