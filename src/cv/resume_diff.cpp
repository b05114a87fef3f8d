#include "cv/resume_diff.hpp"

#include <algorithm>

namespace vitae::cv {

namespace {

using nlohmann::json;

std::string escape_token(const std::string& key) {
    std::string out;
    for (char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

void walk(const json* a, const json* b, const std::string& path, std::vector<FieldChange>& out);

void walk_objects(const json& a, const json& b, const std::string& path,
                  std::vector<FieldChange>& out) {
    for (const auto& [key, value] : a.items()) {
        auto it = b.find(key);
        walk(&value, it == b.end() ? nullptr : &*it, path + "/" + escape_token(key), out);
    }
    for (const auto& [key, value] : b.items()) {
        if (!a.contains(key))
            walk(nullptr, &value, path + "/" + escape_token(key), out);
    }
}

void walk_arrays(const json& a, const json& b, const std::string& path,
                 std::vector<FieldChange>& out) {
    for (std::size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
        walk(i < a.size() ? &a[i] : nullptr, i < b.size() ? &b[i] : nullptr,
             path + "/" + std::to_string(i), out);
    }
}

void walk(const json* a, const json* b, const std::string& path, std::vector<FieldChange>& out) {
    if (a && b && *a == *b)
        return;
    if (a && b && a->is_object() && b->is_object())
        return walk_objects(*a, *b, path, out);
    if (a && b && a->is_array() && b->is_array())
        return walk_arrays(*a, *b, path, out);
    FieldChange change{path, std::nullopt, std::nullopt};
    if (a)
        change.before = *a;
    if (b)
        change.after = *b;
    out.push_back(std::move(change));
}

}  // namespace

std::vector<FieldChange> diff(const nlohmann::json& before, const nlohmann::json& after) {
    std::vector<FieldChange> out;
    walk(&before, &after, "", out);
    return out;
}

nlohmann::json to_json(const std::vector<FieldChange>& changes) {
    auto out = json::array();
    for (const auto& c : changes) {
        json item = {{"path", c.path},
                     {"op", !c.before  ? "added"
                            : !c.after ? "removed"
                                       : "changed"}};
        if (c.before)
            item["before"] = *c.before;
        if (c.after)
            item["after"] = *c.after;
        out.push_back(std::move(item));
    }
    return out;
}

}  // namespace vitae::cv
