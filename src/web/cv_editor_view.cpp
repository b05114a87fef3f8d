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

// "job <span data-entry-number>2</span>": the script renumbers the span in place.
void entry_ref(HtmlWriter& h, const EntryRef& where) {
    h.text(where.noun).raw(" <span data-entry-number>").text(std::to_string(where.number));
    h.raw("</span>");
}

void item_ref(HtmlWriter& h, const std::string& noun, std::size_t number) {
    h.text(noun).raw(" <span data-item-number>").text(std::to_string(number)).raw("</span>");
}

void field_error(HtmlWriter& h, const std::string* message, const std::string& id) {
    if (!message)
        return;
    h.open("p").attr("class", "field-error").attr("id", id + "-error").raw(" data-problem>");
    h.text(*message).raw("</p>\n");
}

void kept_note(HtmlWriter& h, const char* what) {
    h.raw("<p class=\"hint\">Kept as it is: it holds something other than ").raw(what);
    h.raw(".</p>\n");
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
    Data out;
    out.set("form_html", form_html());
    out.set("meta", metadata());
    Data problems = summary();
    out.set("has_problems", !problems.is_empty_list());
    out.set("problems", problems);
    out.set("too_many_fields", inputs_ > kMaxFieldsWithoutScript);
    out.set("field_count", std::to_string(inputs_));
    return out;
}

