#include "store/migrator.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "core/embedded_file.hpp"
#include "core/error.hpp"
#include "store/connection.hpp"
#include "store/database.hpp"
#include "support/temp_dir.hpp"

using vitae::EmbeddedFile;
using vitae::store::Connection;
using vitae::store::Database;
using vitae::store::migrate;

namespace {

EmbeddedFile file(std::string_view name, std::string_view sql) {
    return EmbeddedFile{name, sql, {}, {}};
}

const std::vector<EmbeddedFile> kV1 = {
    file("0001_notes.sql",
         "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT;"),
};

const std::vector<EmbeddedFile> kV2 = {
    kV1[0],
    file("0002_tags.sql",
         "CREATE TABLE tags (note_id INTEGER NOT NULL REFERENCES notes(id), tag TEXT NOT NULL) "
         "STRICT;\nCREATE INDEX tags_by_note ON tags (note_id);"),
};

bool has_table(Database& db, const std::string& name) {
    return db.read([&](Connection& c) {
        auto stmt = c.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?");
        stmt.bind(1, name);
        return stmt.step();
    });
}

std::vector<std::filesystem::path> pre_migration_copies(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> found;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().filename().string().find(".pre-migration-") != std::string::npos) {
            found.push_back(entry.path());
        }
    }
    return found;
}

