// Accounts from the shell and the token-authenticated JSON API, over the real binary.
#include <doctest/doctest.h>

#include <httplib.h>

#include <nlohmann/json.hpp>

#include "support/binary.hpp"
#include "support/db_file.hpp"

using namespace vitae::test;  // NOLINT: the binary helpers read best unqualified

namespace {

constexpr const char* kGoodPassword = "correct horse battery staple";

std::vector<std::string> with_data(std::vector<std::string> args, const TempDir& dir) {
    args.push_back("--data-dir");
    args.push_back((dir / "data").string());
    return args;
}

std::vector<std::string> query(const TempDir& dir, const std::string& sql) {
    return query_row(dir / "data" / "vitae.db", sql);
}

}  // namespace

TEST_SUITE("integration") {
    TEST_CASE("cli_user_and_token_give_api_access_to_me_and_store_only_hashes") {
        TempDir dir;
        auto user = run(dir,
                        with_data({"user", "create", "--admin", "--email", "Ada@Example.org",
                                   "--name", "Ada Lovelace"},
                                  dir),
                        base_env(), std::string(kGoodPassword) + "\n");
        INFO(user.err);
        REQUIRE(user.code == 0);
        CHECK(user.out.find("created admin ada@example.org") != std::string::npos);

        auto token = run(dir, with_data({"token", "create", "--email", "ada@example.org", "--name",
                                         "laptop script"},
                                        dir));
        INFO(token.err);
        REQUIRE(token.code == 0);
        std::string plain = token.out.substr(0, token.out.find('\n'));
        REQUIRE(plain.starts_with("vitae_"));

        // At rest: an Argon2id hash and a SHA-256, never the secrets themselves.
        auto row = query(dir, "SELECT password_hash, role FROM users");
        CHECK(row[0].starts_with("$argon2id$"));
        CHECK(row[0].find(kGoodPassword) == std::string::npos);
        CHECK(row[1] == "admin");
        auto stored = query(dir, "SELECT token_hash, prefix FROM api_tokens");
        CHECK(stored[0].size() == 64);
        CHECK(stored[0] != plain);
        CHECK(plain.starts_with(stored[1]));
        CHECK(query(dir,
                    "SELECT count(*) FROM audit_log WHERE action IN "
                    "('user.create','token.create') AND actor = 'cli'")[0] == "2");

        auto served = serve(dir, dir / "data");
        httplib::Client cli("127.0.0.1", served.port);
        auto me = cli.Get("/api/v1/me", {{"Authorization", "Bearer " + plain}});
        REQUIRE(me);
        CHECK(me->status == 200);
        auto body = nlohmann::json::parse(me->body);
        CHECK(body["email"] == "ada@example.org");
        CHECK(body["name"] == "Ada Lovelace");
        CHECK(body["role"] == "admin");
        CHECK(body["id"].is_number_integer());

        std::vector<std::string> bad_headers = {"", "Bearer ", "Bearer vitae_nope", "Basic abc",
                                                "Bearer " + plain + "x"};
        for (const auto& header : bad_headers) {
            CAPTURE(header);
            httplib::Headers h;
            if (!header.empty())
                h.emplace("Authorization", header);
            auto denied = cli.Get("/api/v1/me", h);
            REQUIRE(denied);
            CHECK(denied->status == 401);
            CHECK(nlohmann::json::parse(denied->body)["error"]["code"] == "unauthorized");
        }
    }

    TEST_CASE("cli_user_create_refuses_bad_input_and_stores_nothing") {
        TempDir dir;
        struct Case {
            std::vector<std::string> args;
            std::string password;
            std::string expect;
        };
        std::string long_email = std::string(250, 'a') + "@example.org";
        std::vector<Case> cases = {
            {{"--email", "not-an-email"}, kGoodPassword, "valid email"},
            {{"--email", long_email}, kGoodPassword, "valid email"},
            {{"--email", "a@b.org\r\nX-Injected: 1"}, kGoodPassword, "valid email"},
            {{"--email", "eve@example.org"}, "short", "10 characters"},
            {{"--email", "eve@example.org"}, "1234567890", "common"},
            {{"--email", "eve@example.org", "--name", "Eve\nAdmin"}, kGoodPassword, "line breaks"},
            {{"--email", "eve@example.org", "--name", "bad \xff utf8"}, kGoodPassword, "UTF-8"},
            {{"--email", "eve@example.org'; DROP TABLE users; --"}, kGoodPassword, "valid email"},
        };
        for (const auto& c : cases) {
            std::vector<std::string> args = {"user", "create"};
            args.insert(args.end(), c.args.begin(), c.args.end());
            auto res = run(dir, with_data(args, dir), base_env(), c.password + "\n");
            CAPTURE(c.expect);
            CHECK(res.code != 0);
            CHECK(res.err.find(c.expect) != std::string::npos);
        }
        CHECK(query(dir, "SELECT count(*) FROM users")[0] == "0");

        auto ok = run(dir, with_data({"user", "create", "--email", "eve@example.org"}, dir),
                      base_env(), std::string(kGoodPassword) + "\n");
        CHECK(ok.code == 0);
        auto again = run(dir, with_data({"user", "create", "--email", "EVE@example.org"}, dir),
                         base_env(), std::string(kGoodPassword) + "\n");
        CHECK(again.code == 1);
        CHECK(again.err.find("already exists") != std::string::npos);
        CHECK(query(dir, "SELECT count(*) FROM users")[0] == "1");
    }

    TEST_CASE("cli_commands_work_beside_a_running_server") {
        TempDir dir;
        auto served = serve(dir, dir / "data");
        auto user = run(dir, with_data({"user", "create", "--email", "bob@example.org"}, dir),
                        base_env(), std::string(kGoodPassword) + "\n");
        INFO(user.err);
        CHECK(user.code == 0);
        auto token = run(
            dir, with_data({"token", "create", "--email", "bob@example.org", "--name", "ci"}, dir));
        REQUIRE(token.code == 0);
        std::string plain = token.out.substr(0, token.out.find('\n'));
        auto me = httplib::Client("127.0.0.1", served.port)
                      .Get("/api/v1/me", {{"Authorization", "Bearer " + plain}});
        REQUIRE(me);
        CHECK(me->status == 200);
        CHECK(nlohmann::json::parse(me->body)["role"] == "member");
    }
}
