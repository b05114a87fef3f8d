#include "web/cv_form.hpp"

#include <algorithm>
#include <optional>
#include <set>

#include "web/cv_form_schema.hpp"
#include "web/form_tree.hpp"

namespace vitae::web {

namespace {

using nlohmann::json;

// object[key], or nullptr when there is no such key. An explicit null is a value of the
// wrong type like any other, and kept as it is.
const json* find_member(const json& object, const std::string& key) {
    if (!object.is_object())
        return nullptr;
    auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

// Sets object[key] to `value` under the merge rule: empty stays absent when it was.
void put(json& object, const std::string& key, json value, bool empty) {
    if (empty && !object.contains(key))
        return;
    object[key] = std::move(value);
}

void merge_text(json& object, const std::string& key, const FormTree* node) {
    if (!editable_text(object, key))
        return;
    std::string text = node && node->value() ? *node->value() : "";
    bool empty = text.empty();
    put(object, key, std::move(text), empty);
}

// A field key may be nested ("location.city"): the field then lives in a child object,
// created when needed and only when it gets a value.
void merge_field(json& object, const CvFormField& field, const FormTree* entry) {
    auto segments = split_path(field.key);
    const FormTree* node = entry ? entry->find(segments) : nullptr;
    if (segments.size() == 1)
        return merge_text(object, segments[0], node);
    const json* stored_child = find_member(object, segments[0]);
    if (stored_child && !stored_child->is_object())
        return;  // not an object: the editor shows none of its fields
    json child = stored_child ? *stored_child : json::object();
    merge_text(child, segments[1], node);
    bool empty = child.empty();
    put(object, segments[0], std::move(child), empty);
}

void merge_list(json& object, const CvFormList& list, const FormTree* entry) {
    if (!editable_texts(object, list.key))
        return;
    const FormTree* node = entry ? entry->child(list.key) : nullptr;
    auto texts = node ? node->texts() : std::vector<std::string>{};
    bool empty = texts.empty();
    put(object, list.key, json(std::move(texts)), empty);
}

void merge_entry(json& object, const CvFormSection& section, const FormTree* entry) {
    for (const auto& field : section.fields)
        merge_field(object, field, entry);
    for (const auto& list : section.lists)
        merge_list(object, list, entry);
}

std::optional<std::size_t> drawn_from(const FormTree& entry, std::size_t stored_size) {
    const FormTree* from = entry.child("_from");
    if (!from || !from->value())
        return std::nullopt;
    const std::string& text = *from->value();
    bool digits =
        std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (text.empty() || text.size() > 6 || !digits)
        return std::nullopt;
    auto index = std::stoul(text);
    return index < stored_size ? std::optional(index) : std::nullopt;
}

// The posted entries in order, each drawn from its stored entry. A stored entry the
// editor could not show (not an object) is posted with its `_from` only and kept as is.
json merged_entries(const json& stored, const CvFormSection& section, const FormTree* posted) {
    json out = json::array();
    if (!posted)
        return out;
    for (const FormTree* entry : posted->items()) {
        if (entry->value())
            continue;  // "work[0]=x": not an entry
        auto from = drawn_from(*entry, stored.size());
        json base = from ? stored[*from] : json::object();
        if (base.is_object())
            merge_entry(base, section, entry);
        out.push_back(std::move(base));
    }
    return out;
}

void merge_list_section(json& doc, const CvFormSection& section, const FormTree& tree) {
    auto path = split_path(section.path);
    // The object holding the list: the document itself, or basics for basics.profiles.
    const json* parent = &doc;
    for (std::size_t i = 0; parent && i + 1 < path.size(); ++i) {
        parent = find_member(*parent, path[i]);
        if (parent && !parent->is_object())
            return;
    }
    const json* stored = parent ? find_member(*parent, path.back()) : nullptr;
    if (stored && !stored->is_array())
        return;  // not a list: the editor shows it as kept, untouched
    json entries = merged_entries(stored ? *stored : json::array(), section, tree.find(path));
    if (entries.empty() && !stored)
        return;
    json* target = &doc;
    for (std::size_t i = 0; i + 1 < path.size(); ++i)
        target = &(*target)[path[i]];
    (*target)[path.back()] = std::move(entries);
}

void merge_single_section(json& doc, const CvFormSection& section, const FormTree& tree) {
    const json* stored = find_member(doc, section.path);
    if (stored && !stored->is_object())
        return;
    json object = stored ? *stored : json::object();
    merge_entry(object, section, tree.child(section.path));
    bool empty = object.empty();
    put(doc, section.path, std::move(object), empty);
}

// The sections the form showed, known ones only, each once, basics before its profiles.
std::vector<const CvFormSection*> posted_sections(const FormFields& fields) {
    std::set<std::string> named;
    auto range = fields.equal_range("_sections");
    for (auto it = range.first; it != range.second; ++it)
        named.insert(it->second);
    std::vector<const CvFormSection*> out;
    for (const auto& section : cv_form_sections()) {
        if (named.count(section.path))
            out.push_back(&section);
    }
    return out;
}

}  // namespace

bool editable_text(const json& object, const std::string& key) {
    auto it = object.find(key);
    return it == object.end() || it->is_string();
}

bool editable_texts(const json& object, const std::string& key) {
    auto it = object.find(key);
    if (it == object.end())
        return true;
    return it->is_array() &&
           std::all_of(it->begin(), it->end(), [](const json& v) { return v.is_string(); });
}

json merge_cv_form(const json& stored, const FormFields& fields) {
    json doc = stored.is_object() ? stored : json::object();
    auto tree = FormTree::parse(fields);
    for (const CvFormSection* section : posted_sections(fields)) {
        if (section->single())
            merge_single_section(doc, *section, tree);
        else
            merge_list_section(doc, *section, tree);
    }
    return doc;
}

}  // namespace vitae::web