std::string error_message(auto&& f) {
    try {
        f();
    } catch (const vitae::Error& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace

TEST_CASE("migrate_applies_pending_once_and_is_idempotent") {
    vitae::test::TempDir dir;
    auto db = Database::open(dir / "vitae.db");
    const auto first = migrate(db, kV2);
    CHECK(first.from_version == 0);
    CHECK(first.to_version == 2);
    CHECK(first.applied == std::vector<std::string>{"0001_notes.sql", "0002_tags.sql"});
    CHECK(vitae::store::current_version(db) == 2);
    CHECK(has_table(db, "tags"));

    const auto second = migrate(db, kV2);
    CHECK(second.from_version == 2);
    CHECK(second.to_version == 2);
    CHECK(second.applied.empty());
    CHECK_FALSE(second.backup_path.has_value());
    CHECK(vitae::store::current_version(db) == 2);
}

TEST_CASE("migrate_applies_only_the_new_files_of_a_later_release") {
    vitae::test::TempDir dir;
    auto db = Database::open(dir / "vitae.db");
    migrate(db, kV1);
    const auto result = migrate(db, kV2);
    CHECK(result.from_version == 1);
    CHECK(result.applied == std::vector<std::string>{"0002_tags.sql"});
    CHECK(vitae::store::current_version(db) == 2);
}

TEST_CASE("migrate_takes_no_copy_of_a_new_empty_database") {
    vitae::test::TempDir dir;
    auto db = Database::open(dir / "vitae.db");
    const auto result = migrate(db, kV1);
    CHECK_FALSE(result.backup_path.has_value());
    CHECK(pre_migration_copies(dir.path()).empty());
}

TEST_CASE("migrate_copies_a_database_with_data_before_changing_it") {
    vitae::test::TempDir dir;
    const auto path = dir / "vitae.db";
    auto db = Database::open(path);
    migrate(db, kV1);
    db.write([](Connection& c) {
        c.prepare("INSERT INTO notes (body) VALUES (?), (?)").bind_all("one", "two").exec();
    });

    const auto result = migrate(db, kV2);
    REQUIRE(result.backup_path.has_value());
    const std::string name = result.backup_path->filename().string();
    CHECK(result.backup_path->parent_path() == dir.path());
    CHECK(name.starts_with("vitae.db.pre-migration-1-"));
    CHECK(name.ends_with("Z.db"));
    CHECK(name.size() == std::string("vitae.db.pre-migration-1-20250101T000000Z.db").size());
    CHECK(pre_migration_copies(dir.path()) == std::vector{*result.backup_path});

    auto copy = Database::open(*result.backup_path);
    CHECK(vitae::store::current_version(copy) == 1);
    CHECK_FALSE(has_table(copy, "tags"));
    copy.read([](Connection& c) {
        auto check = c.prepare("PRAGMA integrity_check");
        REQUIRE(check.step());
        CHECK(check.column_text(0) == "ok");
        auto rows = c.prepare("SELECT group_concat(body, ',') FROM notes ORDER BY id");
        REQUIRE(rows.step());
        CHECK(rows.column_text(0) == "one,two");
    });
}

TEST_CASE("migrate_refuses_a_database_newer_than_the_binary") {
    vitae::test::TempDir dir;
    auto db = Database::open(dir / "vitae.db");
    migrate(db, kV2);
    CHECK(error_message([&] { migrate(db, kV1); }) ==
          "database schema version 2 is newer than this binary supports (1); upgrade vitae or "
          "restore a backup");
    try {
        migrate(db, kV1);
    } catch (const vitae::Error& e) {
        CHECK(e.code() == vitae::ErrorCode::config);
    }
    CHECK(vitae::store::current_version(db) == 2);
}

TEST_CASE("migrate_refuses_malformed_migration_names") {
    vitae::test::TempDir dir;
    auto db = Database::open(dir / "vitae.db");
    for (const char* name : {"1_init.sql", "0001-init.sql", "0001_Init.sql", "0001_init.txt",
                             "0001_.sql", "0000_zero.sql", "sub/0001_init.sql", "abcd_init.sql"}) {
        CAPTURE(name);
        const std::vector<EmbeddedFile> files{file(name, "SELECT 1;")};
        const std::string message = error_message([&] { migrate(db, files); });
        CHECK(message.find(name) != std::string::npos);
        CHECK(message.find("NNNN_description.sql") != std::string::npos);
    }
    CHECK(vitae::store::current_version(db) == 0);
}

TEST_CASE("migrate_refuses_gaps_and_duplicate_numbers") {
    vitae::test::TempDir dir;
    auto db = Database::open(dir / "vitae.db");
    const std::vector<EmbeddedFile> gap{file("0001_a.sql", "SELECT 1;"),
                                        file("0003_c.sql", "SELECT 1;")};
    CHECK(error_message([&] { migrate(db, gap); }).find("number 2 is missing") !=
          std::string::npos);
    const std::vector<EmbeddedFile> duplicate{file("0001_a.sql", "SELECT 1;"),
                                              file("0001_b.sql", "SELECT 1;")};
    CHECK(error_message([&] { migrate(db, duplicate); }).find("repeats number 1") !=
          std::string::npos);
    CHECK(vitae::store::current_version(db) == 0);
}

TEST_CASE("migrate_rolls_back_a_failing_migration_leaving_the_version_unchanged") {
    vitae::test::TempDir dir;
    auto db = Database::open(dir / "vitae.db");
    migrate(db, kV1);
    // The first statement works, the second fails: nothing of the file may remain.
    const std::vector<EmbeddedFile> broken{
        kV1[0],
        file("0002_broken.sql",
             "CREATE TABLE half (x INTEGER) STRICT;\nINSERT INTO no_such_table VALUES (1);")};
    const std::string message = error_message([&] { migrate(db, broken); });
    CHECK(message.find("0002_broken.sql") != std::string::npos);
    CHECK(message.find("no such table: no_such_table") != std::string::npos);
    CHECK(message.find("stays at version 1") != std::string::npos);
    CHECK(vitae::store::current_version(db) == 1);
    CHECK_FALSE(has_table(db, "half"));

    // A fixed binary then migrates normally.
    CHECK(migrate(db, kV2).applied == std::vector<std::string>{"0002_tags.sql"});
}

TEST_CASE("migrate_rolls_back_a_migration_that_breaks_foreign_keys") {
    vitae::test::TempDir dir;
    auto db = Database::open(dir / "vitae.db");
    migrate(db, kV2);
    const std::vector<EmbeddedFile> orphaning{
        kV2[0], kV2[1],
        file("0003_orphans.sql",
             "PRAGMA defer_foreign_keys = ON;\n"
             "INSERT INTO tags (note_id, tag) VALUES (999, 'orphan');")};
    const std::string message = error_message([&] { migrate(db, orphaning); });
    CHECK(message.find("0003_orphans.sql") != std::string::npos);
    CHECK(vitae::store::current_version(db) == 2);
}

TEST_CASE("embedded_migrations_create_the_app_state_table") {
    vitae::test::TempDir dir;
    auto db = Database::open(dir / "vitae.db");
    const int latest = vitae::store::latest_version();
    REQUIRE(latest >= 1);
    const auto result = migrate(db);
    CHECK(result.to_version == latest);
    CHECK(vitae::store::current_version(db) == latest);
    CHECK(has_table(db, "app_state"));
    db.write([](Connection& c) {
        c.prepare("INSERT INTO app_state (key, value, updated_at) VALUES (?, ?, ?)")
            .bind_all("ready_probe", "ok", 1700000000)
            .exec();
    });
    // STRICT: a wrong type is an error, not a silent conversion.
    CHECK_THROWS_AS(db.write([](Connection& c) {
        c.prepare("INSERT INTO app_state (key, value, updated_at) VALUES (?, ?, ?)")
            .bind_all("k", "v", "not a number")
            .exec();
    }),
                    vitae::Error);
    CHECK(migrate(db).applied.empty());
}