json CvEditorView::problems_json() {
    form_html();  // learns each field's label and id
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

std::string CvEditorView::form_html() {
    HtmlWriter h;
    for (const auto& s : cv_form_sections())
        section(h, s);
    return h.take();
}

void CvEditorView::section(HtmlWriter& h, const CvFormSection& s) {
    auto path = split_path(s.path);
    auto id = element_id(path);
    auto found = lookup(cv_.resume, path);
    bool kept = found.blocked ||
                (found.value && !(s.single() ? found.value->is_object() : found.value->is_array()));
    h.open("section").attr("class", "card stack cv-form-section").attr("id", id);
    h.attr("data-section", s.path).attr("aria-labelledby", id + "-heading").raw(">\n");
    h.open("h2").attr("id", id + "-heading").close().text(s.heading).raw("</h2>\n");
    if (*s.hint)
        h.raw("<p class=\"hint\">").text(s.hint).raw("</p>\n");
    field_error(h, problem_at(path, s.heading, id), id);
    if (kept) {
        h.raw("<p>This section holds something the editor cannot show. It is kept as it is.</p>");
    } else {
        ++inputs_;
        h.open("input").attr("type", "hidden").attr("name", "_sections").attr("value", s.path);
        h.raw(">\n");
        if (s.single()) {
            const json& object = found.value ? *found.value : json::object();
            h.raw("<div class=\"cv-fields\">\n");
            for (const auto& f : s.fields)
                field(h, f, object, path, {});
            h.raw("</div>\n");
        } else {
            list_section(h, s, found.value);
        }
    }
    h.raw("</section>\n");
}

void CvEditorView::list_section(HtmlWriter& h, const CvFormSection& s, const json* stored) {
    auto path = split_path(s.path);
    std::size_t count = stored ? stored->size() : 0;
    h.raw("<div class=\"cv-entries stack\" data-entries>\n");
    for (std::size_t i = 0; i < count; ++i)
        entry(h, s, (*stored)[i], path, i, count);
    h.raw("</div>\n<p>");
    std::string add = element_id(path) + "-add";
    button(h, "add", "add:" + std::string(s.path), add, "button button-secondary", false);
    h.raw("Add ").text(s.entry).raw("</button></p>\n");
    templates(h, s);
}

void CvEditorView::entry(HtmlWriter& h, const CvFormSection& s, const json& object, const Path& at,
                         std::size_t index, std::size_t count) {
    auto segments = plus(at, std::to_string(index));
    std::string id = element_id(segments);
    EntryRef where{s.entry, index + 1};
    h.open("fieldset").attr("class", "cv-entry").attr("id", id).raw(" data-entry>\n<legend>");
    h.text(capitalized(s.entry)).raw(" <span data-entry-number>");
    h.text(std::to_string(index + 1)).raw("</span>");
    std::string summary = object.is_object() ? text_at(object, s.fields.front().key) : "";
    if (!summary.empty())
        h.raw("<span class=\"cv-entry-summary\"> · ").text(summary).raw("</span>");
    h.raw("</legend>\n");
    h.open("input").attr("type", "hidden").attr("name", form_name(plus(segments, "_from")));
    h.attr("value", templating_ ? "" : std::to_string(index)).raw(" data-from>\n");
    inputs_ += templating_ ? 0 : 1;
    field_error(h, problem_at(segments, capitalized(where.text()), id), id);
    if (!object.is_object()) {
        h.raw(
            "<p class=\"hint\">This entry holds something the editor cannot show. It is kept "
            "as it is.</p>\n");
    } else {
        h.raw("<div class=\"cv-fields\">\n");
        for (const auto& f : s.fields)
            field(h, f, object, segments, where);
        h.raw("</div>\n");
        for (const auto& l : s.lists)
            text_list(h, l, object, segments, where);
    }
    std::string list = dotted(at) + ":";
    std::string n = std::to_string(index);
    h.raw("<div class=\"cv-entry-actions\">\n");
    const char* small = "button button-small";
    button(h, "move_up", "move_up:" + list + n, id + "-up", small, index == 0);
    h.raw("Move up<span class=\"visually-hidden\"> ");
    entry_ref(h, where);
    h.raw("</span></button>\n");
    button(h, "move_down", "move_down:" + list + n, id + "-down", small, index + 1 == count);
    h.raw("Move down<span class=\"visually-hidden\"> ");
    entry_ref(h, where);
    h.raw("</span></button>\n");
    button(h, "remove", "remove:" + list + n, id + "-remove", "button button-small button-danger",
           false);
    h.raw("Remove<span class=\"visually-hidden\"> ");
    entry_ref(h, where);
    h.raw("</span></button>\n</div>\n</fieldset>\n");
}

void CvEditorView::field(HtmlWriter& h, const CvFormField& f, const json& object, const Path& at,
                         const EntryRef& where) {
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
    std::string label =
        where.noun.empty() ? f.label : std::string(f.label) + " (" + where.text() + ")";
    const std::string* problem = problem_at(segments, label, id);
    bool wide = f.input == CvInput::text;
    h.open("div").attr("class", wide ? "field field-wide" : "field").attr("data-field", f.key);
    h.raw(">\n").open("label").attr("for", id).close().text(f.label).raw("</label>\n");
    if (!editable) {
        kept_note(h, "text");
        field_error(h, problem, id);
        h.raw("</div>\n");
        return;
    }
    inputs_ += templating_ ? 0 : 1;
    std::string value = holder ? text_at(*holder, keys.back()) : "";
    bool date = f.input == CvInput::date;
    std::string described = date ? id + "-hint" : "";
    if (problem)
        described += (described.empty() ? "" : " ") + id + "-error";
    h.open(wide ? "textarea" : "input").attr("id", id).attr("name", form_name(segments));
    if (wide)
        h.attr("rows", "4");
    else
        h.attr("type", input_type(f.input)).attr("value", value);
    if (problem)
        h.attr("aria-invalid", "true");
    if (!described.empty())
        h.attr("aria-describedby", described);
    h.flag("autofocus", focused(id)).close();
    if (wide)  // HTML drops one newline right after <textarea>: a leading one in the value stays
        h.raw("\n").text(value).raw("</textarea>");
    h.raw("\n");
    if (date)
        h.open("p")
            .attr("class", "hint")
            .attr("id", id + "-hint")
            .raw(
                ">YYYY, YYYY-MM or "
                "YYYY-MM-DD</p>\n");
    field_error(h, problem, id);
    h.raw("</div>\n");
}

void CvEditorView::text_list(HtmlWriter& h, const CvFormList& l, const json& object, const Path& at,
                             const EntryRef& where) {
    auto segments = plus(at, l.key);
    std::string id = element_id(segments);
    h.open("fieldset").attr("class", "cv-text-list").attr("id", id).attr("data-list", l.key);
    h.raw(">\n<legend>").text(l.label).raw("</legend>\n");
    field_error(h, problem_at(segments, std::string(l.label) + " (" + where.text() + ")", id), id);
    if (!editable_texts(object, l.key)) {
        kept_note(h, "texts");
        h.raw("</fieldset>\n");
        return;
    }
    h.raw("<ol class=\"cv-text-items\" data-items>\n");
    if (object.contains(l.key)) {
        const json& texts = object[l.key];
        for (std::size_t i = 0; i < texts.size(); ++i)
            text_item(h, l, texts[i].get<std::string>(), segments, i, texts.size(), where);
    }
    h.raw("</ol>\n");
    button(h, "add", "add:" + dotted(segments), id + "-add", "button button-small button-secondary",
           false);
    h.raw("Add ").text(l.item).raw("<span class=\"visually-hidden\"> to ");
    entry_ref(h, where);
    h.raw("</span></button>\n</fieldset>\n");
}

void CvEditorView::text_item(HtmlWriter& h, const CvFormList& l, const std::string& value,
                             const Path& at, std::size_t index, std::size_t count,
                             const EntryRef& where) {
    auto segments = plus(at, std::to_string(index));
    std::string id = element_id(segments);
    std::string label = capitalized(l.item) + " " + std::to_string(index + 1);
    const std::string* problem = problem_at(segments, label + " (" + where.text() + ")", id);
    inputs_ += templating_ ? 0 : 1;
    h.raw("<li class=\"cv-text-item\" data-item>\n<div class=\"field\">");
    h.open("label").attr("for", id).close().text(capitalized(l.item)).raw(" <span ");
    h.raw("data-item-number>").text(std::to_string(index + 1)).raw("</span></label>\n");
    h.open("input").attr("id", id).attr("name", form_name(segments)).attr("type", "text");
    h.attr("value", value);
    if (problem)
        h.attr("aria-invalid", "true").attr("aria-describedby", id + "-error");
    h.flag("autofocus", focused(id)).raw(">\n");
    field_error(h, problem, id);
    h.raw("</div>\n<div class=\"cv-item-actions\">\n");
    std::string list = dotted(at) + ":" + std::to_string(index);
    struct Control {
        const char* op;
        const char* suffix;
        const char* glyph;
        const char* verb;
        bool hidden;
    };
    for (const auto& c : {Control{"move_up", "-up", "↑", " up", index == 0},
                          Control{"move_down", "-down", "↓", " down", index + 1 == count},
                          Control{"remove", "-remove", "✕", "", false}}) {
        button(h, c.op, std::string(c.op) + ":" + list, id + c.suffix, "button button-small",
               c.hidden);
        h.raw("<span aria-hidden=\"true\">").raw(c.glyph).raw("</span>");
        h.raw("<span class=\"visually-hidden\"> ").raw(*c.verb ? "Move " : "Remove ");
        item_ref(h, l.item, index + 1);
        h.raw(" of ");
        entry_ref(h, where);
        h.raw(c.verb).raw("</span></button>\n");
    }
    h.raw("</div>\n</li>\n");
}

// Empty entries and items that the editor's script clones for adding in place; it
// renumbers their names and ids itself.
void CvEditorView::templates(HtmlWriter& h, const CvFormSection& s) {
    templating_ = true;
    auto path = split_path(s.path);
    h.raw("<template data-entry-template>");
    entry(h, s, json::object(), path, 0, 1);
    h.raw("</template>\n");
    for (const auto& l : s.lists) {
        h.open("template").attr("data-item-template", l.key).close();
        text_item(h, l, "", plus(plus(path, "0"), l.key), 0, 1, {s.entry, 1});
        h.raw("</template>\n");
    }
    templating_ = false;
}

// A submit button naming an operation, up to the end of its start tag.
void CvEditorView::button(HtmlWriter& h, const char* op, const std::string& value,
                          const std::string& id, const char* css, bool hidden) {
    h.open("button").attr("type", "submit").attr("name", "op").attr("value", value);
    h.attr("id", id).attr("class", css).attr("data-op", op).flag("hidden", hidden);
    h.flag("autofocus", focused(id)).close();
}

const std::string* CvEditorView::problem_at(const Path& segments, const std::string& label,
                                            const std::string& id) {
    if (templating_)
        return nullptr;
    auto path = problem_path(segments);
    shown_[path] = id;
    labels_[path] = label;
    auto it = problems_.find(path);
    return it == problems_.end() ? nullptr : &it->second;
}

Data CvEditorView::summary() {
    Data list{Data::type::list};
    for (const auto& p : problem_list_) {
        Data d;
        auto label = labels_.find(p.path);
        d.set("label", label == labels_.end() ? p.path : label->second);
        d.set("message", p.message);
        auto shown = shown_.find(p.path);
        if (shown == shown_.end())
            d.set("href", false);
        else
            d.set("href", "#" + shown->second);
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
