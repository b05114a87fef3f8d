#include "web/shared_cv_pages.hpp"

#include "core/error.hpp"
#include "cv/cv_export.hpp"
#include "cv/cv_pdf.hpp"
#include "cv/cv_render.hpp"
#include "http/cookies.hpp"
#include "http/server.hpp"
#include "web/cv_template_styles.hpp"
#include "web/sign_in_pages.hpp"

namespace vitae::web {

namespace {

constexpr const char* kPasswordTitle = "Password needed";

// A shared page must not be cached by a shared proxy, indexed by a search engine, or leak
// its token in the Referer header of a link the CV contains. Set before anything can
// throw, so the 404 of a dead link carries them too.
void set_private_headers(httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    res.set_header("X-Robots-Tag", "noindex, nofollow");
    res.set_header("Referrer-Policy", "no-referrer");
}

std::string token_of(const httplib::Request& req) {
    return req.matches[1].str();
}

std::string link_path(const std::string& token) {
    return "/s/" + token;
}

// basics.name when the résumé has one; the page and the PDF are titled after it.
std::string person_of(const nlohmann::json& resume) {
    auto basics = resume.find("basics");
    if (!resume.is_object() || basics == resume.end() || !basics->is_object())
        return {};
    auto name = basics->find("name");
    return name != basics->end() && name->is_string() ? name->get<std::string>() : std::string();
}

std::string page_title(const nlohmann::json& resume) {
    std::string name = person_of(resume);
    return name.empty() ? "CV" : name + " – CV";
}

std::string render_shared(const SharedCvPages& p, const cv::SharedCv& shared,
                          const std::string& token) {
    auto parts = cv::render_cv_parts(p.views, shared.template_name, shared.resume);
    Data data;
    data.set("title", page_title(shared.resume));
    data.set("language", shared.language);
    data.set("icon", p.assets.url_for("icons/favicon.svg"));
    data.set("share_css", p.assets.url_for("css/share.css"));
    data.set("template_css", cv_template_css_url(p.assets, shared.template_name));
    data.set("pdf_href", link_path(token) + "/cv.pdf");
    data.set("cv", parts.body);
    return p.views.render("share/cv.html", data);
}

Data password_form(const std::string& token) {
    Data data;
    data.set("action", link_path(token));
    return data;
}

void show(const SharedCvPages& p, const httplib::Request& req, httplib::Response& res) {
    set_private_headers(res);
    std::string token = token_of(req);
    // HEAD (link previews, crawlers checking a URL) is answered but is not a view.
    auto shared =
        p.shares.open(token, http::cookie_value(req, p.browser.names().share), req.method == "GET");
    if (!shared) {
        send_html(res, p.views.page("share_password", kPasswordTitle, password_form(token), "",
                                    p.browser.anonymous_viewer(req, res)));
        return;
    }
    send_html(res, render_shared(p, *shared, token));
}

// The PDF is not a page view: the count says how often the link was opened.
void download(const SharedCvPages& p, const httplib::Request& req, httplib::Response& res) {
    set_private_headers(res);
    std::string token = token_of(req);
    auto shared = p.shares.open(token, http::cookie_value(req, p.browser.names().share), false);
    if (!shared) {
        res.set_redirect(link_path(token), 303);  // to the password form
        return;
    }
    // Titled after the person, never after the CV: its title is the owner's private note.
    const auto& resume = shared->resume;
    auto paper = cv::parse_paper_size(req.get_param_value("paper"), resume);
    auto pdf = cv::render_cv_pdf(p.views, shared->template_name, resume,
                                 {paper, page_title(resume), person_of(resume)});
    res.set_header(
        "Content-Disposition",
        "attachment; filename=\"" + cv::export_file_name(page_title(resume), "pdf") + "\"");
    res.set_content(std::move(pdf), "application/pdf");
}

void unlock(const SharedCvPages& p, const httplib::Request& req, httplib::Response& res) {
    set_private_headers(res);
    std::string token = token_of(req);
    auto link = p.shares.find(token);
    if (!link.needs_password) {
        res.set_redirect(link_path(token), 303);
        return;
    }
    Viewer viewer{std::nullopt, p.browser.anonymous_csrf(req)};
    handle_form(res, p.views, "share_password", kPasswordTitle, password_form(token), viewer, [&] {
        std::string ip = http::caller_ip(req);
        std::string key = "share:" + std::to_string(link.id);
        p.throttle.check("ip:" + ip, key);
        auto grant = p.shares.unlock(token, req.get_param_value("password"));
        if (!grant) {
            audit_throttle(p.audit, p.throttle.record_failure("ip:" + ip, key),
                           "share link " + std::to_string(link.id), ip, "share_password");
            throw Error(ErrorCode::unauthorized, "That password is not right.");
        }
        p.throttle.succeeded(key);
        // Scoped to this link's path: the grant is sent to this link's pages only, and the
        // server ties it to this link anyway.
        const std::string path = link_path(token);
        http::set_cookie(
            res, p.browser.names().share, grant->value,
            {.secure = p.browser.names().secure, .max_age_s = grant->max_age_s, .path = path});
        res.set_redirect(path, 303);
    });
}

}  // namespace

void register_shared_cv_pages(http::Router& router, const SharedCvPages& pages) {
    const std::string link = R"(/s/([A-Za-z0-9_-]+))";
    router.get(
        link, http::Access::public_,
        [pages](const httplib::Request& req, httplib::Response& res) { show(pages, req, res); });
    router
        .post(link, http::Access::public_,
              [pages](const httplib::Request& req, httplib::Response& res) {
                  unlock(pages, req, res);
              })
        .limit(pages.rate);
    router
        .get(link + R"(/cv\.pdf)", http::Access::public_,
             [pages](const httplib::Request& req, httplib::Response& res) {
                 download(pages, req, res);
             })
        .limit(pages.pdf_rate);
}

}  // namespace vitae::web
