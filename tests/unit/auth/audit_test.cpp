#include "auth/audit.hpp"

#include <doctest/doctest.h>

#include <string>

#include "core/error.hpp"
#include "store/database.hpp"
#include "store/migrator.hpp"
#include "support/temp_dir.hpp"

namespace vitae::auth {
namespace {

// 2027-01-15T07:46:40Z
constexpr std::int64_t kNow = 1'799'999'200;
constexpr std::int64_t kDay = 86400;
const Actor kAda{1, "ada@example.org", "10.0.0.1"};

struct Fixture {
    test::TempDir dir;
    store::Database db{dir / "vitae.db"};
    std::int64_t now = kNow;
    AuditLog log{db, [this] { return now; }};

    Fixture() { store::migrate(db); }

    void add_at(std::int64_t at, std::string_view action) {
        db.write([&](store::Connection& conn) { audit(conn, at, kAda, action, "target"); });
    }
};

std::string rejection(const Fixture& f, const AuditSearch& search) {
    try {
        f.log.list(search);
    } catch (const Error& e) {
        CHECK(e.code() == ErrorCode::bad_request);
        return e.what();
    }
    return "";
}

TEST_CASE("audit_search_dates_are_whole_utc_days") {
    Fixture f;
    f.add_at(1'799'971'199, "before");  // 2027-01-14T23:59:59Z
    f.add_at(1'799'971'200, "first");   // 2027-01-15T00:00:00Z
    f.add_at(1'800'057'599, "last");    // 2027-01-15T23:59:59Z
    f.add_at(1'800'057'600, "after");   // 2027-01-16T00:00:00Z
    auto results = f.log.list({.from = "2027-01-15", .to = "2027-01-15"});
    REQUIRE(results.page.entries.size() == 2);
    CHECK(results.page.entries[0].action == "last");
    CHECK(results.page.entries[1].action == "first");
    CHECK(results.total == 2);
    CHECK(f.log.list({.from = "2027-01-16"}).total == 1);
    CHECK(f.log.list({.to = "2027-01-14"}).total == 1);
}

TEST_CASE("audit_search_action_ending_in_a_dot_is_a_prefix") {
    Fixture f;
    f.add_at(kNow, "signin.success");
    f.add_at(kNow, "signin.failure");
    f.add_at(kNow, "signout");
    CHECK(f.log.list({.action = "signin."}).total == 2);
    CHECK(f.log.list({.action = " signin.failure "}).total == 1);
    CHECK(f.log.list({.action = "signin"}).total == 0);
}

TEST_CASE("audit_search_pages_with_before_and_limit") {
    Fixture f;
    for (int i = 0; i < 3; ++i)
        f.add_at(kNow, "signout");
    auto first = f.log.list({.limit = "2"});
    CHECK(first.page.entries.size() == 2);
    REQUIRE(first.page.next_before_id);
    auto rest = f.log.list({.before = std::to_string(*first.page.next_before_id), .limit = "2"});
    CHECK(rest.page.entries.size() == 1);
    CHECK_FALSE(rest.page.next_before_id);
    CHECK(rest.total == 3);
}

TEST_CASE("audit_search_refuses_bad_input_with_a_clear_message") {
    Fixture f;
    CHECK(rejection(f, {.from = "2027-1-5"}).find("2027-01-31") != std::string::npos);
    CHECK(rejection(f, {.from = "2027-02-30"}).find("from date") != std::string::npos);
    CHECK(rejection(f, {.to = "yesterday"}).find("to date") != std::string::npos);
    CHECK(rejection(f, {.to = "1969-12-31"}).find("to date") != std::string::npos);
    CHECK(rejection(f, {.from = "2027-01-16", .to = "2027-01-15"}) ==
          "The from date is after the to date.");
    CHECK(rejection(f, {.actor = std::string(201, 'a')}).find("at most 200") != std::string::npos);
    CHECK(rejection(f, {.target = "caf\xC3"}).find("UTF-8") != std::string::npos);
    CHECK(rejection(f, {.action = "\xFF."}).find("action") != std::string::npos);
    CHECK(rejection(f, {.ip = "10.0.0.1\xC0\xAF"}).find("IP") != std::string::npos);
    CHECK(rejection(f, {.before = "12abc"}).find("before") != std::string::npos);
    CHECK(rejection(f, {.before = "0"}).find("before") != std::string::npos);
    CHECK(rejection(f, {.before = "99999999999999999999"}).find("before") != std::string::npos);
    CHECK(rejection(f, {.limit = "0"}).find("1 to 200") != std::string::npos);
    CHECK(rejection(f, {.limit = "201"}).find("1 to 200") != std::string::npos);
    // At the bounds: accepted.
    CHECK(rejection(f, {.actor = std::string(200, 'a'), .limit = "200"}).empty());
    CHECK(rejection(f, {.from = "2027-01-15", .to = "2027-01-15"}).empty());
}

TEST_CASE("audit_prune_keeps_exactly_keep_days_by_the_clock") {
    Fixture f;
    f.add_at(kNow - 30 * kDay - 1, "too_old");
    f.add_at(kNow - 30 * kDay, "just_kept");
    f.add_at(kNow, "today");
    CHECK(f.log.prune(30) == 1);
    CHECK(f.log.list({}).total == 2);
    f.now += kDay;
    CHECK(f.log.prune(30) == 1);
    auto left = f.log.list({});
    REQUIRE(left.page.entries.size() == 1);
    CHECK(left.page.entries[0].action == "today");
}

}  // namespace
}  // namespace vitae::auth
