#include "web/browser_session.hpp"

#include "core/random.hpp"

namespace vitae::web {

std::string BrowserSessions::cookie(const httplib::Request& req) const {
    return http::cookie_value(req, names_.session);
}

std::optional<auth::Principal> BrowserSessions::principal(const httplib::Request& req) const {
    std::string value = cookie(req);
    if (value.empty())
        return std::nullopt;
    return sessions_.authenticate(value);
}

void BrowserSessions::begin(httplib::Response& res, const auth::IssuedSession& issued) const {
    http::set_cookie(res, names_.session, issued.cookie,
                     {.secure = names_.secure, .max_age_s = sessions_.policy().absolute_s});
}

void BrowserSessions::clear(httplib::Response& res) const {
    http::set_cookie(res, names_.session, "", {.secure = names_.secure, .max_age_s = 0});
}

std::string BrowserSessions::anonymous_csrf(const httplib::Request& req) const {
    std::string value = http::cookie_value(req, names_.csrf);
    return value.size() == core::random_token_length(core::kSecretTokenBytes) ? value
                                                                              : std::string();
}

std::string BrowserSessions::anonymous_csrf(const httplib::Request& req,
                                            httplib::Response& res) const {
    std::string value = anonymous_csrf(req);
    if (!value.empty())
        return value;
    value = core::random_token(core::kSecretTokenBytes);
    http::set_cookie(res, names_.csrf, value, {.secure = names_.secure});
    return value;
}

Viewer BrowserSessions::viewer(const httplib::Request& req, httplib::Response& res) const {
    if (auto who = principal(req))
        return viewer(*who);
    return {std::nullopt, anonymous_csrf(req, res)};
}

void send_html(httplib::Response& res, std::string html, int status) {
    res.status = status;
    res.set_content(std::move(html), "text/html; charset=utf-8");
}

std::string local_path_or_home(std::string_view next) {
    bool local = next.starts_with("/") && !next.starts_with("//") &&
                 next.find('\\') == std::string_view::npos && next.size() <= 2000;
    for (unsigned char c : next) {
        if (c < 0x20 || c == 0x7f)
            local = false;
    }
    return local ? std::string(next) : std::string("/");
}

}  // namespace vitae::web
