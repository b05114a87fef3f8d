#include "web/application_pages.hpp"

#include "core/error.hpp"
#include "web/application_view.hpp"
#include "web/browser_session.hpp"
#include "web/sign_in_pages.hpp"

namespace vitae::web {

namespace {

using applications::Application;

constexpr const char* kApplication = R"(/applications/(\d+))";
constexpr const char* kDelete = R"(/applications/(\d+)/delete)";

// Notices after a redirect (?done=…): fixed texts, so the query cannot put words on the page.
const char* notice_for(std::string_view done) {
    if (done == "created")
        return "The application was saved.";
    if (done == "saved")
        return "Your changes were saved.";
    if (done == "moved")
        return "The status was changed; the history below keeps the date.";
    if (done == "tailored")
        return "A copy of the CV was made for this job: edit it from the link below.";
    if (done == "deleted")
        return "The application and its history were deleted.";
    if (done == "fetched")
        return "The job description was read from the posting's URL and saved. Check it below.";
    if (done == "imported")
        return "The applications were imported.";
    return nullptr;
}

std::string page_path(std::int64_t id) {
    return "/applications/" + std::to_string(id);
}

void set_notice(Data& d, const httplib::Request& req) {
    if (const char* notice = notice_for(req.get_param_value("done")))
        d.set("notice", notice);
}

Data board_columns(const std::vector<Application>& list) {
    Data columns{Data::type::list};
    for (auto status : applications::kStatuses) {
        Data cards{Data::type::list};
        for (const auto& a : list) {
            if (a.status == status)
                cards.push_back(application_row(a));
        }
        Data column;
        column.set("status", std::string(status));
        column.set("label", status_label(status));
        column.set("count", std::to_string(cards.is_empty_list() ? 0 : cards.list_value().size()));
        column.set("cards", cards);
        columns.push_back(column);
    }
    return columns;
}

Data list_data(const ApplicationPages& p, const httplib::Request& req, const auth::Principal& who) {
    auto list = p.applications.list(who.user_id);
    bool board = req.get_param_value("view") == "board";
    Data rows{Data::type::list};
    for (const auto& a : list)
        rows.push_back(application_row(a));
    Data d;
    d.set("board", board);
    d.set("has_applications", !list.empty());
    d.set("applications", rows);
    if (board)
        d.set("columns", board_columns(list));
    set_notice(d, req);
    return d;
}

Data new_data(const ApplicationPages& p, const Application& a, const auth::Principal& who) {
    Data d;
    d.set("application", application_form(a, p.cvs.list(who.user_id)));
    return d;
}

void send_page(httplib::Response& res, const ApplicationPages& p, const char* name,
               const std::string& title, const Data& d, const auth::Principal& who) {
    send_html(res, p.views.page(name, title, d, "/applications", BrowserSessions::viewer(who)));
}

void register_list_and_new(http::Router& router, const ApplicationPages& p) {
    router.get(
        "/applications", http::Access::member,
        [p](const httplib::Request& req, httplib::Response& res, const auth::Principal& who) {
            send_page(res, p, "applications", "Applications", list_data(p, req, who), who);
        });

    router.get("/applications/new", http::Access::member,
               [p](const httplib::Request&, httplib::Response& res, const auth::Principal& who) {
                   Application blank{.status = "saved"};
                   send_page(res, p, "application_new", "New application", new_data(p, blank, who),
                             who);
               });

    router.post(
        "/applications/new", http::Access::member,
        [p](const httplib::Request& req, httplib::Response& res, const auth::Principal& who) {
            auto input = posted_input(req, true);
            Data refill = new_data(p, refilled(Application{.status = "saved"}, input), who);
            handle_form(res, p.views, "application_new", "New application", refill,
                        BrowserSessions::viewer(who), [&] {
                            auto a = p.applications.create(who.user_id, input);
                            res.set_redirect(page_path(a.id) + "?done=created", 303);
                        });
        });
}

Data detail_data(const ApplicationPages& p, const Application& a, const auth::Principal& who) {
    return application_detail(a, p.cvs.list(who.user_id));
}

void register_detail(http::Router& router, const ApplicationPages& p) {
    router.get(
        kApplication, http::Access::member,
        [p](const httplib::Request& req, httplib::Response& res, const auth::Principal& who) {
            auto a = p.applications.get(who.user_id, http::path_id(req));
            Data d = detail_data(p, a, who);
            set_notice(d, req);
            send_page(res, p, "application", a.role + " at " + a.company, d, who);
        });

    router.post(
        kApplication, http::Access::member,
        [p](const httplib::Request& req, httplib::Response& res, const auth::Principal& who) {
            auto a = p.applications.get(who.user_id, http::path_id(req));
            auto input = posted_input(req, false);
            Data refill = detail_data(p, refilled(a, input), who);
            handle_form(res, p.views, "application", a.role + " at " + a.company, refill,
                        BrowserSessions::viewer(who), [&] {
                            p.applications.update(who.user_id, a.id, input);
                            res.set_redirect(page_path(a.id) + "?done=saved", 303);
                        });
        });
}

// Where a status form returns: the board or the list it was sent from, else the page.
std::string after_status(const httplib::Request& req, std::int64_t id) {
    auto back = req.get_param_value("back");
    if (back == "board")
        return "/applications?view=board#application-" + std::to_string(id);
    if (back == "list")
        return "/applications#application-" + std::to_string(id);
    return page_path(id) + "?done=moved";
}

void register_actions(http::Router& router, const ApplicationPages& p) {
    router.post(
        R"(/applications/(\d+)/status)", http::Access::member,
        [p](const httplib::Request& req, httplib::Response& res, const auth::Principal& who) {
            auto id = http::path_id(req);
            auto note = req.get_param_value("note");
            p.applications.set_status(who.user_id, id, req.get_param_value("status"),
                                      note.empty() ? std::nullopt : std::optional(note));
            res.set_redirect(after_status(req, id), 303);
        });

    router.post(
        R"(/applications/(\d+)/tailor)", http::Access::member,
        [p](const httplib::Request& req, httplib::Response& res, const auth::Principal& who) {
            auto id = http::path_id(req);
            p.applications.get(who.user_id, id);
            auto cv_id = posted_input(req, false).cv_id;
            if (!cv_id || !*cv_id)
                throw Error(ErrorCode::bad_request, "Choose the CV to tailor for this job.");
            p.applications.tailor(who.user_id, id, **cv_id);
            res.set_redirect(page_path(id) + "?done=tailored", 303);
        });

    router.get(
        kDelete, http::Access::member,
        [p](const httplib::Request& req, httplib::Response& res, const auth::Principal& who) {
            auto a = p.applications.get(who.user_id, http::path_id(req));
            Data d = application_row(a);
            send_page(res, p, "application_delete", "Delete application", d, who);
        });

    router.post(
        kDelete, http::Access::member,
        [p](const httplib::Request& req, httplib::Response& res, const auth::Principal& who) {
            p.applications.remove(who.user_id, http::path_id(req));
            res.set_redirect("/applications?done=deleted", 303);
        });
}

}  // namespace

void register_application_pages(http::Router& router, const ApplicationPages& pages) {
    register_list_and_new(router, pages);
    register_detail(router, pages);
    register_actions(router, pages);
}

Data application_dashboard(applications::ApplicationService& applications, std::int64_t owner) {
    auto dashboard = applications.dashboard(owner);
    Data counts{Data::type::list};
    for (const auto& [status, n] : dashboard.counts) {
        Data d;
        d.set("status", status);
        d.set("label", status_label(status));
        d.set("count", std::to_string(n));
        counts.push_back(d);
    }
    Data follow_ups{Data::type::list};
    auto today = applications.today();
    for (const auto& a : dashboard.follow_ups) {
        Data d = application_row(a);
        d.set("overdue", a.follow_up_on && *a.follow_up_on < today);
        follow_ups.push_back(d);
    }
    Data d;
    d.set("total", std::to_string(dashboard.total));
    d.set("counts", counts);
    d.set("has_follow_ups", !dashboard.follow_ups.empty());
    d.set("follow_ups", follow_ups);
    return d;
}

}  // namespace vitae::web
