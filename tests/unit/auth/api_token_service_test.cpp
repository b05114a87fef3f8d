#include "auth/api_token_service.hpp"

#include <doctest/doctest.h>

#include "core/crypto.hpp"
#include "core/error.hpp"
#include "store/database.hpp"
#include "store/migrator.hpp"
#include "store/statement.hpp"
#include "store/user_repository.hpp"
#include "support/temp_dir.hpp"

namespace vitae::auth {
namespace {

struct Fixture {
    test::TempDir dir;
    store::Database db{dir / "vitae.db"};
    ApiTokenService tokens{db};
    std::int64_t user_id = 0;

    Fixture() {
        store::migrate(db);
        user_id = db.write([](store::Connection& conn) {
            return store::UserRepository::insert(conn, {"ada@example.org", "Ada", "member", {}}, 1);
        });
    }

    std::int64_t count(const std::string& sql) {
        return db.read([&](store::Connection& conn) {
            auto stmt = conn.prepare(sql);
            stmt.step();
            return stmt.column_int64(0);
        });
    }
};

const Actor kCli{std::nullopt, "cli", ""};

TEST_CASE("api_token_authenticates_its_owner_until_revoked") {
    Fixture f;
    auto created = f.tokens.create(f.user_id, "laptop", kCli);
    CHECK(created.token.starts_with(kTokenPrefix));
    auto who = f.tokens.authenticate(created.token);
    REQUIRE(who);
    CHECK(who->user_id == f.user_id);
    CHECK(who->email == "ada@example.org");

    CHECK(f.tokens.revoke(f.user_id, created.id, kCli));
    CHECK_FALSE(f.tokens.authenticate(created.token));
    CHECK_FALSE(f.tokens.revoke(f.user_id, created.id, kCli));  // already revoked
    CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'token.revoke'") == 1);
}

TEST_CASE("api_token_of_another_user_cannot_be_revoked") {
    Fixture f;
    auto created = f.tokens.create(f.user_id, "laptop", kCli);
    CHECK_FALSE(f.tokens.revoke(f.user_id + 1, created.id, kCli));
    CHECK(f.tokens.authenticate(created.token));
}

TEST_CASE("api_token_of_a_disabled_user_is_refused") {
    Fixture f;
    auto created = f.tokens.create(f.user_id, "laptop", kCli);
    f.db.write([&](store::Connection& conn) {
        conn.prepare("UPDATE users SET disabled = 1 WHERE id = ?1").bind_all(f.user_id).exec();
    });
    CHECK_FALSE(f.tokens.authenticate(created.token));
    CHECK_THROWS_AS(f.tokens.create(f.user_id, "another", kCli), Error);
}

TEST_CASE("api_token_is_stored_only_as_its_sha256") {
    Fixture f;
    auto created = f.tokens.create(f.user_id, "laptop", kCli);
    CHECK(f.count("SELECT count(*) FROM api_tokens WHERE token_hash = '" +
                  core::sha256_hex(created.token) + "'") == 1);
    CHECK(f.count("SELECT count(*) FROM api_tokens WHERE token_hash = '" + created.token + "'") ==
          0);
}

}  // namespace
}  // namespace vitae::auth
