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

Router& Router::get(const std::string& pattern, Access access, Handler handler) {
    routes_.push_back({"GET", pattern, access});
    server_.Get(pattern, wrap(access, std::move(handler)));
    return *this;
}

Router& Router::post(const std::string& pattern, Access access, Handler handler) {
    routes_.push_back({"POST", pattern, access});
    server_.Post(pattern, wrap(access, std::move(handler)));
    return *this;
}

Router& Router::put(const std::string& pattern, Access access, Handler handler) {
    routes_.push_back({"PUT", pattern, access});
    server_.Put(pattern, wrap(access, std::move(handler)));
    return *this;
}

Router& Router::del(const std::string& pattern, Access access, Handler handler) {
    routes_.push_back({"DELETE", pattern, access});
    server_.Delete(pattern, wrap(access, std::move(handler)));
    return *this;
}

}  // namespace vitae::http
