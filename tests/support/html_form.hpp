#pragma once
// What a browser would submit from a page's form, read from the HTML the server sent:
// inputs (checked ones only for checkboxes and radios), textareas and selects, without
// buttons and without anything inside <template>. For tests that post a form back exactly
// as it was rendered. Plain string scanning: the pages are our own well-formed HTML.
#include <httplib.h>

#include <optional>
#include <string>
#include <string_view>

namespace vitae::test {

inline std::string html_unescape(std::string_view s) {
    static const std::pair<std::string_view, char> kEntities[] = {
        {"&amp;", '&'},  {"&lt;", '<'},    {"&gt;", '>'},
        {"&quot;", '"'}, {"&apos;", '\''}, {"&#39;", '\''}};
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        bool replaced = false;
        for (const auto& [entity, c] : kEntities) {
            if (s.substr(i, entity.size()) == entity) {
                out += c;
                i += entity.size();
                replaced = true;
                break;
            }
        }
        if (!replaced)
            out += s[i++];
    }
    return out;
}

// The value of attribute `name` in a start tag's text, unescaped; nothing when absent.
inline std::optional<std::string> html_attribute(std::string_view tag, std::string_view name) {
    std::string needle = " " + std::string(name) + "=\"";
    auto at = tag.find(needle);
    if (at == std::string_view::npos)
        return std::nullopt;
    auto start = at + needle.size();
    return html_unescape(tag.substr(start, tag.find('"', start) - start));
}

// A boolean attribute (checked, selected) in a start tag's text (without its '>').
inline bool html_flag(std::string_view tag, std::string_view name) {
    if (tag.ends_with(" " + std::string(name)))
        return true;
    for (char after : {' ', '\n'}) {
        if (tag.find(" " + std::string(name) + after) != std::string_view::npos)
            return true;
    }
    return false;
}

// The HTML of the form whose action is `action`, <template> elements cut out.
inline std::string html_form_body(const std::string& html, const std::string& action) {
    auto at = html.find("action=\"" + action + "\"");
    if (at == std::string::npos)
        return {};
    std::string form = html.substr(at, html.find("</form>", at) - at);
    std::size_t t;
    while ((t = form.find("<template")) != std::string::npos)
        form.erase(t, form.find("</template>", t) + 11 - t);
    return form;
}

inline void add_inputs(const std::string& form, httplib::Params& out) {
    for (std::size_t at = 0; (at = form.find("<input", at)) != std::string::npos;) {
        std::string_view tag(form.data() + at, form.find('>', at) - at);
        at += tag.size();
        auto name = html_attribute(tag, "name");
        auto type = html_attribute(tag, "type").value_or("text");
        if (!name || type == "submit" || type == "button")
            continue;
        if ((type == "checkbox" || type == "radio") && !html_flag(tag, "checked"))
            continue;
        out.emplace(*name, html_attribute(tag, "value").value_or(""));
    }
}

inline void add_textareas(const std::string& form, httplib::Params& out) {
    for (std::size_t at = 0; (at = form.find("<textarea", at)) != std::string::npos;) {
        auto open_end = form.find('>', at);
        std::string_view tag(form.data() + at, open_end - at);
        auto close = form.find("</textarea>", open_end);
        std::string_view text(form.data() + open_end + 1, close - open_end - 1);
        if (!text.empty() && text.front() == '\n')  // HTML drops one newline after <textarea>
            text.remove_prefix(1);
        if (auto name = html_attribute(tag, "name"))
            out.emplace(*name, html_unescape(text));
        at = close;
    }
}

inline void add_selects(const std::string& form, httplib::Params& out) {
    for (std::size_t at = 0; (at = form.find("<select", at)) != std::string::npos;) {
        auto close = form.find("</select>", at);
        std::string_view tag(form.data() + at, form.find('>', at) - at);
        std::string_view body(form.data() + at, close - at);
        std::optional<std::string> chosen;
        for (std::size_t o = 0; (o = body.find("<option", o)) != std::string_view::npos; ++o) {
            std::string_view option = body.substr(o, body.find('>', o) - o);
            if (!chosen || html_flag(option, "selected"))
                chosen = html_attribute(option, "value");
            if (html_flag(option, "selected"))
                break;
        }
        if (auto name = html_attribute(tag, "name"))
            out.emplace(*name, chosen.value_or(""));
        at = close;
    }
}

inline httplib::Params html_form_fields(const std::string& html, const std::string& action) {
    std::string form = html_form_body(html, action);
    httplib::Params out;
    add_inputs(form, out);
    add_textareas(form, out);
    add_selects(form, out);
    return out;
}

}  // namespace vitae::test
