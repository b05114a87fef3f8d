// Every route of the real router, enumerated: each declares its role, and every
// protected one refuses an anonymous caller. A new route is covered without editing this.
#include <doctest/doctest.h>

#include <regex>

#include "support/test_app.hpp"

using vitae::http::Access;

namespace {

// A concrete path for a route pattern: each capture group becomes "1".
std::string sample_path(const std::string& pattern) {
    static const std::regex kGroup(R"(\([^)]*\))");
    return std::regex_replace(pattern, kGroup, "1");
}

httplib::Result send(httplib::Client& cli, const std::string& method, const std::string& path) {
    if (method == "GET")
        return cli.Get(path);
    if (method == "POST")
        return cli.Post(path, "{}", "application/json");
    if (method == "PUT")
        return cli.Put(path, "{}", "application/json");
    return cli.Delete(path);
}

}  // namespace

TEST_SUITE("integration") {
    TEST_CASE("every_protected_route_refuses_anonymous_callers") {
        vitae::test::TestApp app;
        auto cli = app.client();
        const auto& routes = app.app().router().routes();
        REQUIRE_FALSE(routes.empty());
        int protected_routes = 0;
        for (const auto& route : routes) {
            CAPTURE(route.method);
            CAPTURE(route.pattern);
            CHECK((route.access == Access::public_ || route.access == Access::member ||
                   route.access == Access::admin));
            if (route.access == Access::public_)
                continue;
            ++protected_routes;
            auto res = send(cli, route.method, sample_path(route.pattern));
            REQUIRE(res);
            // A browser asking for a page is sent to sign in; everything else is refused.
            if (route.method == "GET" && !route.pattern.starts_with("/api/")) {
                CHECK(res->status == 303);
                CHECK(res->get_header_value("Location").starts_with("/login?next=/"));
            } else {
                CHECK(res->status == 401);
            }
        }
        CHECK(protected_routes > 0);
    }

    TEST_CASE("registering_a_protected_route_with_a_public_handler_is_refused") {
        vitae::test::TestApp app;
        CHECK_THROWS(app.app().router().get(
            "/api/v1/__test/x", Access::member,
            vitae::http::Handler([](const httplib::Request&, httplib::Response&) {})));
        CHECK_THROWS(app.app().router().get(
            "/__test/y", Access::public_,
            vitae::http::AuthedHandler([](const httplib::Request&, httplib::Response&,
                                          const vitae::auth::Principal&) {})));
    }
}
