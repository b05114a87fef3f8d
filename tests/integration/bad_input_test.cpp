// Hostile and broken input at the sign-in edge: a clear 4xx, nothing stored wrong, the
// server still up.
#include <doctest/doctest.h>

#include "auth/account_service.hpp"
#include "store/database.hpp"
#include "store/statement.hpp"
#include "support/browser.hpp"
#include "support/test_app.hpp"

using vitae::test::Browser;
using vitae::test::TestApp;

namespace {

constexpr const char* kPassword = "correct horse battery staple";

std::string setup_token(TestApp& app) {
    const std::string& url = app.app().setup_url();
    return url.substr(url.find("token=") + 6);
}

std::vector<std::string> user_rows(TestApp& app) {
    return app.app().database().read([](vitae::store::Connection& c) {
        auto s = c.prepare("SELECT email || '|' || name || '|' || role FROM users ORDER BY id");
        std::vector<std::string> rows;
        while (s.step())
            rows.push_back(s.column_text(0));
        return rows;
    });
}

}  // namespace

TEST_SUITE("integration") {
    TEST_CASE("setup_refuses_bad_emails_names_and_passwords_and_stores_nothing") {
        TestApp app;
        Browser b(app.port());
        std::string token = setup_token(app);
        b.get("/setup?token=" + token);
        struct Case {
            std::string email, name, password;
        };
        std::vector<Case> cases = {
            {std::string(250, 'a') + "@example.org", "Long", kPassword},
            {"not-an-email", "x", kPassword},
            {"a@b.c\r\nBcc: victim@example.org", "x", kPassword},
            {"ada@example.org", "Eve\r\nSet-Cookie: x=1", kPassword},
            {"ada@example.org", "Bad \xff\xfe UTF-8", kPassword},
            {"ada@example.org", std::string(101, 'n'), kPassword},
            {"ada@example.org", "Ada", "short"},
            {"ada@example.org", "Ada", "password1234"},
            {"ada@example.org", "Ada", std::string(1025, 'p')},
        };
        for (const auto& c : cases) {
            CAPTURE(c.email);
            CAPTURE(c.name);
            CAPTURE(c.password.size());
            auto res = b.post("/setup", {{"token", token},
                                         {"email", c.email},
                                         {"name", c.name},
                                         {"password", c.password},
                                         {"password_confirm", c.password}});
            REQUIRE(res);
            CHECK(res->status == 400);
            CHECK(res->get_header_value("Content-Type").starts_with("text/html"));
            CHECK(res->body.find("alert-error") != std::string::npos);
            CHECK_FALSE(res->has_header("x"));
        }
        CHECK(user_rows(app).empty());

        // SQL-looking text is just text: stored as typed, nothing else touched.
        std::string name = "Robert'); DROP TABLE users;--";
        auto ok = b.post("/setup", {{"token", token},
                                    {"email", "bobby@example.org"},
                                    {"name", name},
                                    {"password", kPassword},
                                    {"password_confirm", kPassword}});
        REQUIRE(ok);
        CHECK(ok->status == 303);
        REQUIRE(user_rows(app).size() == 1);
        CHECK(user_rows(app)[0] == "bobby@example.org|" + name + "|admin");
        auto page = b.get("/account");
        REQUIRE(page);
        CHECK(page->body.find("Robert&apos;); DROP TABLE users;--") != std::string::npos);
    }

    TEST_CASE("sign_in_refuses_over_long_and_malformed_credentials_with_a_clear_400") {
        TestApp app;
        app.app().accounts().create({"ada@example.org", "Ada", "member", kPassword},
                                    vitae::auth::Actor{std::nullopt, "test", ""});
        Browser b(app.port());
        b.get("/login");
        std::vector<std::pair<std::string, std::string>> cases = {
            {std::string(300, 'a') + "@example.org", kPassword},
            {"ada@example.org", std::string(5000, 'p')},
            {"ada@example.org\r\nX-Injected: 1", kPassword},
            {"\xff\xfe@example.org", kPassword},
            {"' OR 1=1; --", kPassword},
        };
        for (const auto& [email, password] : cases) {
            CAPTURE(email.size());
            auto res = b.post("/login", {{"email", email}, {"password", password}});
            REQUIRE(res);
            CHECK(res->status == 400);
            CHECK_FALSE(res->has_header("X-Injected"));
            CHECK(b.cookie("vitae_session").empty());
        }
        // A password that merely looks like SQL is a wrong password, nothing more.
        auto sqlish = b.post("/login", {{"email", "ada@example.org"}, {"password", "' OR '1'='1"}});
        REQUIRE(sqlish);
        CHECK(sqlish->status == 401);
        CHECK(user_rows(app) == std::vector<std::string>{"ada@example.org|Ada|member"});
        CHECK(b.sign_in("ada@example.org", kPassword)->status == 303);
    }

    TEST_CASE("a_request_body_larger_than_the_limit_is_refused_before_any_handler") {
        TestApp app({"--max-upload-bytes", "4096"}, vitae::app::AppOptions{.console_log = false});
        Browser b(app.port());
        b.get("/login");
        // The server takes the upload limit plus 64 KiB for the form around a file (so an
        // import's own 413 reaches its form); past that, no handler sees the body. Multipart,
        // so httplib's own 8 KiB cap on urlencoded forms is not what answers.
        auto res = b.post_multipart("/login", {{"email", "ada@example.org"},
                                               {"password", std::string(4096 + 65536 + 1, 'p')}});
        REQUIRE(res);
        CHECK(res->status == 413);
        CHECK(app.client().Get("/healthz")->status == 200);
    }
}
