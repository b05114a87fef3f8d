#include "web/cv_share_pages.hpp"

#include "core/error.hpp"
#include "http/server.hpp"
#include "web/browser_session.hpp"
#include "web/moment.hpp"

namespace vitae::web {

namespace {

struct Expiry {
    const char* value;  // the form's value: days, or "" for never
    const char* label;
    std::int64_t days;
};

constexpr Expiry kExpiries[] = {
    {"1", "In 1 day", 1},     {"7", "In 7 days", 7},     {"30", "In 30 days", 30},
    {"90", "In 90 days", 90}, {"365", "In a year", 365}, {"", "Never (until revoked)", 0},
};
constexpr std::string_view kDefaultExpiry = "30";

// The lifetime the form's choice stands for; Error(bad_request) for anything not offered.
std::optional<std::int64_t> lifetime_of(std::string_view choice) {
    for (const auto& e : kExpiries) {
        if (choice == e.value)
            return e.days ? std::optional<std::int64_t>(e.days * 86400) : std::nullopt;
    }
    throw Error(ErrorCode::bad_request, "Choose when the link expires from the list.");
}

// Every key the row template reads is set (false when empty): a missing key would be
// looked up in the page around it.
Data link_data(const cv::CvShare& share) {
    Data data;
    data.set("id", std::to_string(share.id));
    data.set("name", share.name);
    data.set("has_name", !share.name.empty());
    data.set("created", moment(share.created_at));
    data.set("expires", share.expires_at ? moment(*share.expires_at) : Data(false));
    data.set("has_password", share.has_password);
    data.set("views", std::to_string(share.view_count));
    data.set("last_viewed", share.last_viewed_at ? moment(*share.last_viewed_at) : Data(false));
    data.set("active", share.state == cv::ShareState::active);
    data.set("expired", share.state == cv::ShareState::expired);
    data.set("revoked", share.revoked_at ? moment(*share.revoked_at) : Data(false));
    return data;
}

Data expiry_options(std::string_view chosen) {
    Data list{Data::type::list};
    for (const auto& e : kExpiries) {
        Data option;
        option.set("value", e.value);
        option.set("label", e.label);
        option.set("selected", chosen == e.value);
        list.push_back(option);
    }
    return list;
}

// The page for the owner's CV; Error(not_found) when it is not theirs.
Data page_data(const CvSharePages& p, const auth::Principal& who, std::int64_t cv_id) {
    auto cv = p.cvs.get(who.user_id, cv_id);
    Data links{Data::type::list};
    auto shares = p.shares.list(who.user_id, cv_id);
    for (const auto& share : shares)
        links.push_back(link_data(share));
    Data data;
    data.set("cv_id", std::to_string(cv_id));
    data.set("cv_title", cv.title);
    data.set("links", links);
    data.set("has_links", !shares.empty());
    data.set("expiries", expiry_options(kDefaultExpiry));
    return data;
}

void send_page(httplib::Response& res, const CvSharePages& p, const Data& data,
               const auth::Principal& who, int status = 200) {
    send_html(res, p.views.page("cv_share", "Share links", data, "", BrowserSessions::viewer(who)),
              status);
}

void show(const CvSharePages& p, const httplib::Request& req, httplib::Response& res,
          const auth::Principal& who) {
    Data data = page_data(p, who, http::path_id(req));
    if (req.get_param_value("done") == "revoked")
        data.set("notice", "The link was revoked. It opens nothing from now on.");
    send_page(res, p, data, who);
}

void create(const CvSharePages& p, const httplib::Request& req, httplib::Response& res,
            const auth::Principal& who) {
    auto cv_id = http::path_id(req);
    std::string name = req.get_param_value("name");
    std::string expires = req.get_param_value("expires");
    std::string password = req.get_param_value("password");
    cv::CreatedShare created;
    try {
        created = p.shares.create(who.user_id, cv_id, {name, password, lifetime_of(expires)},
                                  auth::Actor::of(who, http::caller_ip(req)));
    } catch (const Error& e) {
        if (e.code() != ErrorCode::bad_request)
            throw;
        Data data = page_data(p, who, cv_id);
        data.set("share_name", name);
        data.set("expiries", expiry_options(expires));
        data.set("error", std::string(e.what()));
        send_page(res, p, data, who, 400);
        return;
    }
    // In this response only, never through a redirect: only the token's hash is stored,
    // and the page is served no-store.
    Data data = page_data(p, who, cv_id);
    data.set("new_link", p.base_url + "/s/" + created.token);
    data.set("new_link_password", !password.empty());
    send_page(res, p, data, who);
}

void revoke(const CvSharePages& p, const httplib::Request& req, httplib::Response& res,
            const auth::Principal& who) {
    auto cv_id = http::path_id(req, 1);
    p.shares.revoke(who.user_id, cv_id, http::path_id(req, 2),
                    auth::Actor::of(who, http::caller_ip(req)));
    res.set_redirect("/cvs/" + std::to_string(cv_id) + "/share?done=revoked", 303);
}

}  // namespace

void register_cv_share_pages(http::Router& router, const CvSharePages& pages) {
    using Req = const httplib::Request&;
    using Who = const auth::Principal&;
    router.get(R"(/cvs/(\d+)/share)", http::Access::member,
               [pages](Req req, httplib::Response& res, Who who) { show(pages, req, res, who); });
    router.post(
        R"(/cvs/(\d+)/share)", http::Access::member,
        [pages](Req req, httplib::Response& res, Who who) { create(pages, req, res, who); });
    router.post(
        R"(/cvs/(\d+)/share/(\d+)/revoke)", http::Access::member,
        [pages](Req req, httplib::Response& res, Who who) { revoke(pages, req, res, who); });
}

}  // namespace vitae::web
