// Admin → Users over real HTTP: invites, resets, disabling, roles, deletion, the last
// admin, and the JSON API beside the pages. Time moves with a FakeClock.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <nlohmann/json.hpp>
#include <regex>
#include <thread>

#include "auth/account_service.hpp"
#include "auth/api_token_service.hpp"
#include "core/clock.hpp"
#include "support/api_call.hpp"
#include "support/browser.hpp"
#include "support/db_file.hpp"
#include "support/fake_clock.hpp"
#include "support/test_app.hpp"

using vitae::test::Browser;
using vitae::test::FakeClock;
using vitae::test::query_value;
using json = nlohmann::json;

namespace {

constexpr const char* kPassword = "correct horse battery staple";
constexpr const char* kNewPassword = "violet umbrella under midnight";
constexpr const char* kAdmin = "admin@example.org";
constexpr const char* kLinkInvalid = "This link is not valid any more";

// A running app with one admin, on a clock that moves only when told.
struct Site {
    FakeClock clock;
    vitae::test::TestApp app{std::vector<std::string>{}, clock.options()};
    std::int64_t admin_id = make_user(kAdmin, "admin");

    std::int64_t make_user(const std::string& email, const std::string& role) {
        return app.app().accounts().create({email, "", role, kPassword},
                                           vitae::auth::Actor{std::nullopt, "test", ""});
    }

    // The member m@example.org, signed in in `browser`.
    std::int64_t signed_in_member(Browser& browser) {
        auto id = make_user("m@example.org", "member");
        sign_in(browser, "m@example.org");
        return id;
    }

    std::string token_for(std::int64_t user_id) {
        return vitae::auth::ApiTokenService(app.app().database())
            .create(user_id, "test", vitae::auth::Actor{std::nullopt, "test", ""})
            .token;
    }

    // A browser signed in as email, holding the CSRF token of its session.
    void sign_in(Browser& browser, const std::string& email,
                 const std::string& password = kPassword) {
        auto res = browser.sign_in(email, password);
        REQUIRE(res);
        REQUIRE(res->status == 303);
        REQUIRE(browser.get("/account")->status == 200);
    }

    httplib::Result api(const std::string& method, const std::string& path,
                        const std::string& token, const std::string& body = "") {
        auto cli = app.client();
        return vitae::test::api_call(cli, method, path, token, body);
    }

    std::string sql(const std::string& query) {
        return query_value(app.data_dir() / "vitae.db", query);
    }

    std::string audits(const std::string& action, const std::string& target) {
        return sql("SELECT count(*) FROM audit_log WHERE action = '" + action + "' AND target = '" +
                   target + "'");
    }

    std::string user_path(std::int64_t id) { return "/admin/users/" + std::to_string(id); }
    std::string api_user(std::int64_t id) { return "/api/v1/admin/users/" + std::to_string(id); }
    std::string base() { return "http://127.0.0.1:" + std::to_string(app.port()); }
};

// The secret of the first invite or reset link in a page or JSON text.
std::string link_token(const std::string& text, const std::string& purpose) {
    std::smatch m;
    REQUIRE(std::regex_search(text, m, std::regex(purpose + R"(\?token=([A-Za-z0-9_-]{43}))")));
    return m[1].str();
}

// Sets the password through a link, as the person holding it would: GET the form, POST it.
httplib::Result use_link(Browser& browser, const std::string& purpose, const std::string& token,
                         const std::string& password = kNewPassword) {
    auto form = browser.get("/" + purpose + "?token=" + token);
    REQUIRE(form);
    if (form->status != 200)
        REQUIRE(browser.get("/login")->status == 200);  // a CSRF token for the POST
    return browser.post("/" + purpose,
                        {{"token", token}, {"password", password}, {"password_confirm", password}});
}

json body_of(const httplib::Result& res) {
    REQUIRE(res);
    return json::parse(res->body);
}

bool sets_cookie(const httplib::Result& res, const std::string& text) {
    auto range = res->headers.equal_range("Set-Cookie");
    for (auto it = range.first; it != range.second; ++it) {
        if (it->second.find(text) != std::string::npos)
            return true;
    }
    return false;
}

}  // namespace

