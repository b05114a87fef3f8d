#include "auth/credential_service.hpp"

#include <doctest/doctest.h>

#include "auth/account_service.hpp"
#include "core/error.hpp"
#include "store/database.hpp"
#include "store/migrator.hpp"
#include "support/temp_dir.hpp"

using namespace vitae;

namespace {

constexpr const char* kPassword = "correct horse battery staple";

auth::Argon2Params cheap() {
    return {.memory_kib = 8192, .iterations = 1, .parallelism = 1};
}

struct Fixture {
    test::TempDir dir;
    store::Database db{dir / "vitae.db"};
    auth::PasswordHasher hasher{cheap()};
    auth::PasswordPolicy policy;
    auth::OneTimeLinks links{db};
    auth::CredentialService credentials{db, hasher, policy, links};

    Fixture() { store::migrate(db); }
};

}  // namespace

// Timing must not tell whether an email has an account: an unknown email costs the
// same Argon2 work as a wrong password. Counted, not timed: peak_concurrent() is above
// zero only if argon2 ran at all.
TEST_CASE("sign_in_with_an_unknown_email_still_runs_argon2") {
    Fixture f;
    CHECK(f.hasher.peak_concurrent() == 0);
    CHECK_THROWS_AS(f.credentials.check_password("nobody@example.org", kPassword, "127.0.0.1"),
                    Error);
    CHECK(f.hasher.peak_concurrent() == 1);
}

TEST_CASE("a_wrong_password_and_an_unknown_email_get_the_same_answer") {
    Fixture f;
    auth::PasswordHasher other(cheap());
    auth::AccountService accounts(f.db, other, f.policy);
    accounts.create({"ada@example.org", "Ada", "member", kPassword}, {std::nullopt, "test", ""});
    try {
        f.credentials.check_password("ada@example.org", "wrong but long enough", "127.0.0.1");
        FAIL("accepted a wrong password");
    } catch (const Error& e) {
        CHECK(e.code() == ErrorCode::unauthorized);
        CHECK(std::string(e.what()) == auth::kSignInFailed);
    }
    try {
        f.credentials.check_password("nobody@example.org", "wrong but long enough", "127.0.0.1");
        FAIL("accepted an unknown email");
    } catch (const Error& e) {
        CHECK(e.code() == ErrorCode::unauthorized);
        CHECK(std::string(e.what()) == auth::kSignInFailed);
    }
    CHECK(f.credentials.check_password("ADA@example.org", kPassword, "127.0.0.1").user_id > 0);
}
