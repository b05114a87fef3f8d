#include "http/router.hpp"

#include "core/error.hpp"

namespace vitae::http {

std::string_view to_string(Access access) {
    switch (access) {
        case Access::public_:
            return "public";
        case Access::member:
            return "member";
        case Access::admin:
            return "admin";
    }
    return "admin";
}

Handler Router::wrap(Access access, Handler handler) {
    if (access == Access::public_)
        return handler;
    // The guard is read at request time, so set_guard may come after the routes.
    return [slot = guard_slot_, access, handler = std::move(handler)](const httplib::Request& req,
                                                                      httplib::Response& res) {
        if (!*slot)
            throw Error(ErrorCode::unauthorized, "Sign in to continue.");
        (*slot)(req, access);
        handler(req, res);
    };
}

Router& Router::add(const char* method, const std::string& pattern, Access access,
                    Handler handler) {
    routes_.push_back({method, pattern, access});
    Handler wrapped = wrap(access, std::move(handler));
    std::string_view m = method;
    if (m == "GET")
        server_.Get(pattern, std::move(wrapped));
    if (m == "POST")
        server_.Post(pattern, std::move(wrapped));
    if (m == "PUT")
        server_.Put(pattern, std::move(wrapped));
    if (m == "DELETE")
        server_.Delete(pattern, std::move(wrapped));
    return *this;
}

}  // namespace vitae::http
