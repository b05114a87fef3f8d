// Every route of the real router, enumerated, against every kind of caller: anonymous, a
// member who owns the resource, another member, and an admin. A new route is covered
// without editing this file, except that a route with an id in its path needs a fixture
// saying how to make a resource for it (the test fails and says so otherwise), and a new
// public route must be added to the list of routes meant to be public.
#include <doctest/doctest.h>

#include <functional>
#include <map>
#include <regex>
#include <set>

#include "applications/application_service.hpp"
#include "auth/account_service.hpp"
#include "auth/api_token_service.hpp"
#include "auth/password_hasher.hpp"
#include "auth/password_policy.hpp"
#include "cv/cv_import_service.hpp"
#include "cv/cv_service.hpp"
#include "cv/cv_share_service.hpp"
#include "store/database.hpp"
#include "store/statement.hpp"
#include "support/browser.hpp"
#include "support/test_app.hpp"

using vitae::http::Access;
using vitae::http::RouteInfo;
using vitae::test::Browser;
using vitae::test::TestApp;

namespace {

constexpr const char* kPassword = "correct horse battery staple";

// Routes anybody may call. Anything public that is not listed here fails the test: making
// a route public must be a decision, not an accident.
const std::set<std::string> kPublicRoutes = {
    "GET /healthz", "GET /readyz", "GET /assets/(.+)",      "GET /",
    "GET /login",   "POST /login", "GET /login/two-factor", "POST /login/two-factor",
    "GET /setup",   "POST /setup", "GET /invite",           "POST /invite",
    "GET /reset",   "POST /reset",
};

// A shared CV, its password form and its PDF (the token in the path is the credential),
// and the CV template stylesheets those pages link.
const std::set<std::string> kSharePublicRoutes = {
    "GET /s/([A-Za-z0-9_-]+)",
    "POST /s/([A-Za-z0-9_-]+)",
    "GET /s/([A-Za-z0-9_-]+)/cv\\.pdf",
    "GET /cv-templates/([a-z]+)\\.css",
};

std::string key(const RouteInfo& r) {
    return r.method + " " + r.pattern;
}

bool is_api(const RouteInfo& r) {
    return r.pattern.starts_with("/api/");
}

// A signed-in caller: a browser with a session for pages, a token for the API.
struct Caller {
    std::int64_t user_id = 0;
    std::unique_ptr<Browser> browser;
    std::string token;
};

struct World {
    TestApp app;
    Caller admin, owner, other;

    World() {
        admin = caller("admin@example.org", "admin");
        owner = caller("owner@example.org", "member");
        other = caller("other@example.org", "member");
    }

    std::int64_t user(const std::string& email, const std::string& role = "member") {
        return app.app().accounts().create({email, "", role, kPassword},
                                           vitae::auth::Actor{std::nullopt, "test", ""});
    }

