// The CV editor: one form for the whole JSON Resume document, working without
// JavaScript (every button a plain submit, see cv_form_op.hpp) and autosaving with it
// (the same POST, answered in JSON), beside a live preview.
//
// The preview is a same-origin <iframe> of GET /cvs/{id}/preview, a document of its own
// holding the template's HTML fragment and linking the template's stylesheet, rendered by
// the same files as the exports (cv::render_cv_parts). A frame rather than a fragment in
// the editor page, because the CV's stylesheet then cannot restyle the editor, nor the
// editor's the CV; and linked CSS rather than a <style> element, because our CSP allows no
// inline style. Framing is refused site-wide (frame-ancestors 'none', X-Frame-Options
// DENY); only the preview answers with frame-ancestors 'self' and SAMEORIGIN, and it
// allows no script at all. The editor's script reloads the frame after each autosave.
#include <nlohmann/json.hpp>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "cv/cv_render.hpp"
#include "web/browser_session.hpp"
#include "web/cv_editor_view.hpp"
#include "web/cv_form.hpp"
#include "web/cv_form_op.hpp"
#include "web/cv_pages.hpp"
#include "web/cv_template_styles.hpp"

namespace vitae::web {

namespace {

using nlohmann::json;

constexpr const char* kCvEdit = R"(/cvs/(\d+)/edit)";
constexpr const char* kPreviewCsp =
    "default-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

bool wants_json(const httplib::Request& req) {
    return req.get_header_value("Accept").find("application/json") != std::string::npos;
}

// The autosave script's body: {"fields": [["work[0][name]", "…"], …]}.
FormFields json_fields(const std::string& body) {
    auto refuse = [] {
        throw Error(ErrorCode::bad_request, "Expected {\"fields\": [[name, value], …]}.");
    };
    auto parsed = json::parse(body, nullptr, false);
    if (!parsed.is_object() || !parsed.contains("fields") || !parsed["fields"].is_array())
        refuse();
    FormFields out;
    for (const auto& pair : parsed["fields"]) {
        if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() || !pair[1].is_string())
            refuse();
        out.emplace(pair[0].get<std::string>(), pair[1].get<std::string>());
    }
    return out;
}

// What the editor posted. cpp-httplib (Debian's shared build) refuses urlencoded forms over
// 8 KiB, which a long CV's form passes at once, so the editor's form is multipart (up to
// cpp-httplib's 1024 parts without JavaScript) and its script sends JSON (any size up to
// the body limit). Small urlencoded forms are read too.
FormFields posted_fields(const httplib::Request& req) {
    if (req.is_multipart_form_data()) {
        FormFields out;
        for (const auto& [name, part] : req.files)
            out.emplace(name, part.content);
        return out;
    }
    if (req.get_header_value("Content-Type").starts_with("application/json"))
        return json_fields(req.body);
    return {req.params.begin(), req.params.end()};
}

std::optional<std::string> field(const FormFields& fields, const std::string& name) {
    auto it = fields.find(name);
    return it == fields.end() ? std::nullopt : std::optional(it->second);
}

// What the editor page says above the form, besides the validation problems.
struct Notes {
    const char* notice = nullptr;
    std::string error;
};

void send_editor(httplib::Response& res, const CvPages& p, const cv::Cv& cv,
                 const auth::Principal& who, const std::string& focus, const Notes& notes = {}) {
    Data data = CvEditorView(cv, focus).data();
    data.set("editor_js", p.assets.url_for("js/cv_editor.js"));
    if (notes.notice)
        data.set("notice", notes.notice);
    if (!notes.error.empty())
        data.set("error", notes.error);
    send_html(
        res,
        p.views.page("cv_edit", "Edit " + cv.title, data, "/cvs", BrowserSessions::viewer(who)),
        notes.error.empty() ? 200 : 400);
}

struct Saved {
    cv::Cv cv;
    std::string metadata_error;  // a refused title, template or language; "" when none
};

bool unchanged(const cv::Cv& stored, const cv::CvChanges& c) {
    return c.resume == stored.resume && c.title.value_or(stored.title) == stored.title &&
           c.template_name.value_or(stored.template_name) == stored.template_name &&
           c.language.value_or(stored.language) == stored.language;
}

// Saves the draft whatever validation thinks of it. A refused title, template or language
// must not cost the résumé edits: the résumé is then saved alone. Saving what is already
// stored (an autosave retry) keeps no new version.
Saved save(const CvPages& p, const auth::Principal& who, const cv::Cv& stored,
           const FormFields& fields, json resume) {
    cv::CvChanges changes{.title = field(fields, "title"),
                          .template_name = field(fields, "template"),
                          .language = field(fields, "language"),
                          .resume = std::move(resume)};
    if (unchanged(stored, changes))
        return {stored, ""};
    try {
        return {p.cvs.update(who.user_id, stored.id, changes), ""};
    } catch (const Error& e) {
        if (e.code() != ErrorCode::bad_request)
            throw;
        if (changes.resume == stored.resume)
            return {stored, e.what()};
        return {p.cvs.update(who.user_id, stored.id, {.resume = changes.resume}), e.what()};
    }
}

void send_saved_json(httplib::Response& res, const Saved& saved) {
    const auto& cv = saved.cv;
    auto updated = std::chrono::system_clock::time_point(std::chrono::seconds(cv.updated_at));
    json body = {{"saved", true},
                 {"updated_at", core::iso8601_utc(updated)},
                 {"updated_text", core::format_utc(updated, "%Y-%m-%d %H:%M UTC")},
                 {"title", cv.title},
                 {"template", cv.template_name},
                 {"problems", CvEditorView(cv, "").problems_json()}};
    if (!saved.metadata_error.empty())
        body["error"] = saved.metadata_error;
    res.set_header("Cache-Control", "no-store");
    res.set_content(body.dump(), "application/json");
}

void post_editor(const CvPages& p, const httplib::Request& req, httplib::Response& res,
                 const auth::Principal& who) {
    auto stored = p.cvs.get(who.user_id, http::path_id(req));
    auto fields = posted_fields(req);
    auto resume = merge_cv_form(stored.resume, fields);
    std::string focus;
    if (auto op = field(fields, "op"); op && !op->empty())
        focus = CvFormOp::parse(*op).apply(resume);
    auto saved = save(p, who, stored, fields, std::move(resume));
    if (wants_json(req))
        return send_saved_json(res, saved);
    if (!saved.metadata_error.empty())
        return send_editor(res, p, saved.cv, who, focus, {.error = saved.metadata_error});
    std::string editor = "/cvs/" + std::to_string(stored.id) + "/edit";
    res.set_redirect(focus.empty() ? editor + "?done=saved" : editor + "?at=" + focus + "#" + focus,
                     303);
}

void register_editor(http::Router& router, const CvPages& p) {
    router.get(
        kCvEdit, http::Access::member,
        [p](const httplib::Request& req, httplib::Response& res, const auth::Principal& who) {
            auto cv = p.cvs.get(who.user_id, http::path_id(req));
            Notes notes;
            if (req.get_param_value("done") == "saved")
                notes.notice = "Saved.";
            send_editor(res, p, cv, who, req.get_param_value("at"), notes);
        });

    router.post(kCvEdit, http::Access::member,
                [p](const httplib::Request& req, httplib::Response& res,
                    const auth::Principal& who) { post_editor(p, req, res, who); });
}

void register_preview(http::Router& router, const CvPages& p) {
    router.get(
        R"(/cvs/(\d+)/preview)", http::Access::member,
        [p](const httplib::Request& req, httplib::Response& res, const auth::Principal& who) {
            auto cv = p.cvs.get(who.user_id, http::path_id(req));
            auto parts = cv::render_cv_parts(p.views, cv.template_name, cv.resume);
            Data d;
            d.set("language", cv.language);
            d.set("title", cv.title);
            d.set("template", cv.template_name);
            d.set("frame_css", p.assets.url_for("css/cv_preview.css"));
            d.set("template_css", cv_template_css_url(p.assets, cv.template_name));
            d.set("body", parts.body);
            res.set_header("Content-Security-Policy", kPreviewCsp);
            res.set_header("X-Frame-Options", "SAMEORIGIN");
            send_html(res, p.views.render("cv_preview.html", d));
        });
}

}  // namespace

void register_cv_editor_page(http::Router& router, const CvPages& pages) {
    register_editor(router, pages);
    register_preview(router, pages);
}

}  // namespace vitae::web
