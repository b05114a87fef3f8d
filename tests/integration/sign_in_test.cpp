// Signing in and out over real HTTP: the first-run setup link, passwords, throttling,
// and the life of a session (rotation, idle and absolute expiry, sign-out everywhere).
#include <doctest/doctest.h>

#include "auth/account_service.hpp"
#include "store/database.hpp"
#include "store/statement.hpp"
#include "support/browser.hpp"
#include "support/fake_clock.hpp"
#include "support/test_app.hpp"

using vitae::test::Browser;
using vitae::test::FakeClock;
using vitae::test::TestApp;
using namespace std::chrono_literals;

namespace {

constexpr const char* kPassword = "correct horse battery staple";

std::int64_t make_user(TestApp& app, const std::string& email, const std::string& role = "member") {
    return app.app().accounts().create({email, "", role, kPassword},
                                       vitae::auth::Actor{std::nullopt, "test", ""});
}

std::int64_t count(TestApp& app, const std::string& sql) {
    return app.app().database().read([&](vitae::store::Connection& c) {
        auto s = c.prepare(sql);
        s.step();
        return s.column_int64(0);
    });
}

std::string path_of(const std::string& url) {
    auto scheme = url.find("://");
    return url.substr(url.find('/', scheme + 3));
}

// The session cookie of a plain-HTTP server.
constexpr const char* kSession = "vitae_session";

}  // namespace

