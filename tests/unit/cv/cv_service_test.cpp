#include "cv/cv_service.hpp"

#include <doctest/doctest.h>

#include "core/error.hpp"
#include "store/database.hpp"
#include "store/migrator.hpp"
#include "store/statement.hpp"
#include "store/user_repository.hpp"
#include "support/temp_dir.hpp"

namespace vitae::cv {
namespace {

using nlohmann::json;

struct Fixture {
    test::TempDir dir;
    store::Database db{dir / "vitae.db"};
    std::int64_t now = 1'800'000'000;
    CvService cvs{db, [this] { return now; }, 3};
    std::int64_t ada = 0;
    std::int64_t bob = 0;

    Fixture() {
        store::migrate(db);
        ada = user("ada@example.org");
        bob = user("bob@example.org");
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

    Cv save_name(std::int64_t id, const std::string& name) {
        now += 60;
        return cvs.update(ada, id, {.resume = json{{"basics", {{"name", name}}}}});
    }
};

bool is_not_found(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.code() == ErrorCode::not_found;
    }
    return false;
}

TEST_CASE("create_then_get_update_and_list_a_cv") {
    Fixture f;
    auto cv = f.cvs.create(f.ada, {.title = "  Engineer  ",
                                   .template_name = "modern",
                                   .resume = json{{"basics", {{"name", "Zoë"}}}, {"x", 1}}});
    CHECK(cv.title == "Engineer");
    CHECK(cv.template_name == "modern");
    CHECK(cv.language == "en");
    CHECK(cv.created_at == f.now);
    CHECK(f.cvs.get(f.ada, cv.id).resume == json{{"basics", {{"name", "Zoë"}}}, {"x", 1}});

    auto other = f.cvs.create(f.ada, {.title = "Other"});
    CHECK(other.resume == json::object());
    f.now += 10;
    auto saved = f.cvs.update(f.ada, cv.id, {.title = "Lead engineer", .language = "fr-CA"});
    CHECK(saved.title == "Lead engineer");
    CHECK(saved.language == "fr-CA");
    CHECK(saved.template_name == "modern");
    CHECK(saved.resume == cv.resume);  // not given, so kept
    CHECK(saved.updated_at == f.now);

    auto list = f.cvs.list(f.ada);
    REQUIRE(list.size() == 2);
    CHECK(list[0].id == saved.id);  // most recently updated first
    CHECK(list[0].resume.is_null());
    CHECK(f.cvs.list(f.bob).empty());
}

TEST_CASE("every_save_keeps_a_version_and_only_the_newest_are_kept") {
    Fixture f;
    auto cv = f.cvs.create(f.ada, {.title = "CV"});
    CHECK(f.cvs.versions(f.ada, cv.id).size() == 1);
    for (int i = 0; i < 5; ++i)
        f.save_name(cv.id, "name " + std::to_string(i));
    auto versions = f.cvs.versions(f.ada, cv.id);
    REQUIRE(versions.size() == 3);
    CHECK(versions[0].number == 6);
    CHECK(versions[2].number == 4);
    CHECK(f.count("SELECT count(*) FROM cv_versions") == 3);
    CHECK(is_not_found([&] { f.cvs.restore(f.ada, cv.id, 3); }));
}

TEST_CASE("diff_between_versions_is_per_field_and_restore_is_a_new_version") {
    Fixture f;
    auto cv = f.cvs.create(
        f.ada, {.title = "CV", .resume = json{{"basics", {{"name", "Zoë"}, {"x-keep", true}}}}});
    f.now += 5;
    f.cvs.update(f.ada, cv.id,
                 {.title = "CV 2",
                  .resume = json{{"basics", {{"name", "Zoé"}, {"x-keep", true}}},
                                 {"skills", {{{"name", "C++"}}}}}});
    auto changes = to_json(f.cvs.diff(f.ada, cv.id, 1, 2));
    CHECK(changes == json::parse(R"([
        {"path": "/resume/basics/name", "op": "changed", "before": "Zoë", "after": "Zoé"},
        {"path": "/resume/skills", "op": "added", "after": [{"name": "C++"}]},
        {"path": "/title", "op": "changed", "before": "CV", "after": "CV 2"}])"));
    CHECK(f.cvs.diff(f.ada, cv.id, 2, 2).empty());
    CHECK_THROWS_AS(f.cvs.diff(f.ada, cv.id, 0, 2), Error);

    f.now += 5;
    auto restored = f.cvs.restore(f.ada, cv.id, 1);
    CHECK(restored.title == "CV");
    CHECK(restored.resume == cv.resume);
    CHECK(f.cvs.get(f.ada, cv.id).resume == cv.resume);
    CHECK(f.cvs.versions(f.ada, cv.id)[0].number == 3);
    CHECK(f.cvs.diff(f.ada, cv.id, 1, 3).empty());
}

TEST_CASE("a_duplicate_remembers_its_parent_until_the_parent_is_deleted") {
    Fixture f;
    auto cv = f.cvs.create(
        f.ada,
        {.title = "CV", .template_name = "ats", .resume = json{{"work", {{{"name", "Ω"}}}}}});
    auto copy = f.cvs.duplicate(f.ada, cv.id);
    CHECK(copy.id != cv.id);
    CHECK(copy.title == "CV (copy)");
    CHECK(copy.template_name == "ats");
    CHECK(copy.parent_id == cv.id);
    CHECK(copy.resume == cv.resume);
    CHECK(f.cvs.versions(f.ada, copy.id).size() == 1);

    f.cvs.remove(f.ada, cv.id);
    CHECK(is_not_found([&] { f.cvs.get(f.ada, cv.id); }));
    CHECK_FALSE(f.cvs.get(f.ada, copy.id).parent_id);
    CHECK(f.count("SELECT count(*) FROM cv_versions WHERE cv_id = " + std::to_string(cv.id)) == 0);
}

TEST_CASE("another_members_cv_is_not_found_by_every_call") {
    Fixture f;
    auto cv = f.cvs.create(f.ada, {.title = "Ada's"});
    auto id = cv.id;
    CHECK(is_not_found([&] { f.cvs.get(f.bob, id); }));
    CHECK(is_not_found([&] { f.cvs.update(f.bob, id, {.title = "mine now"}); }));
    CHECK(is_not_found([&] { f.cvs.versions(f.bob, id); }));
    CHECK(is_not_found([&] { f.cvs.diff(f.bob, id, 1, 1); }));
    CHECK(is_not_found([&] { f.cvs.restore(f.bob, id, 1); }));
    CHECK(is_not_found([&] { f.cvs.duplicate(f.bob, id); }));
    CHECK(is_not_found([&] { f.cvs.remove(f.bob, id); }));
    CHECK(f.cvs.get(f.ada, id).title == "Ada's");
    CHECK(f.count("SELECT count(*) FROM cvs") == 1);
}

TEST_CASE("bad_metadata_or_body_is_refused_and_nothing_is_stored") {
    Fixture f;
    auto cv = f.cvs.create(f.ada, {.title = "CV"});
    auto refused = [&](const std::function<void()>& call) {
        CHECK_THROWS_AS(call(), Error);
        CHECK(f.count("SELECT count(*) FROM cvs") == 1);
        CHECK(f.count("SELECT count(*) FROM cv_versions") == 1);
    };
    refused([&] { f.cvs.create(f.ada, {.title = " "}); });
    refused([&] { f.cvs.create(f.ada, {.title = std::string(201, 'a')}); });
    refused([&] { f.cvs.create(f.ada, {.title = "T", .template_name = "fancy"}); });
    refused([&] { f.cvs.create(f.ada, {.title = "T", .language = "en_US!"}); });
    refused([&] { f.cvs.create(f.ada, {.title = "T", .resume = json::array()}); });
    refused([&] { f.cvs.update(f.ada, cv.id, {.resume = json("text")}); });
    refused([&] { f.cvs.update(f.ada, cv.id, {.template_name = ""}); });
}

TEST_CASE("an_invalid_draft_is_still_saved") {
    Fixture f;
    json draft = {{"basics", {{"email", "not an email"}}}, {"work", "not a list"}};
    auto cv = f.cvs.create(f.ada, {.title = "Draft", .resume = draft});
    CHECK(f.cvs.get(f.ada, cv.id).resume == draft);
}

TEST_CASE("deleting_a_member_deletes_their_cvs_and_versions") {
    Fixture f;
    f.cvs.create(f.ada, {.title = "CV"});
    f.db.write([&](store::Connection& c) { store::UserRepository::remove(c, f.ada); });
    CHECK(f.count("SELECT count(*) FROM cvs") == 0);
    CHECK(f.count("SELECT count(*) FROM cv_versions") == 0);
}

}  // namespace
}  // namespace vitae::cv
