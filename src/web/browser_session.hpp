#pragma once
// The browser's side of a session: the cookies that carry it, and what every page needs
// from them (who is signed in, the CSRF token for forms).
#include <httplib.h>

#include <optional>
#include <string>
#include <string_view>

#include "auth/session_service.hpp"
#include "http/cookies.hpp"
#include "web/views.hpp"

namespace vitae::web {

class BrowserSessions {
  public:
    BrowserSessions(auth::SessionService& sessions, bool secure_cookies)
        : sessions_(sessions), names_(secure_cookies) {}

    // The signed-in principal of the request's session cookie, if any.
    std::optional<auth::Principal> principal(const httplib::Request& req) const;
    // The raw session cookie (empty when absent).
    std::string cookie(const httplib::Request& req) const;

    // Sends the new session's cookie; it lives as long as the session may.
    void begin(httplib::Response& res, const auth::IssuedSession& issued) const;
    void clear(httplib::Response& res) const;

    // The CSRF token of a browser without a session, from its cookie; a fresh token (and
    // cookie) when it has none. For pages with public forms.
    std::string anonymous_csrf(const httplib::Request& req, httplib::Response& res) const;
    // The token the router checks public forms against ("" when the cookie is absent).
    std::string anonymous_csrf(const httplib::Request& req) const;

    // A page viewer: the signed-in principal and its CSRF token, or an anonymous browser
    // with its CSRF cookie token.
    Viewer viewer(const httplib::Request& req, httplib::Response& res) const;
    static Viewer viewer(const auth::Principal& who) { return {who, who.csrf_token}; }
    // For pages whose forms are public routes (sign-in, setup, links): the router checks
    // those against the anonymous CSRF cookie, even in a browser that is signed in.
    Viewer anonymous_viewer(const httplib::Request& req, httplib::Response& res) const {
        return {std::nullopt, anonymous_csrf(req, res)};
    }

    auth::SessionService& sessions() const { return sessions_; }
    const http::CookieNames& names() const { return names_; }

  private:
    auth::SessionService& sessions_;
    http::CookieNames names_;
};

// An HTML response.
void send_html(httplib::Response& res, std::string html, int status = 200);

// `next` when it is a path on this site ("/cvs?x=1"), else "/": a sign-in link must not
// become a redirect to somebody else's site.
std::string local_path_or_home(std::string_view next);

}  // namespace vitae::web
