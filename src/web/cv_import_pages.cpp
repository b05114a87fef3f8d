#include "web/cv_import_pages.hpp"

#include "core/error.hpp"
#include "cv/cv_render.hpp"
#include "web/browser_session.hpp"
#include "web/cv_template_styles.hpp"
#include "web/sign_in_pages.hpp"

namespace vitae::web {

namespace {

using nlohmann::json;

constexpr const char* kDraft = R"(/cvs/import/(\d+))";
// The draft preview is framed by the draft page, like the editor's preview.
constexpr const char* kPreviewCsp =
    "default-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

std::string kind_label(cv::SourceKind kind) {
    switch (kind) {
        case cv::SourceKind::pdf:
            return "PDF";
        case cv::SourceKind::docx:
            return "Word document (DOCX)";
        case cv::SourceKind::json:
            return "JSON Resume";
        case cv::SourceKind::text:
            return "text";
    }
    return "file";
}

std::string text_at(const json& object, const char* key) {
    if (!object.is_object() || !object.contains(key) || !object[key].is_string())
        return {};
    return object[key].get<std::string>();
}

// "Engineer, ACME" from the fields that name an entry, the first two present.
std::string entry_line(const json& entry, std::initializer_list<const char*> keys) {
    std::string line;
    int used = 0;
    for (const char* key : keys) {
        const auto value = text_at(entry, key);
        if (value.empty() || used == 2)
            continue;
        line += (used++ ? ", " : "") + value;
    }
    return line.empty() ? "(no name)" : line;
}

struct SectionSpec {
    const char* key;
    const char* label;
    std::initializer_list<const char*> names;
};

const SectionSpec kSections[] = {
    {"work", "Work", {"position", "name"}},
    {"volunteer", "Volunteering", {"position", "organization"}},
    {"education", "Education", {"studyType", "area", "institution"}},
    {"awards", "Awards", {"title", "awarder"}},
    {"certificates", "Certificates", {"name", "issuer"}},
    {"publications", "Publications", {"name", "publisher"}},
    {"skills", "Skills", {"name", "level"}},
    {"languages", "Languages", {"language", "fluency"}},
    {"interests", "Interests", {"name"}},
    {"references", "References", {"name"}},
    {"projects", "Projects", {"name", "description"}},
};

// What the parser found, section by section, for the member to check before saving.
Data sections_data(const json& resume) {
    Data sections{Data::type::list};
    const json basics = resume.contains("basics") ? resume["basics"] : json::object();
    Data basics_entries{Data::type::list};
    for (const char* key : {"name", "label", "email", "phone", "url"}) {
        if (auto value = text_at(basics, key); !value.empty())
            basics_entries.push_back(Data("line", std::string(key) + ": " + value));
    }
    if (!basics_entries.is_empty_list()) {
        Data d;
        d.set("label", "Basics");
        d.set("entries", basics_entries);
        sections.push_back(d);
    }
    for (const auto& spec : kSections) {
        if (!resume.contains(spec.key) || !resume[spec.key].is_array() || resume[spec.key].empty())
            continue;
        Data entries{Data::type::list};
        for (const auto& entry : resume[spec.key])
            entries.push_back(Data("line", entry_line(entry, spec.names)));
        Data d;
        d.set("label",
              std::string(spec.label) + " (" + std::to_string(resume[spec.key].size()) + ")");
        d.set("entries", entries);
        sections.push_back(d);
    }
    return sections;
}

Data templates_data(std::string_view chosen) {
    Data templates{Data::type::list};
    for (const auto& t : cv::kTemplates) {
        Data d;
        d.set("name", t.name);
        d.set("label", t.label);
        d.set("selected", chosen == t.name);
        templates.push_back(d);
    }
    return templates;
}

std::string suggested_title(const cv::ImportDraft& draft) {
    if (auto name = text_at(draft.imported.resume.value("basics", json::object()), "name");
        !name.empty())
        return name;
    return draft.upload.original_name;
}

Data draft_data(const cv::ImportDraft& draft, const httplib::Request& req) {
    Data notes{Data::type::list};
    for (const auto& note : draft.imported.notes)
        notes.push_back(Data("text", note));
    std::string chosen = req.get_param_value("template");
    if (chosen.empty())
        chosen = cv::kTemplates[0].name;
    Data d;
    d.set("id", std::to_string(draft.upload.id));
    d.set("kind", kind_label(draft.upload.kind));
    d.set("original_name", draft.upload.original_name.empty() ? std::string("pasted text")
                                                              : draft.upload.original_name);
    d.set("size", std::to_string(draft.upload.size));
    d.set("has_notes", !notes.is_empty_list());
    d.set("notes", notes);
    d.set("sections", sections_data(draft.imported.resume));
    d.set("templates", templates_data(chosen));
    d.set("template", chosen);
    d.set("title", req.has_param("title") ? req.get_param_value("title") : suggested_title(draft));
    d.set("saved", draft.upload.cv_id.has_value());
    if (draft.upload.cv_id)
        d.set("cv_id", std::to_string(*draft.upload.cv_id));
    return d;
}

// A multipart form gives its fields as "files"; a pasted text arrives as the field "text".
struct Submitted {
    std::string bytes;
    std::string name;
};

Submitted submitted_file(const httplib::Request& req) {
    if (req.has_file("file") && !req.get_file_value("file").content.empty()) {
        const auto& file = req.get_file_value("file");
        return {file.content, file.filename};
    }
    if (req.has_file("text"))
        return {req.get_file_value("text").content, ""};
    if (req.has_param("text"))
        return {req.get_param_value("text"), ""};
    throw Error(ErrorCode::bad_request, "Choose a file or paste the text of your CV.");
}

void register_form(http::Router& router, const CvImportPages& p) {
    router.get("/cvs/import", http::Access::member,
               [p](const httplib::Request&, httplib::Response& res, const auth::Principal& who) {
                   send_html(res, p.views.page("cv_import", "Import a CV", Data(), "/cvs",
                                               BrowserSessions::viewer(who)));
               });

    router
        .post("/cvs/import", http::Access::member,
              [p](const httplib::Request& req, httplib::Response& res, const auth::Principal& who) {
                  handle_form(res, p.views, "cv_import", "Import a CV", Data(),
                              BrowserSessions::viewer(who), [&] {
                                  const auto file = submitted_file(req);
                                  auto draft = p.imports.upload(who.user_id, file.bytes, file.name);
                                  res.set_redirect("/cvs/import/" + std::to_string(draft.upload.id),
                                                   303);
                              });
              })
        .limit(p.import_rate);
}

void register_draft(http::Router& router, const CvImportPages& p) {
    router.get(
        kDraft, http::Access::member,
        [p](const httplib::Request& req, httplib::Response& res, const auth::Principal& who) {
            auto draft = p.imports.draft(who.user_id, http::path_id(req));
            send_html(res,
                      p.views.page("cv_import_draft", "Check the import", draft_data(draft, req),
                                   "/cvs", BrowserSessions::viewer(who)));
        });

    router.get(
        std::string(kDraft) + "/preview", http::Access::member,
        [p](const httplib::Request& req, httplib::Response& res, const auth::Principal& who) {
            auto draft = p.imports.draft(who.user_id, http::path_id(req));
            auto name = req.get_param_value("template");
            const auto& chosen = cv::find_cv_template(name.empty() ? "classic" : name);
            auto parts = cv::render_cv_parts(p.views, chosen.name, draft.imported.resume);
            Data d;
            d.set("language", "en");
            d.set("title", suggested_title(draft));
            d.set("template", chosen.name);
            d.set("frame_css", p.assets.url_for("css/cv_preview.css"));
            d.set("template_css", cv_template_css_url(p.assets, chosen.name));
            d.set("body", parts.body);
            res.set_header("Content-Security-Policy", kPreviewCsp);
            res.set_header("X-Frame-Options", "SAMEORIGIN");
            send_html(res, p.views.render("cv_preview.html", d));
        });

    router.post(
        std::string(kDraft) + "/save", http::Access::member,
        [p](const httplib::Request& req, httplib::Response& res, const auth::Principal& who) {
            const auto id = http::path_id(req);
            auto draft = p.imports.draft(who.user_id, id);
            handle_form(res, p.views, "cv_import_draft", "Check the import", draft_data(draft, req),
                        BrowserSessions::viewer(who), [&] {
                            auto cv =
                                p.imports.save(who.user_id, id,
                                               {.title = req.get_param_value("title"),
                                                .template_name = req.get_param_value("template")});
                            res.set_redirect("/cvs/" + std::to_string(cv.id) + "/edit", 303);
                        });
        });
}

void register_original(http::Router& router, const CvImportPages& p) {
    router.get(
        R"(/cvs/(\d+)/original)", http::Access::member,
        [p](const httplib::Request& req, httplib::Response& res, const auth::Principal& who) {
            auto file = p.imports.original(who.user_id, http::path_id(req));
            res.set_header("Content-Disposition",
                           "attachment; filename=\"" + file.file_name + "\"");
            res.set_header("Cache-Control", "no-store");
            res.set_content(file.bytes, file.media_type);
        });
}

}  // namespace

void register_cv_import_pages(http::Router& router, const CvImportPages& pages) {
    register_form(router, pages);
    register_draft(router, pages);
    register_original(router, pages);
}

}  // namespace vitae::web