    Caller caller(const std::string& email, const std::string& role) {
        Caller c;
        c.user_id = user(email, role);
        c.browser = std::make_unique<Browser>(app.port());
        REQUIRE(c.browser->sign_in(email, kPassword)->status == 303);
        REQUIRE(c.browser->get("/account")->status == 200);  // loads the session's CSRF token
        vitae::auth::ApiTokenService tokens(app.app().database());
        c.token = tokens.create(c.user_id, "matrix", {std::nullopt, "test", ""}).token;
        return c;
    }
};

// How to make the resource a route's id refers to, owned by `owner`; returns the id.
using Fixture = std::function<std::string(World&, std::int64_t owner)>;

std::string new_user(World& w, std::int64_t) {
    static int n = 0;
    return std::to_string(w.user("target" + std::to_string(++n) + "@example.org"));
}

std::string new_token(World& w, std::int64_t owner) {
    vitae::auth::ApiTokenService tokens(w.app.app().database());
    return std::to_string(tokens.create(owner, "fixture", {std::nullopt, "test", ""}).id);
}

// A CV of owner's, saved until it has a version numbered like its id: sample_path puts
// the same number in both groups of /api/v1/cvs/(\d+)/versions/(\d+)/restore.
std::string new_cv(World& w, std::int64_t owner) {
    vitae::cv::CvService cvs(w.app.app().database(), vitae::core::unix_now, 1000);
    auto cv = cvs.create(owner, {.title = "Fixture"});
    for (std::int64_t version = 1; version < cv.id; ++version)
        cvs.update(owner, cv.id, {});
    return std::to_string(cv.id);
}

// A share link of a CV of owner's, both with the same id, for
// /cvs/(\d+)/share/(\d+)/revoke: ids only grow, so CVs are made until one's id is past
// every link's, then links on it until one's id catches up.
std::string new_cv_share(World& w, std::int64_t owner) {
    auto& db = w.app.app().database();
    static const vitae::auth::PasswordHasher hasher;
    static const vitae::auth::PasswordPolicy policy;
    vitae::cv::CvService cvs(db, vitae::core::unix_now, 1000);
    vitae::cv::CvShareService shares(db, hasher, policy);
    auto last_link = db.read([](vitae::store::Connection& c) {
        auto s = c.prepare("SELECT coalesce(max(id), 0) FROM cv_shares");
        s.step();
        return s.column_int64(0);
    });
    std::int64_t cv = 0;
    while (cv <= last_link)
        cv = cvs.create(owner, {.title = "Fixture"}).id;
    std::int64_t link = 0;
    while (link < cv)
        link = shares.create(owner, cv, {}, {std::nullopt, "test", ""}).id;
    REQUIRE(link == cv);
    return std::to_string(cv);
}

// An import draft of owner's (a small JSON Resume), unsaved.
std::string new_upload(World& w, std::int64_t owner) {
    auto& app = w.app.app();
    vitae::cv::CvService cvs(app.database(), vitae::core::unix_now, 1000);
    vitae::cv::CvImportService imports(app.database(), cvs,
                                       vitae::cv::UploadStore(app.config().data_dir / "uploads"),
                                       vitae::core::unix_now, {});
    auto draft = imports.upload(owner, R"({"basics": {"name": "Fixture"}})", "cv.json");
    return std::to_string(draft.upload.id);
}

// A CV of owner's saved from an import, so it has an original.
std::string new_imported_cv(World& w, std::int64_t owner) {
    auto& app = w.app.app();
    vitae::cv::CvService cvs(app.database(), vitae::core::unix_now, 1000);
    vitae::cv::CvImportService imports(app.database(), cvs,
                                       vitae::cv::UploadStore(app.config().data_dir / "uploads"),
                                       vitae::core::unix_now, {});
    auto draft = imports.upload(owner, R"({"basics": {"name": "Fixture"}})", "cv.json");
    return std::to_string(imports.save(owner, draft.upload.id, {}).id);
}

std::string new_application(World& w, std::int64_t owner) {
    auto& db = w.app.app().database();
    vitae::cv::CvService cvs(db, vitae::core::unix_now, 1000);
    vitae::applications::ApplicationService apps(db, cvs, vitae::core::unix_now);
    return std::to_string(apps.create(owner, {.company = "Fixture", .role = "Role"}).id);
}

const std::map<std::string, Fixture>& fixtures() {
    static const std::map<std::string, Fixture> kFixtures = {
        {R"(/account/tokens/(\d+)/revoke)", new_token},
        {R"(/admin/users/(\d+))", new_user},
        {R"(/admin/users/(\d+)/disable)", new_user},
        {R"(/admin/users/(\d+)/enable)", new_user},
        {R"(/admin/users/(\d+)/reset)", new_user},
        {R"(/admin/users/(\d+)/role)", new_user},
        {R"(/admin/users/(\d+)/delete)", new_user},
        {R"(/api/v1/admin/users/(\d+))", new_user},
        {R"(/api/v1/admin/users/(\d+)/reset)", new_user},
        {R"(/api/v1/applications/(\d+))", new_application},
        {R"(/applications/(\d+))", new_application},
        {R"(/applications/(\d+)/status)", new_application},
        {R"(/applications/(\d+)/tailor)", new_application},
        {R"(/applications/(\d+)/delete)", new_application},
        {R"(/applications/(\d+)/fetch-job)", new_application},
        {R"(/applications/(\d+)/job.json)", new_application},
        {R"(/api/v1/cvs/(\d+))", new_cv},
        {R"(/api/v1/cvs/(\d+)/versions)", new_cv},
        {R"(/api/v1/cvs/(\d+)/diff)", new_cv},
        {R"(/api/v1/cvs/(\d+)/versions/(\d+)/restore)", new_cv},
        {R"(/api/v1/cvs/(\d+)/duplicate)", new_cv},
        {R"(/api/v1/cvs/(\d+)/export)", new_cv},
        {R"(/cvs/(\d+)/export)", new_cv},
        {R"(/cvs/(\d+)/share)", new_cv},
        {R"(/cvs/(\d+)/share/(\d+)/revoke)", new_cv_share},
        {R"(/cvs/(\d+)/edit)", new_cv},
        {R"(/cvs/(\d+)/preview)", new_cv},
        {R"(/cvs/(\d+)/duplicate)", new_cv},
        {R"(/cvs/(\d+)/delete)", new_cv},
        {R"(/cvs/import/(\d+))", new_upload},
        {R"(/cvs/import/(\d+)/preview)", new_upload},
        {R"(/cvs/import/(\d+)/save)", new_upload},
        {R"(/cvs/(\d+)/original)", new_imported_cv},
    };
    return kFixtures;
}

bool has_id(const RouteInfo& r) {
    return r.pattern.find('(') != std::string::npos;
}

// A concrete path: each capture group becomes `id`.
std::string sample_path(const std::string& pattern, const std::string& id) {
    static const std::regex kGroup(R"(\([^)]*\))");
    return std::regex_replace(pattern, kGroup, id);
}

httplib::Result send(const RouteInfo& r, const std::string& path, Caller* who, int port) {
    if (!is_api(r)) {
        Browser anonymous(port);
        Browser& b = who ? *who->browser : anonymous;
        if (!who)
            b.get("/login");  // an anonymous browser has its CSRF cookie
        if (r.method == "GET")
            return b.get(path);
        auto& cli = b.client();
        httplib::Headers h = {{"Cookie", "vitae_session=" + b.cookie("vitae_session") +
                                             "; vitae_csrf=" + b.cookie("vitae_csrf")},
                              {"X-CSRF-Token", b.csrf()}};
        if (r.method == "POST")
            return cli.Post(path, h, "", "application/x-www-form-urlencoded");
        if (r.method == "PUT")
            return cli.Put(path, h, "", "application/x-www-form-urlencoded");
        return cli.Delete(path, h);
    }
    httplib::Client cli("127.0.0.1", port);
    httplib::Headers h;
    if (who)
        h.emplace("Authorization", "Bearer " + who->token);
    if (r.method == "GET")
        return cli.Get(path, h);
    if (r.method == "POST")
        return cli.Post(path, h, "{}", "application/json");
    if (r.method == "PUT")
        return cli.Put(path, h, "{}", "application/json");
    return cli.Delete(path, h);
}

void expect_refused_anonymous(const RouteInfo& r, const httplib::Result& res) {
    if (r.method == "GET" && !is_api(r)) {
        CHECK(res->status == 303);
        CHECK(res->get_header_value("Location").starts_with("/login?next=/"));
    } else {
        CHECK(res->status == 401);
    }
}

// Past the gate: whatever the handler made of the empty input, it was not a refusal of
// the caller, and nothing broke.
void expect_allowed(const httplib::Result& res) {
    CHECK(res->status != 401);
    CHECK(res->status != 403);
    CHECK(res->status != 404);
    CHECK(res->status < 500);
}

}  // namespace

