#pragma once
// What changed between two JSON documents, leaf by leaf, so a member sees "work[1].endDate
// changed" rather than two whole résumés side by side.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace vitae::cv {

struct FieldChange {
    std::string path;                      // JSON pointer (RFC 6901), e.g. "/work/0/startDate"
    std::optional<nlohmann::json> before;  // absent: the field was added
    std::optional<nlohmann::json> after;   // absent: the field was removed
};

// Changes in document order of `before`, then keys only `after` has. Objects and arrays
// are compared member by member (arrays by index); anything else that differs is one
// change. Equal documents give no changes.
std::vector<FieldChange> diff(const nlohmann::json& before, const nlohmann::json& after);

// [{"path", "op": "added"|"removed"|"changed", "before"?, "after"?}, ...]
nlohmann::json to_json(const std::vector<FieldChange>& changes);

}  // namespace vitae::cv
