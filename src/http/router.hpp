#pragma once
// Every route is registered here with the role it needs, so who may call what is
// readable in one place and a test can enumerate the whole table. Public routes take a
// Handler; member and admin routes take an AuthedHandler, which receives the signed-in
// principal: a protected handler cannot forget to ask who is calling.
//
// The router also enforces, for every route, what must never be left to a handler:
// - a protected route without a signed-in caller answers 401, or for a browser asking
//   for a page, redirects to /login;
// - an unsafe method (POST, PUT, DELETE) on an HTML route must carry the CSRF token of
//   the caller's session, or of the anonymous browser's CSRF cookie (403 otherwise);
// - a route may declare a rate limit, checked per client IP and per signed-in user;
// - a browser session that owes a second factor (an admin while admins must use one) is
//   sent to /account/two-factor from every protected HTML route but enrolment and
//   /logout. API tokens are never held back: they serve scripts, which cannot enrol, and
//   a token is already a long random secret rather than a guessable password.
//
//   router.get("/account", Access::member, show_account);
//   router.post("/login", Access::public_, sign_in).limit(sign_in_rate);
#include <httplib.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "auth/principal.hpp"

namespace vitae::http {

class RateLimiter;

enum class Access { public_, member, admin };

struct RouteInfo {
    std::string method;
    std::string pattern;
    Access access;
    bool rate_limited = false;
};

using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;
using AuthedHandler =
    std::function<void(const httplib::Request&, httplib::Response&, const auth::Principal&)>;
// Who sent the request (API token, session cookie), or nothing.
using Authenticator = std::function<std::optional<auth::Principal>(const httplib::Request&)>;
// The CSRF token a browser without a session must echo (from its CSRF cookie), or "".
using AnonymousCsrf = std::function<std::string(const httplib::Request&)>;

// The JSON API lives under /api/: token-authenticated, JSON errors, no CSRF.
bool is_api_path(std::string_view path);

// The number a route pattern captured as its first group (or `group`), e.g.
// R"(/admin/users/(\d+))". Throws vitae::Error(not_found) when it is not a positive 64-bit
// number.
std::int64_t path_id(const httplib::Request& req, std::size_t group = 1);

class Router {
  public:
    explicit Router(httplib::Server& server) : server_(server) {}

    // Without an authenticator every protected route answers 401: it fails closed.
    void set_authenticator(Authenticator authenticator) {
        gate_->authenticate = std::move(authenticator);
    }
    // Without it, every unsafe public HTML route answers 403: it fails closed too.
    void set_anonymous_csrf(AnonymousCsrf csrf) { gate_->anonymous_csrf = std::move(csrf); }

    Router& get(const std::string& pattern, Access access, Handler handler);
    Router& get(const std::string& pattern, Access access, AuthedHandler handler);
    Router& post(const std::string& pattern, Access access, Handler handler);
    Router& post(const std::string& pattern, Access access, AuthedHandler handler);
    Router& put(const std::string& pattern, Access access, AuthedHandler handler);
    Router& del(const std::string& pattern, Access access, AuthedHandler handler);

    // Rate-limits the route registered last: one token of `limiter` per request, keyed by
    // the client IP and, when signed in, by the user too. The limiter must outlive the
    // router.
    Router& limit(RateLimiter& limiter);

    const std::vector<RouteInfo>& routes() const { return routes_; }

  private:
    struct Gate {
        Authenticator authenticate;
        AnonymousCsrf anonymous_csrf;
    };
    struct Limits {
        RateLimiter* limiter = nullptr;
    };

    Router& add(const char* method, const std::string& pattern, Access access, Handler handler);
    Router& add_public(const char* method, const std::string& pattern, Handler handler);
    Router& add_protected(const char* method, const std::string& pattern, Access access,
                          AuthedHandler handler);

    httplib::Server& server_;
    // Shared with the installed handlers, which read them at request time, so the gate
    // may be installed after the routes.
    std::shared_ptr<Gate> gate_ = std::make_shared<Gate>();
    std::vector<RouteInfo> routes_;
    std::vector<std::shared_ptr<Limits>> limits_;  // parallel to routes_
};

}  // namespace vitae::http
