#pragma once
// Every route is registered here with the role it needs, so who may call what is
// readable in one place and a test can enumerate the whole table.
#include <httplib.h>

#include <functional>
#include <string>
#include <vector>

namespace vitae::http {

enum class Access { public_, member, admin };

std::string_view to_string(Access access);

struct RouteInfo {
    std::string method;
    std::string pattern;
    Access access;
};

using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;
// Throws vitae::Error (unauthorized/forbidden) when the request may not use the route.
using Guard = std::function<void(const httplib::Request&, Access)>;

class Router {
  public:
    explicit Router(httplib::Server& server) : server_(server) {}

    // Installs the check run before every non-public handler. Without one, non-public
    // routes answer 401: a missing guard fails closed.
    void set_guard(Guard guard) { *guard_slot_ = std::move(guard); }

    Router& get(const std::string& pattern, Access access, Handler handler) {
        return add("GET", pattern, access, std::move(handler));
    }
    Router& post(const std::string& pattern, Access access, Handler handler) {
        return add("POST", pattern, access, std::move(handler));
    }
    Router& put(const std::string& pattern, Access access, Handler handler) {
        return add("PUT", pattern, access, std::move(handler));
    }
    Router& del(const std::string& pattern, Access access, Handler handler) {
        return add("DELETE", pattern, access, std::move(handler));
    }

    const std::vector<RouteInfo>& routes() const { return routes_; }

  private:
    Router& add(const char* method, const std::string& pattern, Access access, Handler handler);
    Handler wrap(Access access, Handler handler);

    httplib::Server& server_;
    std::shared_ptr<Guard> guard_slot_ = std::make_shared<Guard>();
    std::vector<RouteInfo> routes_;
};

}  // namespace vitae::http