TEST_SUITE("integration") {
    TEST_CASE("setup_link_creates_the_first_admin_once") {
        TestApp app;
        std::string url = app.app().setup_url();
        REQUIRE(url.find("/setup?token=") != std::string::npos);
        std::string token = url.substr(url.find("token=") + 6);

        Browser b(app.port());
        auto form = b.get(path_of(url));
        REQUIRE(form);
        CHECK(form->status == 200);

        auto wrong = b.post("/setup", {{"token", std::string(43, 'A')},
                                       {"email", "root@example.org"},
                                       {"password", kPassword},
                                       {"password_confirm", kPassword}});
        REQUIRE(wrong);
        CHECK(wrong->status == 403);
        auto mismatch = b.post("/setup", {{"token", token},
                                          {"email", "root@example.org"},
                                          {"password", kPassword},
                                          {"password_confirm", "something else entirely"}});
        REQUIRE(mismatch);
        CHECK(mismatch->status == 400);
        CHECK(count(app, "SELECT count(*) FROM users") == 0);

        auto done = b.post("/setup", {{"token", token},
                                      {"email", "Root@Example.org"},
                                      {"name", "Root"},
                                      {"password", kPassword},
                                      {"password_confirm", kPassword}});
        REQUIRE(done);
        CHECK(done->status == 303);
        CHECK(done->get_header_value("Location") == "/");
        CHECK_FALSE(b.cookie(kSession).empty());
        auto account = b.get("/account");
        REQUIRE(account);
        CHECK(account->status == 200);
        CHECK(account->body.find("root@example.org") != std::string::npos);
        CHECK(count(app, "SELECT count(*) FROM users WHERE role = 'admin'") == 1);
        CHECK(count(app,
                    "SELECT count(*) FROM audit_log WHERE action = 'user.create' AND "
                    "actor = 'setup'") == 1);

        // Used once: a second browser with the same link gets nowhere.
        Browser late(app.port());
        auto again = late.get(path_of(url));
        REQUIRE(again);
        CHECK(again->status == 303);
        late.get("/login");
        auto replay = late.post("/setup", {{"token", token},
                                           {"email", "mallory@example.org"},
                                           {"password", kPassword},
                                           {"password_confirm", kPassword}});
        REQUIRE(replay);
        CHECK(replay->status == 403);
        CHECK(count(app, "SELECT count(*) FROM users") == 1);
    }

    TEST_CASE("setup_link_expires_after_24_hours") {
        FakeClock clock;
        TestApp app({}, clock.options());
        std::string path = path_of(app.app().setup_url());
        Browser b(app.port());
        clock.advance(24h - 1s);
        CHECK(b.get(path)->status == 200);
        clock.advance(1s);
        CHECK(b.get(path)->status == 403);
        auto token = path.substr(path.find("token=") + 6);
        auto late = b.post("/setup", {{"token", token},
                                      {"email", "root@example.org"},
                                      {"password", kPassword},
                                      {"password_confirm", kPassword}});
        REQUIRE(late);
        CHECK(late->status == 403);
        CHECK(count(app, "SELECT count(*) FROM users") == 0);
    }

    TEST_CASE("sign_in_failures_look_the_same_for_unknown_and_known_emails") {
        TestApp app;
        make_user(app, "ada@example.org");
        Browser b(app.port());
        auto wrong = b.sign_in("ada@example.org", "not the right password");
        auto unknown = b.sign_in("nobody@example.org", "not the right password");
        REQUIRE(wrong);
        REQUIRE(unknown);
        CHECK(wrong->status == 401);
        CHECK(unknown->status == 401);
        CHECK(wrong->body.find("The email or password is not right.") != std::string::npos);
        CHECK(unknown->body.find("The email or password is not right.") != std::string::npos);
        CHECK(b.cookie(kSession).empty());
        CHECK(count(app, "SELECT count(*) FROM audit_log WHERE action = 'signin.failure'") == 2);

        auto right = b.sign_in("ADA@example.org", kPassword);
        REQUIRE(right);
        CHECK(right->status == 303);
        CHECK(right->get_header_value("Location") == "/");
        CHECK(b.get("/account")->status == 200);
        CHECK(count(app, "SELECT count(*) FROM audit_log WHERE action = 'signin.success'") == 1);
    }

    TEST_CASE("sign_in_is_throttled_per_account_and_released_after_the_wait") {
        FakeClock clock;
        TestApp app({}, clock.options());
        make_user(app, "ada@example.org");
        for (const char* email : {"ada@example.org", "ghost@example.org"}) {
            CAPTURE(email);
            Browser b(app.port());
            for (int i = 0; i < 6; ++i)
                CHECK(b.sign_in(email, "wrong password number " + std::to_string(i))->status ==
                      401);
            auto refused = b.sign_in(email, kPassword);
            REQUIRE(refused);
            CHECK(refused->status == 429);
            CHECK(refused->get_header_value("Retry-After") == "1");
            CHECK(b.cookie(kSession).empty());
        }
        CHECK(count(app, "SELECT count(*) FROM audit_log WHERE action = 'signin.throttled'") == 2);

        // The wait doubles with each further failure, and runs out.
        clock.advance(1s);
        Browser b(app.port());
        CHECK(b.sign_in("ada@example.org", "yet another wrong one")->status == 401);
        auto longer = b.sign_in("ada@example.org", kPassword);
        REQUIRE(longer);
        CHECK(longer->status == 429);
        CHECK(longer->get_header_value("Retry-After") == "2");
        clock.advance(2s);
        auto released = b.sign_in("ada@example.org", kPassword);
        REQUIRE(released);
        CHECK(released->status == 303);
        // A success starts the account afresh.
        Browser other(app.port());
        for (int i = 0; i < 5; ++i)
            CHECK(other.sign_in("ada@example.org", "wrong again " + std::to_string(i))->status ==
                  401);
        CHECK(other.sign_in("ada@example.org", kPassword)->status == 303);
    }

    TEST_CASE("sign_in_issues_a_new_session_id_and_ignores_a_planted_one") {
        TestApp app;
        make_user(app, "ada@example.org");
        Browser b(app.port());
        std::string planted(43, 'P');
        b.set_cookie(kSession, planted);
        REQUIRE(b.sign_in("ada@example.org", kPassword)->status == 303);
        std::string first = b.cookie(kSession);
        CHECK(first.size() == 43);
        CHECK(first != planted);
        // Signing in again from a signed-in browser (the form was open in another tab).
        REQUIRE(b.post("/login", {{"email", "ada@example.org"}, {"password", kPassword}})->status ==
                303);
        CHECK(b.cookie(kSession) != first);
        // The session before the second sign-in is over.
        Browser old(app.port());
        old.set_cookie(kSession, first);
        CHECK(old.get("/account")->status == 303);
        CHECK(count(app, "SELECT count(*) FROM sessions") == 1);
        // Stored as a hash, never the cookie itself.
        CHECK(count(app, "SELECT count(*) FROM sessions WHERE id_hash = '" + b.cookie(kSession) +
                             "'") == 0);
    }

    TEST_CASE("session_cookie_is_httponly_samesite_lax_and_secure_prefixed_behind_https") {
        TestApp plain;
        make_user(plain, "ada@example.org");
        Browser b(plain.port());
        auto res = b.sign_in("ada@example.org", kPassword);
        REQUIRE(res);
        std::string cookie = res->get_header_value("Set-Cookie");
        CHECK(cookie.starts_with("vitae_session="));
        CHECK(cookie.find("HttpOnly") != std::string::npos);
        CHECK(cookie.find("SameSite=Lax") != std::string::npos);
        CHECK(cookie.find("Path=/") != std::string::npos);
        CHECK(cookie.find("Secure") == std::string::npos);

        TestApp https({"--base-url", "https://cv.example.org"},
                      vitae::app::AppOptions{.console_log = false});
        make_user(https, "ada@example.org");
        Browser s(https.port());
        auto login = s.get("/login");
        REQUIRE(login);
        CHECK(login->get_header_value("Set-Cookie").starts_with("__Host-vitae_csrf="));
        auto secure = s.post("/login", {{"email", "ada@example.org"}, {"password", kPassword}});
        REQUIRE(secure);
        std::string header = secure->get_header_value("Set-Cookie");
        CHECK(header.starts_with("__Host-vitae_session="));
        CHECK(header.find("; Secure") != std::string::npos);
        CHECK(header.find("Domain") == std::string::npos);
    }

    TEST_CASE("sessions_end_after_the_idle_timeout_and_the_absolute_timeout") {
        FakeClock clock;
        TestApp app({}, clock.options());
        make_user(app, "ada@example.org");

        Browser idle(app.port());
        REQUIRE(idle.sign_in("ada@example.org", kPassword)->status == 303);
        clock.advance(std::chrono::days(7) - 1s);
        CHECK(idle.get("/account")->status == 200);  // activity restarts the idle clock
        clock.advance(std::chrono::days(7) - 1s);
        CHECK(idle.get("/account")->status == 200);
        clock.advance(std::chrono::days(7));
        auto expired = idle.get("/account");
        REQUIRE(expired);
        CHECK(expired->status == 303);
        CHECK(expired->get_header_value("Location") == "/login?next=/account");

        Browser busy(app.port());
        REQUIRE(busy.sign_in("ada@example.org", kPassword)->status == 303);
        for (int day = 0; day < 29; ++day) {
            clock.advance(std::chrono::days(1));
            REQUIRE(busy.get("/account")->status == 200);
        }
        clock.advance(std::chrono::days(1));
        CHECK(busy.get("/account")->status == 303);
    }

    TEST_CASE("idle_and_absolute_timeouts_come_from_the_config") {
        FakeClock clock;
        TestApp app({"--session-idle-days", "1", "--session-max-days", "2"}, clock.options());
        make_user(app, "ada@example.org");
        Browser b(app.port());
        REQUIRE(b.sign_in("ada@example.org", kPassword)->status == 303);
        clock.advance(std::chrono::hours(23));
        CHECK(b.get("/account")->status == 200);
        clock.advance(std::chrono::hours(23));
        CHECK(b.get("/account")->status == 200);
        clock.advance(std::chrono::hours(2));  // 48 h after signing in
        CHECK(b.get("/account")->status == 303);
    }

    TEST_CASE("sign_out_ends_the_session_and_sign_out_everywhere_ends_all_of_them") {
        TestApp app;
        make_user(app, "ada@example.org");
        make_user(app, "bob@example.org");
        Browser laptop(app.port()), phone(app.port()), tablet(app.port()), bob(app.port());
        for (Browser* b : {&laptop, &phone, &tablet})
            REQUIRE(b->sign_in("ada@example.org", kPassword)->status == 303);
        REQUIRE(bob.sign_in("bob@example.org", kPassword)->status == 303);

        REQUIRE(laptop.get("/account")->status == 200);
        std::string laptop_cookie = laptop.cookie(kSession);
        auto out = laptop.post("/logout");
        REQUIRE(out);
        CHECK(out->status == 303);
        CHECK(laptop.cookie(kSession).empty());
        Browser replay(app.port());
        replay.set_cookie(kSession, laptop_cookie);
        CHECK(replay.get("/account")->status == 303);
        CHECK(phone.get("/account")->status == 200);

        auto everywhere = phone.post("/account/sign-out-everywhere");
        REQUIRE(everywhere);
        CHECK(everywhere->status == 303);
        CHECK(phone.get("/account")->status == 303);
        CHECK(tablet.get("/account")->status == 303);
        CHECK(bob.get("/account")->status == 200);
        CHECK(count(app, "SELECT count(*) FROM audit_log WHERE action = 'signout.everywhere'") ==
              1);
        CHECK(count(app, "SELECT count(*) FROM audit_log WHERE action = 'signout'") == 1);
    }

    TEST_CASE("changing_the_password_rotates_this_session_and_ends_the_others") {
        TestApp app;
        make_user(app, "ada@example.org");
        Browser here(app.port()), there(app.port());
        REQUIRE(here.sign_in("ada@example.org", kPassword)->status == 303);
        REQUIRE(there.sign_in("ada@example.org", kPassword)->status == 303);
        REQUIRE(here.get("/account")->status == 200);
        std::string before = here.cookie(kSession);

        auto wrong =
            here.post("/account/password", {{"current_password", "not my password!"},
                                            {"password", "a brand new passphrase"},
                                            {"password_confirm", "a brand new passphrase"}});
        REQUIRE(wrong);
        CHECK(wrong->status == 400);
        auto weak = here.post("/account/password", {{"current_password", kPassword},
                                                    {"password", "password123"},
                                                    {"password_confirm", "password123"}});
        REQUIRE(weak);
        CHECK(weak->status == 400);

        auto changed =
            here.post("/account/password", {{"current_password", kPassword},
                                            {"password", "a brand new passphrase"},
                                            {"password_confirm", "a brand new passphrase"}});
        REQUIRE(changed);
        CHECK(changed->status == 303);
        CHECK(here.cookie(kSession) != before);
        CHECK(here.get("/account")->status == 200);
        CHECK(there.get("/account")->status == 303);
        Browser fresh(app.port());
        CHECK(fresh.sign_in("ada@example.org", kPassword)->status == 401);
        CHECK(fresh.sign_in("ada@example.org", "a brand new passphrase")->status == 303);
        CHECK(count(app, "SELECT count(*) FROM audit_log WHERE action = 'password.change'") == 1);
    }

    TEST_CASE("sign_in_returns_to_the_page_asked_for_but_never_to_another_site") {
        TestApp app;
        make_user(app, "ada@example.org");
        for (auto [next, expected] :
             std::vector<std::pair<std::string, std::string>>{{"/account", "/account"},
                                                              {"//evil.example/x", "/"},
                                                              {"https://evil.example/", "/"},
                                                              {"/\\evil.example", "/"}}) {
            CAPTURE(next);
            Browser b(app.port());
            b.get("/login");
            auto res = b.post(
                "/login", {{"email", "ada@example.org"}, {"password", kPassword}, {"next", next}});
            REQUIRE(res);
            CHECK(res->status == 303);
            CHECK(res->get_header_value("Location") == expected);
        }
    }

    TEST_CASE("sign_in_form_without_its_csrf_cookie_token_is_refused") {
        TestApp app;
        make_user(app, "ada@example.org");
        Browser b(app.port());
        auto bare = b.post("/login", {{"email", "ada@example.org"}, {"password", kPassword}});
        REQUIRE(bare);
        CHECK(bare->status == 403);
        b.get("/login");
        auto forged = b.post("/login", {{"email", "ada@example.org"},
                                        {"password", kPassword},
                                        {"csrf", std::string(43, 'x')}});
        REQUIRE(forged);
        CHECK(forged->status == 403);
        CHECK(b.cookie(kSession).empty());
    }
}
