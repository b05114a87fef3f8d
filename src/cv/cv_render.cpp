#include "cv/cv_render.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "cv/cv_view.hpp"

namespace vitae::cv {

namespace {

using web::Data;

// Every key a template may ask for is set, empty ones to false: mustache looks a missing
// key up in the enclosing contexts, which would show, say, the basics' summary inside an
// entry that has none.
void set_text(Data& data, const std::string& key, const std::string& text) {
    if (text.empty())
        data.set(key, false);
    else
        data.set(key, text);
}

void set_texts(Data& data, const std::string& key, const std::vector<std::string>& texts) {
    Data list{Data::type::list};
    for (const auto& text : texts) {
        Data item;
        item.set("text", text);
        list.push_back(item);
    }
    data.set(key, list);
    data.set("has_" + key, !texts.empty());
}

void set_link(Data& data, const std::string& key, const CvLink& link) {
    Data out;
    out.set("text", link.text);
    out.set("is_link", link.is_link);
    data.set(key, link.empty() ? Data(false) : out);
}

// Short lists (skills, languages, interests) read best with their keywords on the
// heading line; longer entries give them a line of their own.
Data entry_data(const CvEntry& entry, bool inline_keywords) {
    Data data;
    data.set("inline_keywords", inline_keywords);
    set_text(data, "title", entry.title);
    set_text(data, "subtitle", entry.subtitle);
    set_text(data, "where", entry.where);
    set_text(data, "dates", entry.dates);
    set_link(data, "url", entry.url);
    set_text(data, "description", entry.description);
    set_texts(data, "notes", entry.notes);
    set_texts(data, "summary", entry.summary);
    set_texts(data, "highlights", entry.highlights);
    set_texts(data, "keywords", entry.keywords);
    set_text(data, "keywords_text", joined(entry.keywords, ", "));
    return data;
}

Data section_data(const CvSection& section) {
    Data entries{Data::type::list};
    for (const auto& entry : section.entries)
        entries.push_back(entry_data(entry, section.side));
    Data data;
    data.set("key", section.key);
    data.set("heading", section.heading);
    data.set("side", section.side);
    data.set("entries", entries);
    return data;
}

Data profile_data(const CvProfile& profile) {
    Data data;
    set_text(data, "network", profile.network);
    set_text(data, "username", profile.username);
    set_link(data, "url", profile.url);
    return data;
}

Data basics_data(const CvBasics& basics) {
    Data data;
    set_text(data, "name", basics.name);
    set_text(data, "label", basics.label);
    set_text(data, "email", basics.email);
    set_text(data, "phone", basics.phone);
    set_link(data, "url", basics.url);
    set_text(data, "location", basics.location);
    set_texts(data, "summary", basics.summary);
    Data profiles{Data::type::list};
    for (const auto& profile : basics.profiles)
        profiles.push_back(profile_data(profile));
    data.set("profiles", profiles);
    data.set("has_profiles", !basics.profiles.empty());
    data.set("has_contact", !basics.email.empty() || !basics.phone.empty() || !basics.url.empty() ||
                                !basics.location.empty() || !basics.profiles.empty());
    return data;
}

// The modern template puts the short lists in its side column; the others show
// `sections` in schema order.
Data cv_data(const CvView& view) {
    Data all{Data::type::list};
    Data main{Data::type::list};
    Data side{Data::type::list};
    for (const auto& section : view.sections) {
        auto data = section_data(section);
        all.push_back(data);
        (section.side ? side : main).push_back(data);
    }
    Data data;
    data.set("basics", basics_data(view.basics));
    data.set("sections", all);
    data.set("main_sections", main);
    data.set("side_sections", side);
    return data;
}

std::string escaped(const std::string& text) {
    return kainjow::mustache::html_escape<std::string>(text);
}

CvHtmlParts parts_of(const web::Views& views, std::string_view template_name, const CvView& view) {
    const std::string name = find_cv_template(template_name).name;
    // The stylesheet goes through the same asset lookup; it has no mustache tags.
    return {views.render("cv/" + name + ".html", cv_data(view)),
            views.render("cv/" + name + ".css", {})};
}

}  // namespace

const CvTemplate& find_cv_template(std::string_view name) {
    auto it = std::find_if(std::begin(kTemplates), std::end(kTemplates),
                           [&](const CvTemplate& t) { return t.name == name; });
    if (it != std::end(kTemplates))
        return *it;
    std::string known;
    for (const auto& t : kTemplates)
        known += std::string(known.empty() ? "" : ", ") + t.name;
    throw Error(ErrorCode::bad_request,
                "Unknown template \"" + std::string(name) + "\"; choose one of " + known + ".");
}

CvHtmlParts render_cv_parts(const web::Views& views, std::string_view template_name,
                            const nlohmann::json& resume) {
    return parts_of(views, template_name, cv_view_of(resume));
}

std::string render_cv_html(const web::Views& views, std::string_view template_name,
                           const nlohmann::json& resume) {
    auto view = cv_view_of(resume);
    auto parts = parts_of(views, template_name, view);
    const auto& name = view.basics.name;
    auto title = escaped(name.empty() ? "CV" : name + " – CV");
    return "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "<meta name=\"author\" content=\"" +
           escaped(name) + "\">\n<title>" + title + "</title>\n<style>\n" + parts.css +
           "</style>\n</head>\n<body>\n" + parts.body + "</body>\n</html>\n";
}

}  // namespace vitae::cv
