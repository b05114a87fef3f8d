#include "http/router.hpp"

#include <charconv>

#include "core/error.hpp"
#include "http/csrf.hpp"
#include "http/rate_limiter.hpp"
#include "http/server.hpp"

namespace vitae::http {

namespace {

bool is_page_request(const httplib::Request& req) {
    return req.method == "GET" && !is_api_path(req.path);
}

// /login?next=<this page>, so signing in leads back here.
std::string login_redirect(const httplib::Request& req) {
    std::string target =
        req.params.empty() ? req.path : httplib::append_query_params(req.path, req.params);
    return "/login?next=" + httplib::detail::encode_query_param(target);
}

// While an admin owes a second factor (Principal::must_enrol_second_factor) every HTML
// route sends them to enrol, except enrolling itself and signing out. Public routes show
// nothing that needs an account, so they are not held back.
constexpr std::string_view kEnrolPath = "/account/two-factor";

bool open_while_enrolling(std::string_view path) {
    return path == kEnrolPath || (path.starts_with(kEnrolPath) && path[kEnrolPath.size()] == '/') ||
           path == "/logout";
}

void apply_limit(RateLimiter* limiter, const httplib::Request& req, const auth::Principal* who) {
    if (!limiter)
        return;
    limiter->check("ip:" + caller_ip(req));
    if (who)
        limiter->check("user:" + std::to_string(who->user_id));
}

}  // namespace

bool is_api_path(std::string_view path) {
    return path.starts_with("/api/");
}

std::int64_t path_id(const httplib::Request& req, std::size_t group) {
    std::int64_t id = 0;
    if (req.matches.size() > group) {
        std::string digits = req.matches[group].str();
        auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
        if (ec == std::errc() && end == digits.data() + digits.size() && id > 0)
            return id;
    }
    throw Error(ErrorCode::not_found, "There is nothing at this address.");
}

Router& Router::add(const char* method, const std::string& pattern, Access access,
                    Handler handler) {
    routes_.push_back({method, pattern, access});
    std::string_view m = method;
    if (m == "GET")
        server_.Get(pattern, std::move(handler));
    if (m == "POST")
        server_.Post(pattern, std::move(handler));
    if (m == "PUT")
        server_.Put(pattern, std::move(handler));
    if (m == "DELETE")
        server_.Delete(pattern, std::move(handler));
    return *this;
}

Router& Router::add_public(const char* method, const std::string& pattern, Handler handler) {
    auto limits = limits_.emplace_back(std::make_shared<Limits>());
    return add(method, pattern, Access::public_,
               [gate = gate_, limits, handler = std::move(handler)](const httplib::Request& req,
                                                                    httplib::Response& res) {
                   apply_limit(limits->limiter, req, nullptr);
                   if (is_unsafe_method(req.method) && !is_api_path(req.path)) {
                       check_csrf(req, gate->anonymous_csrf ? gate->anonymous_csrf(req) : "");
                   }
                   handler(req, res);
               });
}

Router& Router::add_protected(const char* method, const std::string& pattern, Access access,
                              AuthedHandler handler) {
    if (access == Access::public_) {
        throw Error(ErrorCode::internal, "a public route takes a Handler, not an AuthedHandler");
    }
    auto limits = limits_.emplace_back(std::make_shared<Limits>());
    return add(method, pattern, access,
               [gate = gate_, limits, access, handler = std::move(handler)](
                   const httplib::Request& req, httplib::Response& res) {
                   std::optional<auth::Principal> who;
                   if (gate->authenticate)
                       who = gate->authenticate(req);
                   if (!who && is_page_request(req)) {
                       res.set_redirect(login_redirect(req), 303);
                       return;
                   }
                   if (!who)
                       throw Error(ErrorCode::unauthorized, "Sign in to continue.");
                   if (who->must_enrol_second_factor && !is_api_path(req.path) &&
                       !open_while_enrolling(req.path)) {
                       res.set_redirect(std::string(kEnrolPath), 303);
                       return;
                   }
                   if (access == Access::admin && !who->is_admin()) {
                       throw Error(ErrorCode::forbidden, "This needs an administrator.");
                   }
                   apply_limit(limits->limiter, req, &*who);
                   if (is_unsafe_method(req.method) && !is_api_path(req.path))
                       check_csrf(req, who->csrf_token);
                   handler(req, res, *who);
               });
}

namespace {
void require_public(Access access) {
    if (access != Access::public_) {
        throw Error(ErrorCode::internal, "a protected route takes an AuthedHandler");
    }
}
}  // namespace

Router& Router::get(const std::string& pattern, Access access, Handler handler) {
    require_public(access);
    return add_public("GET", pattern, std::move(handler));
}
Router& Router::get(const std::string& pattern, Access access, AuthedHandler handler) {
    return add_protected("GET", pattern, access, std::move(handler));
}
Router& Router::post(const std::string& pattern, Access access, Handler handler) {
    require_public(access);
    return add_public("POST", pattern, std::move(handler));
}
Router& Router::post(const std::string& pattern, Access access, AuthedHandler handler) {
    return add_protected("POST", pattern, access, std::move(handler));
}
Router& Router::put(const std::string& pattern, Access access, AuthedHandler handler) {
    return add_protected("PUT", pattern, access, std::move(handler));
}
Router& Router::del(const std::string& pattern, Access access, AuthedHandler handler) {
    return add_protected("DELETE", pattern, access, std::move(handler));
}

Router& Router::limit(RateLimiter& limiter) {
    if (limits_.empty())
        throw Error(ErrorCode::internal, "limit() before any route");
    limits_.back()->limiter = &limiter;
    routes_.back().rate_limited = true;
    return *this;
}

}  // namespace vitae::http
