// Admin → Audit over real HTTP: what admins see and may search, who may not look, and
// the housekeeping that prunes old entries and expired sessions.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "auth/account_service.hpp"
#include "auth/api_token_service.hpp"
#include "auth/audit.hpp"
#include "store/database.hpp"
#include "store/statement.hpp"
#include "support/browser.hpp"
#include "support/fake_clock.hpp"
#include "support/test_app.hpp"

namespace {

using namespace std::chrono_literals;
using vitae::test::Browser;
using vitae::test::FakeClock;
using vitae::test::TestApp;

constexpr const char* kPassword = "correct horse battery staple";
const vitae::auth::Actor kTest{std::nullopt, "test", ""};
constexpr std::chrono::seconds kDay = 24h;

std::int64_t make_user(TestApp& app, const std::string& email, const std::string& role) {
    return app.app().accounts().create({email, "", role, kPassword}, kTest);
}

Browser signed_in(TestApp& app, const std::string& email) {
    Browser b(app.port());
    auto res = b.sign_in(email, kPassword);
    REQUIRE(res);
    REQUIRE(res->status == 303);
    return b;
}

std::int64_t count(TestApp& app, const std::string& sql) {
    return app.app().database().read([&](vitae::store::Connection& conn) {
        auto stmt = conn.prepare(sql);
        stmt.step();
        return stmt.column_int64(0);
    });
}

int occurrences(const std::string& body, const std::string& text) {
    int n = 0;
    for (auto at = body.find(text); at != std::string::npos; at = body.find(text, at + 1))
        ++n;
    return n;
}

// Table rows on the page: one time cell each.
int rows(const std::string& body) {
    return occurrences(body, "<td><time datetime=");
}

// Rows with this action (the page's hints name actions too, outside the table).
int rows_with_action(const std::string& body, const std::string& action) {
    return occurrences(body, "<td><code>" + action + "</code></td>");
}

std::string page(Browser& b, const std::string& path, int status = 200) {
    auto res = b.get(path);
    REQUIRE(res);
    CHECK(res->status == status);
    return res->body;
}

void add_entries(TestApp& app, int n, const std::string& action, std::int64_t at) {
    app.app().database().write([&](vitae::store::Connection& conn) {
        for (int i = 0; i < n; ++i)
            vitae::auth::audit(conn, at, kTest, action, "t" + std::to_string(i));
    });
}

}  // namespace

