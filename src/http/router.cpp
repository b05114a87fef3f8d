#include "http/router.hpp"

#include "core/error.hpp"

namespace vitae::http {

Handler Router::guard(Access access, AuthedHandler handler) const {
    if (access == Access::public_) {
        throw Error(ErrorCode::internal, "a public route takes a Handler, not an AuthedHandler");
    }
    // The authenticator is read at request time, so it may be installed after the routes.
    return [slot = authenticator_, access, handler = std::move(handler)](
               const httplib::Request& req, httplib::Response& res) {
        std::optional<auth::Principal> who;
        if (*slot)
            who = (*slot)(req);
        if (!who)
            throw Error(ErrorCode::unauthorized, "Sign in to continue.");
        if (access == Access::admin && !who->is_admin()) {
            throw Error(ErrorCode::forbidden, "This needs an administrator.");
        }
        handler(req, res, *who);
    };
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

namespace {
void require_public(Access access) {
    if (access != Access::public_) {
        throw Error(ErrorCode::internal, "a protected route takes an AuthedHandler");
    }
}
}  // namespace

Router& Router::get(const std::string& pattern, Access access, Handler handler) {
    require_public(access);
    return add("GET", pattern, access, std::move(handler));
}
Router& Router::get(const std::string& pattern, Access access, AuthedHandler handler) {
    return add("GET", pattern, access, guard(access, std::move(handler)));
}
Router& Router::post(const std::string& pattern, Access access, Handler handler) {
    require_public(access);
    return add("POST", pattern, access, std::move(handler));
}
Router& Router::post(const std::string& pattern, Access access, AuthedHandler handler) {
    return add("POST", pattern, access, guard(access, std::move(handler)));
}
Router& Router::put(const std::string& pattern, Access access, AuthedHandler handler) {
    return add("PUT", pattern, access, guard(access, std::move(handler)));
}
Router& Router::del(const std::string& pattern, Access access, AuthedHandler handler) {
    return add("DELETE", pattern, access, guard(access, std::move(handler)));
}

}  // namespace vitae::http
