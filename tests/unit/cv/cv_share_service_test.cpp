#include "cv/cv_share_service.hpp"

#include <doctest/doctest.h>

#include "auth/password_hasher.hpp"
#include "auth/password_policy.hpp"
#include "core/error.hpp"
#include "cv/cv_service.hpp"
#include "store/database.hpp"
#include "store/migrator.hpp"
#include "store/statement.hpp"
#include "store/user_repository.hpp"
#include "support/temp_dir.hpp"

namespace vitae::cv {
namespace {

constexpr const char* kLinkPassword = "shared secret for acme";

struct Fixture {
    test::TempDir dir;
    store::Database db{dir / "vitae.db"};
    std::int64_t now = 1'800'000'000;
    auth::PasswordHasher hasher{{.memory_kib = 8192, .iterations = 1, .parallelism = 1}};
    auth::PasswordPolicy policy;
    CvService cvs{db, [this] { return now; }, 3};
    CvShareService shares{db, hasher, policy, [this] { return now; }};
    auth::Actor actor{std::nullopt, "test", ""};
    std::int64_t ada = 0;
    std::int64_t bob = 0;
    std::int64_t cv = 0;

    Fixture() {
        store::migrate(db);
        ada = user("ada@example.org");
        bob = user("bob@example.org");
        cv = cvs.create(ada,
                        {.title = "Ada's CV", .resume = {{"basics", {{"name", "Ada Lovelace"}}}}})
                 .id;
    }

