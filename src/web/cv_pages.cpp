#include "web/cv_pages.hpp"

#include "core/clock.hpp"
#include "core/error.hpp"
#include "cv/cv_render.hpp"
#include "web/browser_session.hpp"
#include "web/sign_in_pages.hpp"

namespace vitae::web {

namespace {

constexpr const char* kCvDelete = R"(/cvs/(\d+)/delete)";

// Notices after a redirect (?done=…): fixed texts, so the query cannot put words on the page.
const char* notice_for(std::string_view done) {
    if (done == "deleted")
        return "The CV and its versions were deleted.";
    if (done == "duplicated")
        return "The copy is at the top of the list, titled “… (copy)”.";
    return nullptr;
}

// "Classic" of "Classic: one column": the table has little room.
std::string short_label(std::string_view template_name) {
    std::string label = cv::find_cv_template(template_name).label;
    return label.substr(0, label.find(':'));
}

Data cv_row(const cv::Cv& cv) {
    auto updated = std::chrono::system_clock::time_point(std::chrono::seconds(cv.updated_at));
    Data d;
    d.set("id", std::to_string(cv.id));
    d.set("title", cv.title);
    d.set("template", short_label(cv.template_name));
    d.set("updated_iso", core::iso8601_utc(updated));
    d.set("updated_text", core::format_utc(updated, "%Y-%m-%d %H:%M UTC"));
    return d;
}

Data list_data(const CvPages& p, const httplib::Request& req, const auth::Principal& who) {
    Data cvs{Data::type::list};
    for (const auto& cv : p.cvs.list(who.user_id))
        cvs.push_back(cv_row(cv));
    Data d;
    d.set("has_cvs", !cvs.is_empty_list());
    d.set("cvs", cvs);
    d.set("list_js", p.assets.url_for("js/cv_list.js"));
    if (const char* notice = notice_for(req.get_param_value("done")))
        d.set("notice", notice);
    return d;
}

Data new_data(const httplib::Request& req) {
    std::string chosen = req.get_param_value("template");
    Data templates{Data::type::list};
    for (const auto& t : cv::kTemplates) {
        Data d;
        d.set("name", t.name);
        d.set("label", t.label);
        bool first = std::string_view(t.name) == cv::kTemplates[0].name;
        d.set("selected", chosen.empty() ? first : chosen == t.name);
        templates.push_back(d);
    }
    Data form;
    form.set("title", req.get_param_value("title"));
    Data d;
    d.set("templates", templates);
    d.set("form", form);
    d.set("empty", req.get_param_value("start") == "empty");
    return d;
}

// What "start with my name and email" gives: the member's own details, and one empty
// entry in the sections nearly every CV has, ready to fill in.
nlohmann::json starter_resume(const auth::Principal& who) {
    nlohmann::json basics = {{"email", who.email}};
    if (!who.name.empty())
        basics["name"] = who.name;
    return {{"basics", basics},
            {"work", nlohmann::json::array({nlohmann::json::object()})},
            {"education", nlohmann::json::array({nlohmann::json::object()})},
            {"skills", nlohmann::json::array({nlohmann::json::object()})}};
}

void register_list_and_new(http::Router& router, const CvPages& p) {
    router.get(
        "/cvs", http::Access::member,
        [p](const httplib::Request& req, httplib::Response& res, const auth::Principal& who) {
            send_html(res, p.views.page("cvs", "My CVs", list_data(p, req, who), "/cvs",
                                        BrowserSessions::viewer(who)));
        });

    router.get(
        "/cvs/new", http::Access::member,
        [p](const httplib::Request& req, httplib::Response& res, const auth::Principal& who) {
            send_html(res, p.views.page("cv_new", "New CV", new_data(req), "/cvs",
                                        BrowserSessions::viewer(who)));
        });

    router.post(
        "/cvs/new", http::Access::member,
        [p](const httplib::Request& req, httplib::Response& res, const auth::Principal& who) {
            auto viewer = BrowserSessions::viewer(who);
            handle_form(res, p.views, "cv_new", "New CV", new_data(req), viewer, [&] {
                cv::NewCv input{.title = req.get_param_value("title")};
                if (req.has_param("template"))
                    input.template_name = req.get_param_value("template");
                if (req.get_param_value("start") != "empty")
                    input.resume = starter_resume(who);
                auto cv = p.cvs.create(who.user_id, input);
                res.set_redirect("/cvs/" + std::to_string(cv.id) + "/edit", 303);
            });
        });
}

void register_duplicate_and_delete(http::Router& router, const CvPages& p) {
    router.post(
        R"(/cvs/(\d+)/duplicate)", http::Access::member,
        [p](const httplib::Request& req, httplib::Response& res, const auth::Principal& who) {
            p.cvs.duplicate(who.user_id, http::path_id(req));
            res.set_redirect("/cvs?done=duplicated", 303);
        });

    // Without JavaScript, deleting takes this confirmation page; with it, a dialog on
    // the list posts the same form.
    router.get(
        kCvDelete, http::Access::member,
        [p](const httplib::Request& req, httplib::Response& res, const auth::Principal& who) {
            auto cv = p.cvs.get(who.user_id, http::path_id(req));
            Data d;
            d.set("id", std::to_string(cv.id));
            d.set("title", cv.title);
            send_html(res, p.views.page("cv_delete", "Delete CV", d, "/cvs",
                                        BrowserSessions::viewer(who)));
        });

    router.post(
        kCvDelete, http::Access::member,
        [p](const httplib::Request& req, httplib::Response& res, const auth::Principal& who) {
            p.cvs.remove(who.user_id, http::path_id(req));
            res.set_redirect("/cvs?done=deleted", 303);
        });
}

}  // namespace

void register_cv_pages(http::Router& router, const CvPages& pages) {
    register_list_and_new(router, pages);
    register_duplicate_and_delete(router, pages);
}

}  // namespace vitae::web
