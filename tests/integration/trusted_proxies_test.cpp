// Whose address a request comes from: X-Forwarded-For is believed only from the proxies
// TRUSTED_PROXIES names, because throttles and the audit log key on it.
#include <doctest/doctest.h>

#include "core/error.hpp"
#include "store/database.hpp"
#include "store/statement.hpp"
#include "support/browser.hpp"
#include "support/test_app.hpp"

using vitae::test::Browser;
using vitae::test::TestApp;

namespace {

// The IP the audit log recorded for a failed sign-in sent with a forged or proxied
// X-Forwarded-For.
std::string audited_ip(TestApp& app) {
    Browser b(app.port());
    b.get("/login");
    auto res = b.client().Post(
        "/login",
        {{"Cookie", "vitae_csrf=" + b.cookie("vitae_csrf")}, {"X-Forwarded-For", "203.0.113.9"}},
        "email=ghost%40example.org&password=not+the+password&csrf=" + b.csrf(),
        "application/x-www-form-urlencoded");
    REQUIRE(res);
    CHECK(res->status == 401);
    return app.app().database().read([](vitae::store::Connection& c) {
        auto s = c.prepare("SELECT ip FROM audit_log WHERE action = 'signin.failure'");
        REQUIRE(s.step());
        return s.column_text(0);
    });
}

}  // namespace

TEST_SUITE("integration") {
    TEST_CASE("x_forwarded_for_is_ignored_unless_the_peer_is_a_trusted_proxy") {
        TestApp direct;
        CHECK(audited_ip(direct) == "127.0.0.1");
        TestApp elsewhere({"--trusted-proxies", "10.0.0.0/8"},
                          vitae::app::AppOptions{.console_log = false});
        CHECK(audited_ip(elsewhere) == "127.0.0.1");
        TestApp proxied({"--trusted-proxies", "127.0.0.1/32, ::1"},
                        vitae::app::AppOptions{.console_log = false});
        CHECK(audited_ip(proxied) == "203.0.113.9");
    }

    TEST_CASE("an_invalid_trusted_proxies_entry_stops_start_up_naming_it") {
        vitae::test::TempDir dir;
        vitae::app::App app(
            vitae::test::test_config(dir / "data", {"--trusted-proxies", "127.0.0.1, 300.1.2.3/8"}),
            {.console_log = false});
        try {
            app.start();
            FAIL("started with a bad proxy list");
        } catch (const vitae::Error& e) {
            CHECK(e.code() == vitae::ErrorCode::config);
            CHECK(std::string(e.what()).find("300.1.2.3/8") != std::string::npos);
        }
    }
}