    std::int64_t user(const std::string& email) {
        return db.write([&](store::Connection& conn) {
            return store::UserRepository::insert(conn, {email, "", "member", {}}, 1);
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

ErrorCode code_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.code();
    }
    FAIL("no error thrown");
    return ErrorCode::internal;
}

TEST_CASE("only_the_owner_of_a_cv_makes_lists_and_revokes_its_links") {
    Fixture f;
    CHECK(code_of([&] { f.shares.create(f.bob, f.cv, {}, f.actor); }) == ErrorCode::not_found);
    CHECK(code_of([&] { f.shares.list(f.bob, f.cv); }) == ErrorCode::not_found);
    auto made = f.shares.create(f.ada, f.cv, {.name = "Acme"}, f.actor);
    CHECK(code_of([&] { f.shares.revoke(f.bob, f.cv, made.id, f.actor); }) == ErrorCode::not_found);
    REQUIRE(f.shares.list(f.ada, f.cv).size() == 1);
    CHECK(f.shares.list(f.ada, f.cv)[0].name == "Acme");
    CHECK(f.shares.list(f.ada, f.cv)[0].state == ShareState::active);
    f.shares.revoke(f.ada, f.cv, made.id, f.actor);
    CHECK(f.shares.list(f.ada, f.cv)[0].state == ShareState::revoked);
    CHECK(code_of([&] { f.shares.revoke(f.ada, f.cv, made.id, f.actor); }) == ErrorCode::not_found);
    CHECK(f.count("SELECT count(*) FROM audit_log WHERE action LIKE 'share.%'") == 2);
}

TEST_CASE("a_link_lasts_from_one_second_to_366_days_or_until_revoked") {
    Fixture f;
    for (std::int64_t bad :
         {std::int64_t(0), std::int64_t(-5), CvShareService::kMaxLifetimeS + 1}) {
        CAPTURE(bad);
        CHECK(code_of([&] { f.shares.create(f.ada, f.cv, {.lifetime_s = bad}, f.actor); }) ==
              ErrorCode::bad_request);
    }
    CHECK(f.count("SELECT count(*) FROM cv_shares") == 0);
    auto longest =
        f.shares.create(f.ada, f.cv, {.lifetime_s = CvShareService::kMaxLifetimeS}, f.actor);
    auto day = f.shares.create(f.ada, f.cv, {.lifetime_s = 86400}, f.actor);
    auto forever = f.shares.create(f.ada, f.cv, {}, f.actor);

    f.now += 86400 - 1;
    CHECK(f.shares.open(day.token, "", false).has_value());
    f.now += 1;  // the second it expires
    CHECK(code_of([&] { f.shares.open(day.token, "", false); }) == ErrorCode::not_found);
    CHECK(f.shares.list(f.ada, f.cv)[1].state == ShareState::expired);
    f.now += 10 * CvShareService::kMaxLifetimeS;
    CHECK(code_of([&] { f.shares.find(longest.token); }) == ErrorCode::not_found);
    CHECK(f.shares.find(forever.token).needs_password == false);
}

TEST_CASE("a_visitor_opens_a_link_by_its_token_only_and_views_count_when_asked") {
    Fixture f;
    auto made = f.shares.create(f.ada, f.cv, {}, f.actor);
    auto shared = f.shares.open(made.token, "", true);
    REQUIRE(shared);
    CHECK(shared->resume["basics"]["name"] == "Ada Lovelace");
    CHECK(shared->template_name == "classic");
    f.shares.open(made.token, "", false);
    CHECK(f.shares.list(f.ada, f.cv)[0].view_count == 1);
    CHECK(f.shares.list(f.ada, f.cv)[0].last_viewed_at == f.now);

    std::string altered = made.token;
    altered[0] = altered[0] == 'A' ? 'B' : 'A';
    for (const std::string& token :
         {altered, made.token.substr(1), made.token + "A", std::string(), std::string(43, '!')}) {
        CAPTURE(token);
        CHECK(code_of([&] { f.shares.open(token, "", true); }) == ErrorCode::not_found);
    }
}

TEST_CASE("a_password_grant_opens_its_own_link_until_it_or_the_link_runs_out") {
    Fixture f;
    auto first =
        f.shares.create(f.ada, f.cv, {.password = kLinkPassword, .lifetime_s = 3600}, f.actor);
    auto second = f.shares.create(f.ada, f.cv, {.password = kLinkPassword}, f.actor);
    auto open = f.shares.create(f.ada, f.cv, {}, f.actor);
    CHECK(f.shares.find(first.token).needs_password);
    CHECK_FALSE(f.shares.open(first.token, "", true).has_value());
    CHECK_FALSE(f.shares.unlock(first.token, "not the password at all").has_value());
    CHECK(code_of([&] { f.shares.unlock(open.token, kLinkPassword); }) == ErrorCode::bad_request);

    auto grant = f.shares.unlock(first.token, kLinkPassword);
    REQUIRE(grant);
    CHECK(grant->max_age_s == 3600);  // the link ends before the usual 12 hours
    CHECK(f.shares.open(first.token, grant->value, true).has_value());
    CHECK_FALSE(f.shares.open(second.token, grant->value, true).has_value());
    CHECK(f.shares.list(f.ada, f.cv)[1].view_count == 0);  // second: asked, not viewed

    auto long_grant = f.shares.unlock(second.token, kLinkPassword);
    REQUIRE(long_grant);
    CHECK(long_grant->max_age_s == CvShareService::kGrantTtlS);
    f.now += CvShareService::kGrantTtlS - 1;
    CHECK(f.shares.open(second.token, long_grant->value, false).has_value());
    f.now += 1;
    CHECK_FALSE(f.shares.open(second.token, long_grant->value, false).has_value());
}

TEST_CASE("deleting_the_cv_takes_its_links_and_grants_with_it") {
    Fixture f;
    auto made = f.shares.create(f.ada, f.cv, {.password = kLinkPassword}, f.actor);
    REQUIRE(f.shares.unlock(made.token, kLinkPassword));
    f.cvs.remove(f.ada, f.cv);
    CHECK(f.count("SELECT count(*) FROM cv_shares") == 0);
    CHECK(f.count("SELECT count(*) FROM cv_share_grants") == 0);
    CHECK(code_of([&] { f.shares.find(made.token); }) == ErrorCode::not_found);
}

}  // namespace
}  // namespace vitae::cv