TEST_SUITE("integration") {
    TEST_CASE("admin_sees_sign_in_entries_with_time_actor_target_and_ip") {
        FakeClock clock;
        TestApp app({}, clock.options());
        make_user(app, "root@example.org", "admin");
        Browser admin = signed_in(app, "root@example.org");
        auto body = page(admin, "/admin/audit");
        CHECK(rows_with_action(body, "signin.success") == 1);
        CHECK(rows_with_action(body, "user.create") == 1);
        CHECK(body.find(">" + vitae::core::iso8601_utc(FakeClock::kStart) + "<") !=
              std::string::npos);
        CHECK(body.find("<td>root@example.org</td>") != std::string::npos);
        CHECK(body.find("<td>127.0.0.1</td>") != std::string::npos);
        CHECK(body.find("kept for 180 days") != std::string::npos);
        CHECK(body.find("2 matching entries") != std::string::npos);
    }

    TEST_CASE("audit_filters_narrow_the_entries") {
        TestApp app;
        make_user(app, "root@example.org", "admin");
        make_user(app, "mia@example.org", "member");
        Browser stranger(app.port());
        REQUIRE(stranger.sign_in("mia@example.org", "not the password at all")->status == 401);
        signed_in(app, "mia@example.org");
        Browser admin = signed_in(app, "root@example.org");

        auto all = page(admin, "/admin/audit");
        CHECK(rows_with_action(all, "signin.success") == 2);
        CHECK(rows_with_action(all, "signin.failure") == 1);

        auto failures = page(admin, "/admin/audit?action=signin.failure");
        CHECK(rows(failures) == 1);
        CHECK(rows_with_action(failures, "signin.failure") == 1);
        CHECK(failures.find("1 matching entry") != std::string::npos);
        CHECK(failures.find("value=\"signin.failure\"") != std::string::npos);  // kept in form

        auto sign_ins = page(admin, "/admin/audit?action=signin.");
        CHECK(rows(sign_ins) == 3);

        auto mia = page(admin, "/admin/audit?actor=MIA&action=signin.");
        CHECK(rows(mia) == 2);
        CHECK(page(admin, "/admin/audit?target=root%40&action=signin.").find("1 matching entry") !=
              std::string::npos);
        CHECK(rows(page(admin, "/admin/audit?ip=127.0.")) == 3);  // user.create has no IP
        CHECK(rows(page(admin, "/admin/audit?ip=10.0.")) == 0);

        auto tomorrow = page(admin, "/admin/audit?from=2999-01-01");
        CHECK(rows(tomorrow) == 0);
        CHECK(tomorrow.find("No entries match this search.") != std::string::npos);
    }

    TEST_CASE("audit_page_refuses_bad_filters_with_400_and_a_clear_message") {
        TestApp app;
        make_user(app, "root@example.org", "admin");
        Browser admin = signed_in(app, "root@example.org");
        auto bad_date = page(admin, "/admin/audit?from=2027-02-30", 400);
        CHECK(bad_date.find("The from date must be a real date written year-month-day") !=
              std::string::npos);
        CHECK(rows(bad_date) == 0);
        CHECK(page(admin, "/admin/audit?actor=" + std::string(201, 'a'), 400)
                  .find("The actor filter is too long") != std::string::npos);
        CHECK(page(admin, "/admin/audit?target=caf%C3", 400)
                  .find("The target filter is not valid text (UTF-8).") != std::string::npos);
        CHECK(page(admin, "/admin/audit?from=2027-02-01&to=2027-01-01", 400)
                  .find("The from date is after the to date.") != std::string::npos);
        CHECK(page(admin, "/admin/audit?before=1%27%20OR%201%3D1", 400).find("before") !=
              std::string::npos);
        CHECK(page(admin, "/admin/audit?action=%3Cscript%3E", 200).find("<script>") ==
              std::string::npos);
    }

    TEST_CASE("audit_older_link_pages_through_entries_keeping_the_filter") {
        TestApp app;
        make_user(app, "root@example.org", "admin");
        add_entries(app, 60, "test.paging", 1'800'000'000);
        Browser admin = signed_in(app, "root@example.org");

        auto first = page(admin, "/admin/audit?action=test.");
        CHECK(rows(first) == 50);
        CHECK(first.find("60 matching entries") != std::string::npos);
        std::smatch older;
        REQUIRE(std::regex_search(first, older, std::regex(R"re(href="([^"]*)" rel="next")re")));
        std::string href = std::regex_replace(older[1].str(), std::regex("&amp;"), "&");
        CHECK(href.find("action=test.") != std::string::npos);
        CHECK(href.find("before=") != std::string::npos);

        auto second = page(admin, href);
        CHECK(rows(second) == 10);
        CHECK(second.find("rel=\"next\"") == std::string::npos);
        CHECK(second.find("Newest entries") != std::string::npos);
        // Together, the pages show each entry once.
        for (int i = 0; i < 60; ++i) {
            std::string cell = "<td>t" + std::to_string(i) + "</td>";
            CHECK((first.find(cell) != std::string::npos) !=
                  (second.find(cell) != std::string::npos));
        }
    }

    TEST_CASE("member_is_refused_the_audit_page_and_api") {
        TestApp app;
        auto member_id = make_user(app, "mia@example.org", "member");
        Browser member = signed_in(app, "mia@example.org");
        page(member, "/admin/audit", 403);

        vitae::auth::ApiTokenService tokens(app.app().database());
        auto token = tokens.create(member_id, "script", kTest).token;
        auto cli = app.client();
        auto res = cli.Get("/api/v1/admin/audit", {{"Authorization", "Bearer " + token}});
        REQUIRE(res);
        CHECK(res->status == 403);
    }

    TEST_CASE("admin_reads_the_audit_log_as_json_with_keyset_pages") {
        TestApp app;
        auto admin_id = make_user(app, "root@example.org", "admin");
        vitae::auth::ApiTokenService tokens(app.app().database());
        auto token = tokens.create(admin_id, "script", kTest).token;
        auto cli = app.client();
        httplib::Headers auth = {{"Authorization", "Bearer " + token}};

        auto res = cli.Get("/api/v1/admin/audit?limit=1", auth);
        REQUIRE(res);
        REQUIRE(res->status == 200);
        auto body = nlohmann::json::parse(res->body);
        REQUIRE(body["entries"].size() == 1);
        CHECK(body["entries"][0]["action"] == "token.create");
        CHECK(body["entries"][0]["detail"].is_object());
        CHECK(body["entries"][0]["at"].get<std::string>().ends_with("Z"));
        CHECK(body["total"] == 2);
        REQUIRE(body["next_before_id"].is_number());

        res = cli.Get("/api/v1/admin/audit?limit=1&before=" + body["next_before_id"].dump(), auth);
        REQUIRE(res);
        body = nlohmann::json::parse(res->body);
        REQUIRE(body["entries"].size() == 1);
        CHECK(body["entries"][0]["action"] == "user.create");
        CHECK(body["next_before_id"].is_null());

        res = cli.Get("/api/v1/admin/audit?to=31.12.2026", auth);
        REQUIRE(res);
        CHECK(res->status == 400);
        CHECK(nlohmann::json::parse(res->body)["error"]["code"] == "bad_request");
    }

    TEST_CASE("scheduled_prune_removes_audit_entries_older_than_180_days") {
        FakeClock clock;
        TestApp app({}, clock.options());
        make_user(app, "root@example.org", "admin");
        signed_in(app, "root@example.org");
        const std::string old_entries =
            "SELECT count(*) FROM audit_log WHERE at = " + std::to_string(FakeClock::kStart);
        CHECK(count(app, old_entries) == 2);

        clock.advance(179 * kDay);
        app.app().run_scheduled_tasks();
        CHECK(count(app, old_entries) == 2);  // 179 days old: kept

        clock.advance(2 * kDay);
        add_entries(app, 1, "test.recent", clock.now() - 1);
        app.app().run_scheduled_tasks();
        CHECK(count(app, old_entries) == 0);
        CHECK(count(app, "SELECT count(*) FROM audit_log WHERE action = 'test.recent'") == 1);

        // The browser's session expired with the months; a new sign-in sees what is left.
        Browser admin = signed_in(app, "root@example.org");
        auto body = page(admin, "/admin/audit");
        CHECK(rows_with_action(body, "user.create") == 0);
        CHECK(rows_with_action(body, "test.recent") == 1);
        CHECK(rows_with_action(body, "signin.success") == 1);
    }

    TEST_CASE("audit_keep_days_from_config_is_respected") {
        FakeClock clock;
        TestApp app({"--audit-keep-days", "30"}, clock.options());
        make_user(app, "root@example.org", "admin");
        CHECK(count(app, "SELECT count(*) FROM audit_log") == 1);

        clock.advance(30 * kDay);
        app.app().run_scheduled_tasks();
        CHECK(count(app, "SELECT count(*) FROM audit_log") == 1);

        clock.advance(kDay);
        app.app().run_scheduled_tasks();
        CHECK(count(app, "SELECT count(*) FROM audit_log") == 0);

        Browser admin = signed_in(app, "root@example.org");
        CHECK(page(admin, "/admin/audit").find("kept for 30 days") != std::string::npos);
    }

    TEST_CASE("expired_sessions_are_pruned_by_the_hourly_task") {
        FakeClock clock;
        TestApp app({}, clock.options());
        auto root_id = make_user(app, "root@example.org", "admin");
        auto mia_id = make_user(app, "mia@example.org", "member");
        signed_in(app, "root@example.org");
        const std::string sessions_of = "SELECT count(*) FROM sessions WHERE user_id = ";
        CHECK(count(app, sessions_of + std::to_string(root_id)) == 1);

        clock.advance(7 * kDay + 1h);  // past the idle timeout
        Browser mia = signed_in(app, "mia@example.org");
        app.app().run_scheduled_tasks();
        CHECK(count(app, sessions_of + std::to_string(root_id)) == 0);
        CHECK(count(app, sessions_of + std::to_string(mia_id)) == 1);
        page(mia, "/account");  // the fresh session still works
    }
}
