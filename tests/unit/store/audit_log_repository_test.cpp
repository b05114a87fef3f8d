#include "store/audit_log_repository.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/migrator.hpp"
#include "support/temp_dir.hpp"

namespace vitae::store {
namespace {

struct Fixture {
    test::TempDir dir;
    Database db{dir / "vitae.db"};

    Fixture() { migrate(db); }

    std::int64_t add(std::int64_t at, std::string action, std::string actor = "ada@example.org",
                     std::string target = "", std::string ip = "127.0.0.1") {
        return db.write([&](Connection& conn) {
            return AuditLogRepository::append(
                conn, {.at = at, .actor = actor, .action = action, .target = target, .ip = ip});
        });
    }

    AuditPage list(const AuditFilter& filter) {
        return db.read([&](Connection& conn) { return AuditLogRepository::list(conn, filter); });
    }
    std::int64_t count(const AuditFilter& filter) {
        return db.read([&](Connection& conn) { return AuditLogRepository::count(conn, filter); });
    }
    std::vector<std::string> actions(const AuditFilter& filter) {
        std::vector<std::string> out;
        for (const auto& e : list(filter).entries)
            out.push_back(e.action);
        return out;
    }
    std::vector<std::int64_t> ids(const AuditFilter& filter) {
        std::vector<std::int64_t> out;
        for (const auto& e : list(filter).entries)
            out.push_back(e.id);
        return out;
    }
};

using Ids = std::vector<std::int64_t>;
using Actions = std::vector<std::string>;

TEST_CASE("audit_list_pages_newest_first_by_keyset") {
    Fixture f;
    for (int i = 1; i <= 5; ++i)
        f.add(1000 + i, "signin.success");

    auto first = f.list({.limit = 2});
    CHECK(first.entries.size() == 2);
    CHECK(first.entries[0].id == 5);
    CHECK(first.entries[1].id == 4);
    REQUIRE(first.next_before_id);
    CHECK(*first.next_before_id == 4);

    auto second = f.list({.before_id = 4, .limit = 2});
    CHECK(f.ids({.before_id = 4, .limit = 2}) == Ids{3, 2});
    REQUIRE(second.next_before_id);
    CHECK(*second.next_before_id == 2);

    auto last = f.list({.before_id = 2, .limit = 2});
    CHECK(f.ids({.before_id = 2, .limit = 2}) == Ids{1});
    CHECK_FALSE(last.next_before_id);
}

TEST_CASE("audit_list_offers_no_older_page_when_the_last_page_is_exactly_full") {
    Fixture f;
    for (int i = 1; i <= 4; ++i)
        f.add(1000 + i, "signout");
    auto page = f.list({.before_id = 3, .limit = 2});
    CHECK(page.entries.size() == 2);
    CHECK_FALSE(page.next_before_id);
}

TEST_CASE("audit_list_limit_is_clamped_to_200") {
    Fixture f;
    f.db.write([](Connection& conn) {
        for (int i = 0; i < 205; ++i)
            AuditLogRepository::append(conn, {.at = 1000 + i, .action = "signout"});
    });
    auto page = f.list({.limit = 100000});
    CHECK(page.entries.size() == 200);
    CHECK(page.next_before_id);
    CHECK(f.list({.limit = 0}).entries.size() == 1);
}

TEST_CASE("audit_action_filter_is_exact_or_a_prefix") {
    Fixture f;
    f.add(1, "signin.success");
    f.add(2, "signin.failure");
    f.add(3, "signout");
    f.add(4, "signin");
    CHECK(f.actions({.action = "signin.failure"}) == Actions{"signin.failure"});
    CHECK(f.actions({.action = "signin"}) == Actions{"signin"});
    CHECK(f.actions({.action_prefix = "signin."}) == Actions{"signin.failure", "signin.success"});
    CHECK(f.actions({.action = "signin."}).empty());
}

TEST_CASE("audit_actor_and_target_filters_match_parts_ignoring_case_and_wildcards") {
    Fixture f;
    f.add(1, "user.create", "Admin@Example.org", "new_hire@example.org");
    f.add(2, "user.create", "cli", "newXhire@example.org");
    f.add(3, "token.create", "ada@example.org", "100%");
    CHECK(f.actions({.actor = "admin@"}) == Actions{"user.create"});
    CHECK(f.count({.actor = "EXAMPLE"}) == 2);
    CHECK(f.count({.target = "new_hire"}) == 1);  // '_' is no wildcard
    CHECK(f.count({.target = "NEW"}) == 2);
    CHECK(f.count({.target = "%"}) == 1);  // nor is '%'
    CHECK(f.count({.actor = "nobody"}) == 0);
}

TEST_CASE("audit_ip_filter_is_exact_or_a_prefix") {
    Fixture f;
    f.add(1, "a", "x", "", "10.0.0.1");
    f.add(2, "b", "x", "", "10.0.0.12");
    f.add(3, "c", "x", "", "110.0.0.1");
    f.add(4, "d", "x", "", "2001:db8::1");
    CHECK(f.actions({.ip = "10.0.0.1"}) == Actions{"a"});
    CHECK(f.actions({.ip_prefix = "10.0."}) == Actions{"b", "a"});
    CHECK(f.actions({.ip_prefix = "2001:db8:"}) == Actions{"d"});
}

TEST_CASE("audit_time_filter_includes_from_and_excludes_until") {
    Fixture f;
    f.add(99, "before");
    f.add(100, "from");
    f.add(199, "last");
    f.add(200, "until");
    CHECK(f.actions({.from = 100, .until = 200}) == Actions{"last", "from"});
    CHECK(f.count({.from = 100}) == 3);
    CHECK(f.count({.until = 100}) == 1);
}

TEST_CASE("audit_filters_combine_and_count_ignores_the_page") {
    Fixture f;
    f.add(10, "signin.failure", "ada@example.org", "ada@example.org", "10.0.0.1");
    f.add(20, "signin.failure", "bob@example.org", "bob@example.org", "10.0.0.1");
    f.add(30, "signin.success", "ada@example.org", "ada@example.org", "10.0.0.1");
    f.add(40, "signin.failure", "ada@example.org", "ada@example.org", "10.0.0.2");
    AuditFilter filter{.action = "signin.failure", .actor = "ada", .ip = "10.0.0.1"};
    CHECK(f.actions(filter) == Actions{"signin.failure"});
    CHECK(f.count(filter) == 1);
    CHECK(f.count({.action_prefix = "signin.", .before_id = 2, .limit = 1}) == 4);
}

TEST_CASE("audit_prune_deletes_only_entries_before_the_cutoff") {
    Fixture f;
    f.add(999, "old");
    f.add(1000, "at_cutoff");
    f.add(1001, "new");
    std::int64_t removed =
        f.db.write([](Connection& conn) { return AuditLogRepository::prune(conn, 1000); });
    CHECK(removed == 1);
    CHECK(f.actions({}) == Actions{"new", "at_cutoff"});
    CHECK(f.db.write([](Connection& conn) { return AuditLogRepository::prune(conn, 1000); }) == 0);
}

}  // namespace
}  // namespace vitae::store
