#pragma once
// Reading and setting cookies: cpp-httplib leaves both to us.
#include <httplib.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace vitae::http {

// The value of the first cookie called `name` in the request's Cookie headers; empty
// when there is none.
std::string cookie_value(const httplib::Request& req, std::string_view name);

struct CookieOptions {
    bool secure = false;          // only over HTTPS
    std::int64_t max_age_s = -1;  // < 0: a browser-session cookie; 0: delete it now
    std::string_view path = "/";  // a narrower path keeps the cookie to one part of the site
};

// Adds a Set-Cookie header: Path, HttpOnly, SameSite=Lax, Secure and Max-Age as asked.
// `value` must be a cookie-octet string (we only set random URL-safe tokens), and so must
// the path.
void set_cookie(httplib::Response& res, std::string_view name, std::string_view value,
                const CookieOptions& options);

// The cookie names of this server. On HTTPS the __Host- prefix makes browsers refuse the
// cookie unless it is Secure, host-only and Path=/, so a sibling subdomain or a plain
// HTTP page cannot plant or overwrite it.
struct CookieNames {
    explicit CookieNames(bool secure);
    bool secure;
    std::string session;  // the signed-in session
    std::string csrf;     // the CSRF token of a browser that has no session yet
    // A typed share-link password, one cookie per link, each with that link's path: so not
    // __Host- (which demands Path=/) but __Secure-, which still demands HTTPS.
    std::string share;
};

}  // namespace vitae::http
