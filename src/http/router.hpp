#pragma once
// Every route is registered here with the role it needs, so who may call what is
// readable in one place and a test can enumerate the whole table. Public routes take a
// Handler; member and admin routes take an AuthedHandler, which receives the signed-in
// principal: a protected handler cannot forget to ask who is calling.
#include <httplib.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "auth/principal.hpp"

namespace vitae::http {

enum class Access { public_, member, admin };

struct RouteInfo {
    std::string method;
    std::string pattern;
    Access access;
};

using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;
using AuthedHandler =
    std::function<void(const httplib::Request&, httplib::Response&, const auth::Principal&)>;
// Who sent the request (API token, session cookie), or nothing.
using Authenticator = std::function<std::optional<auth::Principal>(const httplib::Request&)>;

class Router {
  public:
    explicit Router(httplib::Server& server) : server_(server) {}

    // Without an authenticator every protected route answers 401: it fails closed.
    void set_authenticator(Authenticator authenticator) {
        *authenticator_ = std::move(authenticator);
    }

    Router& get(const std::string& pattern, Access access, Handler handler);
    Router& get(const std::string& pattern, Access access, AuthedHandler handler);
    Router& post(const std::string& pattern, Access access, Handler handler);
    Router& post(const std::string& pattern, Access access, AuthedHandler handler);
    Router& put(const std::string& pattern, Access access, AuthedHandler handler);
    Router& del(const std::string& pattern, Access access, AuthedHandler handler);

    const std::vector<RouteInfo>& routes() const { return routes_; }

  private:
    Router& add(const char* method, const std::string& pattern, Access access, Handler handler);
    Handler guard(Access access, AuthedHandler handler) const;

    httplib::Server& server_;
    std::shared_ptr<Authenticator> authenticator_ = std::make_shared<Authenticator>();
    std::vector<RouteInfo> routes_;
};

}  // namespace vitae::http
