// Personal API tokens made and revoked in the browser, used over the JSON API.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "auth/account_service.hpp"
#include "core/crypto.hpp"
#include "support/browser.hpp"
#include "support/sqlite_file.hpp"
#include "support/test_app.hpp"

using vitae::test::Browser;
using vitae::test::query_value;
using vitae::test::TestApp;

namespace {

constexpr const char* kPassword = "correct horse battery staple";

void add_user(TestApp& app, const std::string& email) {
    app.app().accounts().create({email, "", "member", kPassword},
                                vitae::auth::Actor{std::nullopt, "test", ""});
}

Browser signed_in(TestApp& app, const std::string& email) {
    Browser b(app.port());
    REQUIRE(b.sign_in(email, kPassword)->status == 303);
    REQUIRE(b.get("/account")->status == 200);
    return b;
}

std::string db_value(TestApp& app, const std::string& sql) {
    return query_value(app.data_dir() / "vitae.db", sql);
}

// Creates a token on the account page; returns the plain token the page shows.
std::string create_token(Browser& b, const std::string& name) {
    auto res = b.post("/account/tokens", {{"name", name}});
    REQUIRE(res->status == 200);
    std::smatch m;
    static const std::regex kToken(R"re(id="new-token"[^>]*>(vitae_[A-Za-z0-9_-]+)<)re");
    REQUIRE(std::regex_search(res->body, m, kToken));
    return m[1].str();
}

int me_status(TestApp& app, const std::string& token) {
    auto res = app.client().Get("/api/v1/me", {{"Authorization", "Bearer " + token}});
    REQUIRE(res);
    return res->status;
}

std::string token_id(TestApp& app, const std::string& name) {
    return db_value(app, "SELECT id FROM api_tokens WHERE name = '" + name + "'");
}

}  // namespace

TEST_SUITE("integration") {
    TEST_CASE("a_token_made_in_the_browser_is_shown_once_stored_hashed_and_stops_when_revoked") {
        TestApp app;
        add_user(app, "ada@example.org");
        Browser b = signed_in(app, "ada@example.org");
        CHECK(b.get("/account")->body.find("You have no API tokens") != std::string::npos);

        std::string token = create_token(b, "laptop script");
        CHECK(token.size() == 6 + 43);

        auto listed = b.get("/account");
        CHECK(listed->body.find(token) == std::string::npos);  // never shown again
        CHECK(listed->body.find("laptop script") != std::string::npos);
        CHECK(listed->body.find(token.substr(0, 12)) != std::string::npos);  // its prefix
        CHECK(listed->body.find("Never") != std::string::npos);              // not used yet

        // At rest only its SHA-256: not in any row, not in the file or its log.
        CHECK(db_value(app, "SELECT token_hash FROM api_tokens") == vitae::core::sha256_hex(token));
        CHECK_FALSE(vitae::test::database_files_contain(app.data_dir() / "vitae.db", token));

        auto me = app.client().Get("/api/v1/me", {{"Authorization", "Bearer " + token}});
        REQUIRE(me->status == 200);
        CHECK(nlohmann::json::parse(me->body)["email"] == "ada@example.org");
        CHECK(db_value(app, "SELECT last_used_at IS NOT NULL FROM api_tokens") == "1");
        CHECK(b.get("/account")->body.find("Never") == std::string::npos);

        auto revoked = b.post("/account/tokens/" + token_id(app, "laptop script") + "/revoke");
        CHECK(revoked->status == 303);
        CHECK(revoked->get_header_value("Location") == "/account?done=token-revoked#tokens");
        CHECK(me_status(app, token) == 401);
        auto after = b.get("/account");
        CHECK(after->body.find("Revoked") != std::string::npos);
        CHECK(after->body.find("/revoke") == std::string::npos);  // nothing left to revoke

        CHECK(db_value(app, "SELECT count(*) FROM audit_log WHERE action = 'token.create'") == "1");
        CHECK(db_value(app, "SELECT count(*) FROM audit_log WHERE action = 'token.revoke'") == "1");
    }

    TEST_CASE("a_member_cannot_revoke_another_members_token") {
        TestApp app;
        add_user(app, "ada@example.org");
        add_user(app, "bob@example.org");
        Browser ada = signed_in(app, "ada@example.org");
        std::string token = create_token(ada, "ada script");
        Browser bob = signed_in(app, "bob@example.org");

        auto res = bob.post("/account/tokens/" + token_id(app, "ada script") + "/revoke");
        CHECK(res->status == 404);
        CHECK(bob.post("/account/tokens/99999999999999999999999/revoke")->status == 404);
        CHECK(me_status(app, token) == 200);
        CHECK(db_value(app, "SELECT revoked_at FROM api_tokens") == "NULL");
        CHECK(db_value(app, "SELECT count(*) FROM audit_log WHERE action = 'token.revoke'") == "0");
        CHECK(bob.get("/account")->body.find("ada script") == std::string::npos);
    }

    TEST_CASE("a_token_needs_a_sensible_name_and_nothing_is_stored_otherwise") {
        TestApp app;
        add_user(app, "ada@example.org");
        Browser b = signed_in(app, "ada@example.org");
        const std::vector<std::string> names = {"", "   ", "two\nlines", std::string(101, 'x'),
                                                "bad \xff"};
        for (const auto& name : names) {
            CAPTURE(name);
            auto res = b.post("/account/tokens", {{"name", name}});
            CHECK(res->status == 400);
            CHECK(res->body.find("alert-error") != std::string::npos);
            CHECK_FALSE(std::regex_search(res->body, std::regex("vitae_[A-Za-z0-9_-]{43}")));
        }
        CHECK(db_value(app, "SELECT count(*) FROM api_tokens") == "0");
    }
}
