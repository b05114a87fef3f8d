#include "web/cv_editor_view.hpp"

#include <cctype>

#include "core/clock.hpp"
#include "cv/cv_render.hpp"
#include "web/cv_form.hpp"

namespace vitae::web {

namespace {

using nlohmann::json;

std::vector<std::string> plus(std::vector<std::string> segments, const std::string& more) {
    segments.push_back(more);
    return segments;
}

std::string dotted(const std::vector<std::string>& segments) {
    std::string out;
    for (const auto& s : segments)
        out += (out.empty() ? "" : ".") + s;
    return out;
}

std::string capitalized(std::string text) {
    if (!text.empty())
        text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
    return text;
}

// mustache looks a missing key up in the enclosing contexts: every optional key is set,
// to false when empty.
void set_text(Data& data, const std::string& key, const std::string& text) {
    if (text.empty())
        data.set(key, false);
    else
        data.set(key, text);
}

struct Found {
    const json* value = nullptr;  // nullptr: absent
    bool blocked = false;         // something not an object sits on the way
};

Found lookup(const json& doc, const std::vector<std::string>& path) {
    const json* node = &doc;
    for (const auto& key : path) {
        if (!node->is_object())
            return {nullptr, true};
        auto it = node->find(key);
        if (it == node->end())
            return {};
        node = &*it;
    }
    return {node, false};
}

const char* input_type(CvInput input) {
    switch (input) {
        case CvInput::url:
            return "url";
        case CvInput::email:
            return "email";
        default:
            return "text";
    }
}

std::string text_at(const json& object, const std::string& key) {
    auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

}  // namespace

CvEditorView::CvEditorView(const cv::Cv& cv, std::string focus)
    : cv_(cv), focus_(std::move(focus)), problem_list_(cv::validate(cv.resume)) {
    for (const auto& p : problem_list_) {
        auto& message = problems_[p.path];
        message += (message.empty() ? "" : "; ") + p.message;
    }
}

Data CvEditorView::data() {
    Data sections{Data::type::list};
    for (const auto& s : cv_form_sections())
        sections.push_back(section(s));
    Data out;
    out.set("sections", sections);
    out.set("meta", metadata());
    Data problems = summary();
    out.set("has_problems", !problems.is_empty_list());
    out.set("problems", problems);
    out.set("too_many_fields", inputs_ > kMaxFieldsWithoutScript);
    out.set("field_count", std::to_string(inputs_));
    return out;
}

nlohmann::json CvEditorView::problems_json() {
    for (const auto& s : cv_form_sections())
        section(s);  // learns each field's label and id
    auto out = json::array();
    for (const auto& p : problem_list_) {
        auto label = labels_.find(p.path);
        auto shown = shown_.find(p.path);
        out.push_back({{"path", p.path},
                       {"message", p.message},
                       {"label", label == labels_.end() ? p.path : label->second},
                       {"id", shown == shown_.end() ? json(nullptr) : json(shown->second)}});
    }
    return out;
}

Data CvEditorView::section(const CvFormSection& s) {
    auto path = split_path(s.path);
    auto found = lookup(cv_.resume, path);
    bool kept = found.blocked ||
                (found.value && !(s.single() ? found.value->is_object() : found.value->is_array()));
    Data d;
    d.set("path", s.path);
    d.set("id", element_id(path));
    d.set("heading", s.heading);
    set_text(d, "hint", s.hint);
    d.set("single", s.single());
    d.set("kept", kept);
    d.set("error", problem_at(path, s.heading, element_id(path)));
    if (kept)
        return d;
    ++inputs_;  // _sections
    if (!s.single())
        return list_section(s, found.value);
    Data fields{Data::type::list};
    const json& object = found.value ? *found.value : json::object();
    for (const auto& f : s.fields)
        fields.push_back(field(f, object, path, {}));
    d.set("fields", fields);
    return d;
}

Data CvEditorView::list_section(const CvFormSection& s, const json* stored) {
    auto path = split_path(s.path);
    Data d;
    d.set("path", s.path);
    d.set("id", element_id(path));
    d.set("heading", s.heading);
    set_text(d, "hint", s.hint);
    d.set("single", false);
    d.set("kept", false);
    d.set("error", problem_at(path, s.heading, element_id(path)));
    Data entries{Data::type::list};
    std::size_t count = stored ? stored->size() : 0;
    for (std::size_t i = 0; i < count; ++i)
        entries.push_back(entry(s, (*stored)[i], path, i, count));
    d.set("entries", entries);
    d.set("has_entries", count > 0);
    d.set("entry_label", s.entry);
    d.set("add_op", "add:" + std::string(s.path));
    d.set("add_id", element_id(path) + "-add");
    d.set("add_focus", focused(element_id(path) + "-add"));
    d.set("templates", templates(s));
    return d;
}

Data CvEditorView::entry(const CvFormSection& s, const json& object,
                         const std::vector<std::string>& at, std::size_t index, std::size_t count) {
    auto segments = plus(at, std::to_string(index));
    std::string id = element_id(segments);
    EntryRef where{s.entry, index + 1};
    Data d = item_controls(dotted(at), id, index, count);
    d.set("entry_label", capitalized(s.entry));
    d.set("noun", s.entry);
    d.set("from_name", form_name(plus(segments, "_from")));
    d.set("from", templating_ ? "" : std::to_string(index));
    inputs_ += templating_ ? 0 : 1;
    d.set("opaque", !object.is_object());
    d.set("error", problem_at(segments, capitalized(where.text()), id));
    Data fields{Data::type::list};
    Data lists{Data::type::list};
    if (object.is_object()) {
        set_text(d, "summary", text_at(object, s.fields.front().key));
        for (const auto& f : s.fields)
            fields.push_back(field(f, object, segments, where));
        for (const auto& l : s.lists)
            lists.push_back(text_list(l, object, segments, where));
    } else {
        d.set("summary", false);
    }
    d.set("fields", fields);
    d.set("lists", lists);
    return d;
}

Data CvEditorView::field(const CvFormField& f, const json& object,
                         const std::vector<std::string>& at, const EntryRef& where) {
    auto keys = split_path(f.key);
    auto segments = at;
    segments.insert(segments.end(), keys.begin(), keys.end());
    // A nested field (location.city) lives in a child object, which may be of a wrong type.
    const json* holder = &object;
    if (keys.size() == 2) {
        auto it = object.find(keys[0]);
        holder = it == object.end() ? nullptr : &*it;
    }
    bool editable = !holder || (holder->is_object() && editable_text(*holder, keys.back()));
    std::string id = element_id(segments);
    inputs_ += templating_ || !editable ? 0 : 1;
    std::string label =
        where.noun.empty() ? f.label : std::string(f.label) + " (" + where.text() + ")";
    Data d;
    d.set("id", id);
    d.set("key", f.key);
    d.set("name", form_name(segments));
    d.set("label", f.label);
    d.set("value", editable && holder ? text_at(*holder, keys.back()) : "");
    d.set("kept", !editable);
    d.set("textarea", f.input == CvInput::text);
    d.set("type", input_type(f.input));
    d.set("date", f.input == CvInput::date);
    d.set("focus", focused(id));
    d.set("error", problem_at(segments, label, id));
    return d;
}

Data CvEditorView::text_list(const CvFormList& l, const json& object,
                             const std::vector<std::string>& at, const EntryRef& where) {
    auto segments = plus(at, l.key);
    std::string id = element_id(segments);
    bool editable = editable_texts(object, l.key);
    Data items{Data::type::list};
    if (editable && object.contains(l.key)) {
        const json& texts = object[l.key];
        for (std::size_t i = 0; i < texts.size(); ++i) {
            items.push_back(
                text_item(l, texts[i].get<std::string>(), segments, i, texts.size(), where));
        }
    }
    Data d;
    d.set("id", id);
    d.set("key", l.key);
    d.set("label", l.label);
    d.set("item_label", l.item);
    d.set("noun", where.noun);
    d.set("entry_number", std::to_string(where.number));
    d.set("kept", !editable);
    d.set("items", items);
    d.set("add_op", "add:" + dotted(segments));
    d.set("add_id", id + "-add");
    d.set("add_focus", focused(id + "-add"));
    d.set("error", problem_at(segments, std::string(l.label) + " (" + where.text() + ")", id));
    return d;
}

Data CvEditorView::text_item(const CvFormList& l, const std::string& value,
                             const std::vector<std::string>& at, std::size_t index,
                             std::size_t count, const EntryRef& where) {
    auto segments = plus(at, std::to_string(index));
    std::string id = element_id(segments);
    std::string label = capitalized(l.item) + " " + std::to_string(index + 1);
    inputs_ += templating_ ? 0 : 1;
    Data d = item_controls(dotted(at), id, index, count);
    d.set("name", form_name(segments));
    d.set("item_label", capitalized(l.item));
    d.set("item_noun", l.item);
    d.set("noun", where.noun);
    d.set("entry_number", std::to_string(where.number));
    d.set("value", value);
    d.set("focus", focused(id));
    d.set("error", problem_at(segments, label + " (" + where.text() + ")", id));
    return d;
}

// The number and the move and remove buttons of an entry or an item of a list of texts.
Data CvEditorView::item_controls(const std::string& op_list, const std::string& id,
                                 std::size_t index, std::size_t count) {
    std::string n = std::to_string(index);
    Data d;
    d.set("id", id);
    d.set("number", std::to_string(index + 1));
    d.set("first", index == 0);
    d.set("last", index + 1 == count);
    for (const char* op : {"move_up", "move_down", "remove"}) {
        std::string key = std::string(op) == "move_up"     ? "up"
                          : std::string(op) == "move_down" ? "down"
                                                           : "remove";
        d.set(key + "_op", std::string(op) + ":" + op_list + ":" + n);
        d.set(key + "_id", id + "-" + key);
        d.set(key + "_focus", focused(id + "-" + key));
    }
    return d;
}

// Empty entries and items that the editor's JavaScript clones for inline adding; it
// renumbers names and ids itself.
Data CvEditorView::templates(const CvFormSection& s) {
    templating_ = true;
    auto path = split_path(s.path);
    Data d;
    d.set("entry", entry(s, json::object(), path, 0, 1));
    Data items{Data::type::list};
    for (const auto& l : s.lists) {
        Data item;
        item.set("key", l.key);
        item.set("item", text_item(l, "", plus(plus(path, "0"), l.key), 0, 1, {s.entry, 1}));
        items.push_back(item);
    }
    d.set("items", items);
    templating_ = false;
    return d;
}

// The problem validation reported at `segments`, as {message} or false; remembers where
// the field is, for the summary's links.
Data CvEditorView::problem_at(const std::vector<std::string>& segments, const std::string& label,
                              const std::string& id) {
    if (templating_)
        return Data(false);
    auto path = problem_path(segments);
    shown_[path] = id;
    labels_[path] = label;
    auto it = problems_.find(path);
    if (it == problems_.end())
        return Data(false);
    Data d;
    d.set("message", it->second);
    d.set("id", id + "-error");
    return d;
}

Data CvEditorView::summary() {
    Data list{Data::type::list};
    for (const auto& p : problem_list_) {
        Data d;
        auto label = labels_.find(p.path);
        d.set("label", label == labels_.end() ? p.path : label->second);
        d.set("message", p.message);
        auto shown = shown_.find(p.path);
        set_text(d, "href", shown == shown_.end() ? "" : "#" + shown->second);
        list.push_back(d);
    }
    return list;
}

Data CvEditorView::metadata() {
    Data templates{Data::type::list};
    for (const auto& t : cv::kTemplates) {
        Data d;
        d.set("name", t.name);
        d.set("label", t.label);
        d.set("selected", cv_.template_name == t.name);
        templates.push_back(d);
    }
    auto updated = std::chrono::system_clock::time_point(std::chrono::seconds(cv_.updated_at));
    Data d;
    d.set("id", std::to_string(cv_.id));
    d.set("title", cv_.title);
    d.set("language", cv_.language);
    d.set("templates", templates);
    d.set("updated_iso", core::iso8601_utc(updated));
    d.set("updated_text", core::format_utc(updated, "%Y-%m-%d %H:%M UTC"));
    return d;
}

}  // namespace vitae::web