TEST_SUITE("integration") {
    TEST_CASE("every_route_answers_each_caller_as_its_declared_role_says") {
        std::vector<RouteInfo> routes;
        {
            TestApp probe;
            routes = probe.app().router().routes();
        }
        REQUIRE(routes.size() > 10);
        for (const auto& route : routes) {
            CAPTURE(key(route));
            if (route.access == Access::public_) {
                CHECK_MESSAGE(
                    kPublicRoutes.count(key(route)) + kSharePublicRoutes.count(key(route)) == 1,
                    "a public route that is not on the list of public routes");
                continue;
            }
            auto fixture = fixtures().find(route.pattern);
            if (has_id(route)) {
                REQUIRE_MESSAGE(fixture != fixtures().end(),
                                "add a fixture for this route's id to authorization_test.cpp");
            }
            // A world per route: what one route changes (sign-out, deletion) cannot leak
            // into the next.
            World w;
            auto path_for = [&](std::int64_t owner) {
                return sample_path(route.pattern, has_id(route) ? fixture->second(w, owner) : "");
            };

            auto anonymous = send(route, path_for(w.owner.user_id), nullptr, w.app.port());
            REQUIRE(anonymous);
            expect_refused_anonymous(route, anonymous);

            if (route.access == Access::admin) {
                for (Caller* member : {&w.owner, &w.other}) {
                    auto res = send(route, path_for(w.owner.user_id), member, w.app.port());
                    REQUIRE(res);
                    CHECK(res->status == 403);
                }
                auto res = send(route, path_for(w.owner.user_id), &w.admin, w.app.port());
                REQUIRE(res);
                expect_allowed(res);
                continue;
            }

            // A member route: with an id, only the owner gets through; admins do not read
            // members' things through member routes either.
            std::string owned = path_for(w.owner.user_id);
            for (Caller* stranger : {&w.other, &w.admin}) {
                auto res = send(route, owned, stranger, w.app.port());
                REQUIRE(res);
                if (has_id(route))
                    CHECK((res->status == 404 || res->status == 403));
                else
                    expect_allowed(res);
            }
            auto res = send(route, owned, &w.owner, w.app.port());
            REQUIRE(res);
            expect_allowed(res);
        }
    }

    TEST_CASE("every_unsafe_html_route_refuses_a_request_without_the_right_csrf_token") {
        std::vector<RouteInfo> routes;
        {
            TestApp probe;
            routes = probe.app().router().routes();
        }
        int unsafe = 0;
        for (const auto& route : routes) {
            if (route.method == "GET" || is_api(route))
                continue;
            ++unsafe;
            CAPTURE(key(route));
            World w;
            Caller* who = route.access == Access::admin    ? &w.admin
                          : route.access == Access::member ? &w.owner
                                                           : nullptr;
            auto fixture = fixtures().find(route.pattern);
            std::string path =
                sample_path(route.pattern, has_id(route) && fixture != fixtures().end()
                                               ? fixture->second(w, w.owner.user_id)
                                               : "1");
            auto state = [&] {
                return w.app.app().database().read([](vitae::store::Connection& c) {
                    auto s = c.prepare(
                        "SELECT (SELECT count(*) || '/' || total(updated_at) || '/' || "
                        "group_concat(role || disabled) FROM users) || '|' || "
                        "(SELECT count(*) FROM sessions) || '|' || "
                        "(SELECT count(*) FROM api_tokens WHERE revoked_at IS NULL) || '|' || "
                        "(SELECT count(*) FROM one_time_links) || '|' || "
                        "(SELECT count(*) FROM settings) || '|' || "
                        "(SELECT count(*) || '/' || count(revoked_at) FROM cv_shares) || '|' || "
                        "(SELECT count(*) || '/' || total(updated_at) FROM applications) || '|' || "
                        "(SELECT count(*) FROM application_events)");
                    s.step();
                    return s.column_text(0);
                });
            };
            std::string before = state();
            Browser anonymous(w.app.port());
            anonymous.get("/login");
            Browser& b = who ? *who->browser : anonymous;
            const std::string real_token = b.csrf();
            b.set_csrf("");  // the browser sends exactly the token each attempt names
            for (std::string token : {std::string(), std::string(43, 'x'), std::string("1")}) {
                CAPTURE(token);
                httplib::Params form;
                if (!token.empty())
                    form.emplace("csrf", token);
                form.emplace("email", "owner@example.org");
                form.emplace("password", kPassword);
                auto res = b.post(path, form);
                REQUIRE(res);
                CHECK(res->status == 403);
            }
            CHECK(state() == before);
            b.set_csrf(real_token);
            if (who)
                CHECK(b.get("/account")->status == 200);  // still signed in
        }
        CHECK(unsafe >= 4);
    }

    TEST_CASE("the_api_ignores_session_cookies_and_pages_ignore_api_tokens") {
        World w;
        httplib::Client cli("127.0.0.1", w.app.port());
        auto by_cookie =
            cli.Get("/api/v1/me",
                    {{"Cookie", "vitae_session=" + w.owner.browser->cookie("vitae_session")}});
        REQUIRE(by_cookie);
        CHECK(by_cookie->status == 401);
        auto by_token = cli.Get("/account", {{"Authorization", "Bearer " + w.owner.token}});
        REQUIRE(by_token);
        CHECK(by_token->status == 303);
        auto me = cli.Get("/api/v1/me", {{"Authorization", "Bearer " + w.owner.token}});
        REQUIRE(me);
        CHECK(me->status == 200);
    }

    TEST_CASE("registering_a_protected_route_with_a_public_handler_is_refused") {
        TestApp app;
        CHECK_THROWS(app.app().router().get(
            "/api/v1/__test/x", Access::member,
            vitae::http::Handler([](const httplib::Request&, httplib::Response&) {})));
        CHECK_THROWS(app.app().router().get(
            "/__test/y", Access::public_,
            vitae::http::AuthedHandler([](const httplib::Request&, httplib::Response&,
                                          const vitae::auth::Principal&) {})));
    }
}