TEST_SUITE("integration") {
    TEST_CASE("an_invited_user_sets_a_password_through_the_link_once_and_is_signed_in") {
        Site site;
        Browser admin(site.app.port());
        site.sign_in(admin, kAdmin);
        auto created = admin.post(
            "/admin/users",
            {{"email", " New.Person@Example.org "}, {"name", "New Person"}, {"role", "member"}});
        REQUIRE(created);
        CHECK(created->status == 200);
        CHECK(created->get_header_value("Cache-Control") == "no-store");
        std::string token = link_token(created->body, "invite");
        CHECK(created->body.find(site.base() + "/invite?token=" + token) != std::string::npos);
        // Only a hash is stored, and the list shows the link no more.
        CHECK(site.sql("SELECT count(*) FROM one_time_links WHERE purpose = 'invite' AND "
                       "token_hash != '" +
                       token + "'") == "1");
        auto list = admin.get("/admin/users");
        CHECK(list->body.find(token) == std::string::npos);
        CHECK(list->body.find("new.person@example.org") != std::string::npos);
        CHECK(site.sql("SELECT password_hash IS NULL FROM users WHERE email = "
                       "'new.person@example.org'") == "1");

        Browser person(site.app.port());
        CHECK(person.sign_in("new.person@example.org", kPassword)->status == 401);
        auto form = person.get("/invite?token=" + token);
        REQUIRE(form);
        CHECK(form->status == 200);
        CHECK(form->body.find("new.person@example.org") != std::string::npos);
        auto mismatch = person.post("/invite", {{"token", token},
                                                {"password", kNewPassword},
                                                {"password_confirm", "something else entirely"}});
        CHECK(mismatch->status == 400);
        auto weak = person.post(
            "/invite", {{"token", token}, {"password", "short"}, {"password_confirm", "short"}});
        CHECK(weak->status == 400);
        auto done = person.post(
            "/invite",
            {{"token", token}, {"password", kNewPassword}, {"password_confirm", kNewPassword}});
        REQUIRE(done);
        CHECK(done->status == 303);
        CHECK(done->get_header_value("Location") == "/");
        CHECK(person.get("/account")->status == 200);

        Browser other(site.app.port());
        auto again = other.get("/invite?token=" + token);
        CHECK(again->status == 403);
        CHECK(again->body.find(kLinkInvalid) != std::string::npos);
        auto reused = use_link(other, "invite", token, "another long passphrase here");
        CHECK(reused->status == 403);
        CHECK(reused->body.find(kLinkInvalid) != std::string::npos);

        Browser fresh(site.app.port());
        site.sign_in(fresh, "new.person@example.org", kNewPassword);
        CHECK(site.audits("user.create", "new.person@example.org") == "1");
        CHECK(site.audits("user.invite", "new.person@example.org") == "1");
        CHECK(site.audits("password.set_by_link", "new.person@example.org") == "1");
        CHECK(site.sql("SELECT actor FROM audit_log WHERE action = 'user.invite'") == kAdmin);
    }

    TEST_CASE("an_invite_from_the_api_expires_after_72_hours") {
        Site site;
        auto token = site.token_for(site.admin_id);
        auto res = site.api("POST", "/api/v1/admin/users", token,
                            R"({"email":"late@example.org","name":"Late Comer","role":"member"})");
        REQUIRE(res);
        CHECK(res->status == 201);
        auto body = body_of(res);
        CHECK(body["email"] == "late@example.org");
        CHECK(body["name"] == "Late Comer");
        CHECK(body["role"] == "member");
        CHECK(body["disabled"] == false);
        CHECK(body["two_factor"] == false);
        CHECK(body["invite_pending"] == true);
        CHECK(body["created_at"] == vitae::core::iso8601_utc(FakeClock::kStart));
        CHECK(res->get_header_value("Location") == site.api_user(body["id"].get<std::int64_t>()));
        std::string url = body["invite_url"];
        CHECK(url.starts_with(site.base() + "/invite?token="));
        std::string link = link_token(url, "invite");

        site.clock.advance(std::chrono::hours(72) - std::chrono::seconds(1));
        Browser person(site.app.port());
        CHECK(person.get("/invite?token=" + link)->status == 200);
        site.clock.advance(std::chrono::seconds(1));
        CHECK(person.get("/invite?token=" + link)->status == 403);
        auto late = use_link(person, "invite", link);
        CHECK(late->status == 403);
        CHECK(site.sql("SELECT password_hash IS NULL FROM users WHERE email = "
                       "'late@example.org'") == "1");
    }

    TEST_CASE("a_reset_link_ends_the_users_sessions_replaces_older_links_and_works_once") {
        Site site;
        Browser member(site.app.port());
        auto member_id = site.signed_in_member(member);
        Browser admin(site.app.port());
        site.sign_in(admin, kAdmin);

        auto first = admin.post(site.user_path(member_id) + "/reset");
        REQUIRE(first);
        CHECK(first->status == 200);
        CHECK(first->get_header_value("Cache-Control") == "no-store");
        CHECK(member.get("/account")->status == 303);
        CHECK(site.sql("SELECT count(*) FROM sessions WHERE user_id = " +
                       std::to_string(member_id)) == "0");
        auto second = admin.post(site.user_path(member_id) + "/reset");
        std::string old_link = link_token(first->body, "reset");
        std::string link = link_token(second->body, "reset");
        CHECK(old_link != link);

        Browser person(site.app.port());
        CHECK(person.get("/reset?token=" + old_link)->status == 403);
        CHECK(person.get("/invite?token=" + link)->status == 403);  // a reset is no invite
        auto done = use_link(person, "reset", link);
        CHECK(done->status == 303);
        CHECK(person.get("/account")->status == 200);
        Browser other(site.app.port());
        CHECK(use_link(other, "reset", link, "yet another long passphrase")->status == 403);

        Browser check(site.app.port());
        CHECK(check.sign_in("m@example.org", kPassword)->status == 401);
        site.sign_in(check, "m@example.org", kNewPassword);
        CHECK(site.audits("user.reset", "m@example.org") == "2");
        CHECK(site.sql("SELECT json_extract(detail, '$.sessions_ended') FROM audit_log WHERE "
                       "action = 'user.reset' ORDER BY id LIMIT 1") == "1");

        // The admin's own password is the account page's business.
        auto own = admin.post(site.user_path(site.admin_id) + "/reset");
        CHECK(own->status == 409);
        CHECK(own->body.find("account page") != std::string::npos);
        CHECK(
            site.api("POST", site.api_user(site.admin_id) + "/reset", site.token_for(site.admin_id))
                ->status == 409);
    }

    TEST_CASE("a_disabled_user_loses_sessions_and_tokens_until_enabled_again") {
        Site site;
        Browser member(site.app.port());
        auto member_id = site.signed_in_member(member);
        auto member_token = site.token_for(member_id);
        Browser admin(site.app.port());
        site.sign_in(admin, kAdmin);

        auto disabled = admin.post(site.user_path(member_id) + "/disable");
        CHECK(disabled->status == 303);
        CHECK(disabled->get_header_value("Location") ==
              site.user_path(member_id) + "?done=disabled");
        CHECK(member.get("/account")->status == 303);
        CHECK(site.api("GET", "/api/v1/me", member_token)->status == 401);
        Browser again(site.app.port());
        CHECK(again.sign_in("m@example.org", kPassword)->status == 401);
        CHECK(site.sql("SELECT disabled FROM users WHERE email = 'm@example.org'") == "1");
        CHECK(admin.get(site.user_path(member_id))->body.find("This account is disabled") !=
              std::string::npos);

        CHECK(admin.post(site.user_path(member_id) + "/enable")->status == 303);
        site.sign_in(again, "m@example.org");
        CHECK(site.api("GET", "/api/v1/me", member_token)->status == 200);
        CHECK(site.audits("user.disable", "m@example.org") == "1");
        CHECK(site.audits("user.enable", "m@example.org") == "1");

        // Through the API too, and enabling an enabled account changes and audits nothing.
        auto token = site.token_for(site.admin_id);
        auto put = site.api("PUT", site.api_user(member_id), token, R"({"disabled":true})");
        CHECK(put->status == 200);
        CHECK(body_of(put)["disabled"] == true);
        CHECK(site.api("GET", "/api/v1/me", member_token)->status == 401);
        CHECK(site.api("PUT", site.api_user(member_id), token, R"({"disabled":false})")->status ==
              200);
        CHECK(site.api("PUT", site.api_user(member_id), token, R"({"disabled":false})")->status ==
              200);
        CHECK(site.audits("user.enable", "m@example.org") == "2");
    }

    TEST_CASE("a_role_change_ends_the_users_sessions") {
        Site site;
        Browser member(site.app.port());
        auto member_id = site.signed_in_member(member);
        CHECK(member.get("/admin/users")->status == 403);
        Browser admin(site.app.port());
        site.sign_in(admin, kAdmin);

        auto changed = admin.post(site.user_path(member_id) + "/role", {{"role", "admin"}});
        CHECK(changed->status == 303);
        CHECK(member.get("/account")->status == 303);
        site.sign_in(member, "m@example.org");
        CHECK(member.get("/admin/users")->status == 200);
        CHECK(site.sql("SELECT json_extract(detail, '$.from') || '>' || "
                       "json_extract(detail, '$.to') FROM audit_log WHERE action = 'user.role'") ==
              "member>admin");

        auto token = site.token_for(site.admin_id);
        auto back = site.api("PUT", site.api_user(member_id), token, R"({"role":"member"})");
        CHECK(back->status == 200);
        CHECK(body_of(back)["role"] == "member");
        CHECK(member.get("/admin/users")->status == 303);
        CHECK(site.api("PUT", site.api_user(member_id), token, R"({"role":"member"})")->status ==
              200);
        CHECK(site.audits("user.role", "m@example.org") == "2");
        CHECK(admin.post(site.user_path(member_id) + "/role", {{"role", "root"}})->status == 400);
    }

    TEST_CASE("the_last_enabled_admin_cannot_be_disabled_demoted_or_deleted") {
        Site site;
        Browser admin(site.app.port());
        site.sign_in(admin, kAdmin);
        auto self = site.user_path(site.admin_id);
        auto disable = admin.post(self + "/disable");
        CHECK(disable->status == 409);
        CHECK(disable->body.find("last administrator") != std::string::npos);
        CHECK(admin.post(self + "/role", {{"role", "member"}})->status == 409);
        auto remove = admin.post(self + "/delete", {{"confirm_email", kAdmin}});
        CHECK(remove->status == 409);
        CHECK(remove->body.find("your own account") != std::string::npos);

        auto token = site.token_for(site.admin_id);
        auto me = site.api_user(site.admin_id);
        auto put = site.api("PUT", me, token, R"({"disabled":true})");
        CHECK(put->status == 409);
        CHECK(body_of(put)["error"]["code"] == "conflict");
        CHECK(site.api("PUT", me, token, R"({"role":"member"})")->status == 409);
        // All or nothing: the name in the same refused request is not applied either.
        CHECK(site.api("PUT", me, token, R"({"role":"member","name":"Renamed"})")->status == 409);
        CHECK(site.api("DELETE", me + "?confirm=" + kAdmin, token)->status == 409);
        CHECK(site.sql("SELECT role || disabled || name FROM users WHERE id = " +
                       std::to_string(site.admin_id)) == "admin0");

        // A disabled second admin does not count; an enabled one does.
        auto second_id = site.make_user("second@example.org", "admin");
        auto second = site.api_user(second_id);
        CHECK(site.api("PUT", second, token, R"({"disabled":true})")->status == 200);
        CHECK(site.api("PUT", me, token, R"({"disabled":true})")->status == 409);
        CHECK(site.api("PUT", second, token, R"({"disabled":false})")->status == 200);
        CHECK(site.api("PUT", me, token, R"({"role":"member"})")->status == 200);
        CHECK(site.api("GET", "/api/v1/admin/users", token)->status == 403);

        auto second_token = site.token_for(second_id);
        CHECK(site.api("PUT", second, second_token, R"({"role":"member"})")->status == 409);
        CHECK(site.api("DELETE", me + "?confirm=" + kAdmin, second_token)->status == 204);
        CHECK(site.audits("user.delete", kAdmin) == "1");
    }

    TEST_CASE("two_admins_disabling_each_other_at_once_leave_one_enabled_admin") {
        Site site;
        auto other_id = site.make_user("other@example.org", "admin");
        auto tokens = std::array{site.token_for(site.admin_id), site.token_for(other_id)};
        auto targets = std::array{site.api_user(other_id), site.api_user(site.admin_id)};
        // Warm keep-alive connections, so both requests reach the server at the same time.
        std::array<httplib::Client, 2> clients{site.app.client(), site.app.client()};
        for (int i = 0; i < 2; ++i) {
            clients[i].set_keep_alive(true);
            clients[i].set_default_headers({{"Authorization", "Bearer " + tokens[i]}});
            REQUIRE(clients[i].Get("/api/v1/me")->status == 200);
        }
        for (int round = 0; round < 20; ++round) {
            CAPTURE(round);
            std::array<int, 2> status{};
            std::atomic<int> ready{0};
            std::array<std::thread, 2> threads;
            for (int i = 0; i < 2; ++i) {
                threads[i] = std::thread([&, i] {
                    ready.fetch_add(1);
                    while (ready.load() < 2) {
                    }
                    auto res =
                        clients[i].Put(targets[i], R"({"disabled":true})", "application/json");
                    status[i] = res ? res->status : -1;
                });
            }
            for (auto& t : threads)
                t.join();
            CHECK(std::count(status.begin(), status.end(), 200) == 1);
            REQUIRE(site.sql("SELECT count(*) FROM users WHERE role = 'admin' AND disabled = 0") ==
                    "1");
            int winner = status[0] == 200 ? 0 : 1;
            REQUIRE(clients[winner]
                        .Put(targets[winner], R"({"disabled":false})", "application/json")
                        ->status == 200);
        }
    }

    TEST_CASE("deleting_a_user_needs_their_email_and_removes_sessions_tokens_and_links") {
        Site site;
        Browser member(site.app.port());
        auto member_id = site.signed_in_member(member);
        auto member_token = site.token_for(member_id);
        auto token = site.token_for(site.admin_id);
        CHECK(site.api("POST", site.api_user(member_id) + "/reset", token)->status == 200);
        site.sign_in(member, "m@example.org");
        auto id = std::to_string(member_id);
        auto owned = [&] {
            return site.sql("SELECT (SELECT count(*) FROM users WHERE id = " + id +
                            ") || (SELECT count(*) FROM sessions WHERE user_id = " + id +
                            ") || (SELECT count(*) FROM api_tokens WHERE user_id = " + id +
                            ") || (SELECT count(*) FROM one_time_links WHERE user_id = " + id +
                            ")");
        };
        CHECK(owned() == "1111");

        Browser admin(site.app.port());
        site.sign_in(admin, kAdmin);
        auto path = site.user_path(member_id) + "/delete";
        auto wrong = admin.post(path, {{"confirm_email", "someone@example.org"}});
        CHECK(wrong->status == 400);
        CHECK(wrong->body.find("type its email address") != std::string::npos);
        CHECK(admin.post(path, {{"confirm_email", ""}})->status == 400);
        auto api = site.api_user(member_id);
        CHECK(site.api("DELETE", api, token)->status == 400);
        CHECK(site.api("DELETE", api + "?confirm=m%40example.net", token)->status == 400);
        CHECK(owned() == "1111");

        auto deleted = admin.post(path, {{"confirm_email", " M@Example.org "}});
        CHECK(deleted->status == 303);
        CHECK(deleted->get_header_value("Location") == "/admin/users?done=deleted");
        CHECK(owned() == "0000");
        CHECK(member.get("/account")->status == 303);
        CHECK(site.api("GET", "/api/v1/me", member_token)->status == 401);
        CHECK(admin.get(site.user_path(member_id))->status == 404);
        CHECK(site.api("GET", api, token)->status == 404);
        CHECK(site.api("DELETE", api + "?confirm=m@example.org", token)->status == 404);
        CHECK(site.audits("user.delete", "m@example.org") == "1");
    }

    TEST_CASE("members_are_refused_every_admin_users_route") {
        Site site;
        Browser member(site.app.port());
        auto member_id = site.signed_in_member(member);
        auto member_token = site.token_for(member_id);
        auto before = site.sql("SELECT count(*) FROM audit_log");
        int checked = 0;
        static const std::regex kGroup(R"(\([^)]*\))");
        for (const auto& route : site.app.app().router().routes()) {
            if (route.pattern.find("/admin/users") == std::string::npos)
                continue;
            CAPTURE(route.method);
            CAPTURE(route.pattern);
            CHECK(route.access == vitae::http::Access::admin);
            auto path = std::regex_replace(route.pattern, kGroup, std::to_string(site.admin_id));
            auto res = [&] {
                if (path.starts_with("/api/")) {
                    return site.api(route.method, path + "?confirm=" + kAdmin, member_token,
                                    R"({"email":"x@example.org","role":"admin","disabled":true})");
                }
                if (route.method == "GET")
                    return member.get(path);
                return member.post(
                    path,
                    {{"email", "x@example.org"}, {"role", "member"}, {"confirm_email", kAdmin}});
            }();
            REQUIRE(res);
            CHECK(res->status == 403);
            ++checked;
        }
        CHECK(checked >= 14);
        CHECK(site.sql("SELECT count(*) FROM audit_log") == before);
        CHECK(site.sql("SELECT count(*) || role || disabled FROM users WHERE email = '" +
                       std::string(kAdmin) + "'") == "1admin0");
        CHECK(site.sql("SELECT count(*) FROM users") == "2");
    }

    TEST_CASE("the_user_forms_refuse_bad_input_and_store_valid_input_verbatim") {
        Site site;
        Browser admin(site.app.port());
        site.sign_in(admin, kAdmin);
        const std::string long_email = std::string(288, 'a') + "@example.org";
        REQUIRE(long_email.size() == 300);
        struct Case {
            std::string email, name, role, expect;
        };
        std::vector<Case> cases = {
            {long_email, "", "member", "valid email"},
            {"eve@example.org", "\xff\xfe", "member", "UTF-8"},
            {"eve@example.org", "Eve\r\nSet-Cookie: x=1", "member", "line breaks"},
            {"eve@example.org\r\nSet-Cookie: x=1", "Eve", "member", "valid email"},
            {"x'); DROP TABLE users;--@example.org", "Eve", "member", "valid email"},
            {"\xff\xfe@example.org", "Eve", "member", "valid email"},
            {"eve@example.org", "Eve", "root", "admin or member"},
            {"ADMIN@example.org", "Eve", "member", "already exists"},
        };
        for (const auto& c : cases) {
            CAPTURE(c.expect);
            auto res = admin.post("/admin/users",
                                  {{"email", c.email}, {"name", c.name}, {"role", c.role}});
            REQUIRE(res);
            CHECK(res->status >= 400);
            CHECK(res->status < 500);
            CHECK(res->body.find(c.expect) != std::string::npos);
            CHECK_FALSE(sets_cookie(res, "x=1"));
        }
        CHECK(site.sql("SELECT count(*) FROM users") == "1");
        CHECK(site.sql("SELECT count(*) FROM audit_log WHERE action LIKE 'user.%'") == "1");

        const std::string sql_name = "x'); DROP TABLE users;--";
        auto ok =
            admin.post("/admin/users",
                       {{"email", "bobby@example.org"}, {"name", sql_name}, {"role", "member"}});
        CHECK(ok->status == 200);
        CHECK(site.sql("SELECT name FROM users WHERE email = 'bobby@example.org'") == sql_name);
        CHECK(site.sql("SELECT count(*) FROM users") == "2");
    }

    TEST_CASE("the_admin_users_api_refuses_malformed_requests_with_json_errors") {
        Site site;
        auto token = site.token_for(site.admin_id);
        const std::string users = "/api/v1/admin/users";
        struct Case {
            std::string body, expect;
        };
        std::vector<Case> cases = {
            {"{", "not valid JSON"},
            {"", "not valid JSON"},
            {"[]", "JSON object"},
            {R"({"email":"a@example.org","admin":true})", "Unknown field \"admin\""},
            {R"({"email":5})", "\"email\" must be a string"},
            {R"({"email":"a@example.org","role":null})", "\"role\" must be a string"},
            {R"({"name":"No Email"})", "\"email\" is required"},
            {"{\"email\":\"c@example.org\",\"name\":\"\xff\xfe\"}", "not valid JSON"},
            {R"({"email":"c@example.org","name":"Eve\r\nSet-Cookie: x=1"})", "line breaks"},
            {R"({"email":")" + std::string(288, 'a') + R"(@example.org"})", "valid email"},
            {R"({"email":"c@example.org","role":"root"})", "admin or member"},
        };
        for (const auto& c : cases) {
            CAPTURE(c.body);
            auto res = site.api("POST", users, token, c.body);
            REQUIRE(res);
            CHECK(res->status == 400);
            CHECK(res->get_header_value("Content-Type").starts_with("application/json"));
            auto error = body_of(res)["error"];
            CHECK(error["code"] == "bad_request");
            CHECK(error["message"].get<std::string>().find(c.expect) != std::string::npos);
            CHECK_FALSE(error["request_id"].get<std::string>().empty());
            CHECK_FALSE(sets_cookie(res, "x=1"));
        }
        CHECK(site.sql("SELECT count(*) FROM users") == "1");

        auto created = site.api("POST", users, token, R"({"email":"bobby@example.org"})");
        REQUIRE(created->status == 201);
        auto bobby = site.api_user(body_of(created)["id"].get<std::int64_t>());
        CHECK(body_of(created)["role"] == "member");
        for (const char* bad : {R"({"disabled":"yes"})", R"({"role":null})", R"({"id":7})",
                                R"({"name":"Bob\nby"})", "true"}) {
            CAPTURE(bad);
            CHECK(site.api("PUT", bobby, token, bad)->status == 400);
        }
        const std::string sql_name = "Robert'); DROP TABLE users;--";
        auto renamed = site.api("PUT", bobby, token, json{{"name", sql_name}}.dump());
        CHECK(renamed->status == 200);
        CHECK(body_of(renamed)["name"] == sql_name);
        CHECK(site.sql("SELECT name FROM users WHERE email = 'bobby@example.org'") == sql_name);
        CHECK(site.audits("user.rename", "bobby@example.org") == "1");
        auto listed = body_of(site.api("GET", users, token))["users"];
        REQUIRE(listed.size() == 2);
        CHECK(listed[0]["email"] == kAdmin);  // admins first
        CHECK(listed[1]["name"] == sql_name);

        CHECK(site.api("GET", users + "/99999", token)->status == 404);
        CHECK(site.api("GET", users + "/99999999999999999999999", token)->status == 404);
        CHECK(site.api("PUT", users + "/99999", token, "{}")->status == 404);
    }

    TEST_CASE("guessing_link_tokens_is_throttled_per_ip_and_audited") {
        Site site;
        Browser guesser(site.app.port());
        REQUIRE(guesser.get("/login")->status == 200);
        auto guess = [&](const std::string& purpose) {
            return guesser.post("/" + purpose, {{"token", std::string(43, 'A')},
                                                {"password", kNewPassword},
                                                {"password_confirm", kNewPassword}});
        };
        // 20 wrong links per IP are free; the 21st starts a back-off.
        for (int i = 0; i < 21; ++i) {
            site.clock.advance(std::chrono::seconds(7));  // past the rate limit and any wait
            CHECK(guess(i % 2 ? "invite" : "reset")->status == 403);
        }
        auto throttled = guess("invite");
        CHECK(throttled->status == 429);
        CHECK_FALSE(throttled->get_header_value("Retry-After").empty());
        CHECK(throttled->body.find("Too many failed attempts") != std::string::npos);
        CHECK(site.sql("SELECT count(*) FROM audit_log WHERE action = 'signin.throttled' AND "
                       "json_extract(detail, '$.attempt') = 'reset_link'") == "1");

        // Apart from failures, the sign-in forms share a burst of 30 requests per IP (a
        // malformed email is refused without counting as a failed guess).
        site.clock.advance(std::chrono::hours(1));
        Browser hasty(site.app.port());
        REQUIRE(hasty.get("/login")->status == 200);
        int limited = 0;
        for (int i = 0; i < 32; ++i) {
            auto res = hasty.post(i % 2 ? "/invite" : "/login",
                                  {{"token", "x"}, {"email", "not-an-email"}});
            if (i % 2 == 0 && res->status != 429)
                CHECK(res->status == 400);
            limited += res->status == 429;
        }
        CHECK(limited == 2);
    }
}
