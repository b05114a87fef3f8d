#include "store/database.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "core/error.hpp"
#include "store/connection.hpp"
#include "store/sqlite_error.hpp"
#include "support/temp_dir.hpp"

using vitae::store::Connection;
using vitae::store::Database;
using vitae::store::DatabaseOptions;

namespace {

void create_items(Database& db) {
    db.write([](Connection& c) {
        c.exec("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT");
    });
}

std::int64_t count_items(Database& db) {
    return db.read([](Connection& c) {
        auto stmt = c.prepare("SELECT count(*) FROM items");
        REQUIRE(stmt.step());
        return stmt.column_int64(0);
    });
}

void insert_item(Connection& c, const std::string& name) {
    c.prepare("INSERT INTO items (name) VALUES (?)").bind(1, name).exec();
}

std::uintmax_t wal_size(const std::filesystem::path& db_path) {
    const std::filesystem::path wal = db_path.string() + "-wal";
    return std::filesystem::exists(wal) ? std::filesystem::file_size(wal) : 0;
}

}  // namespace

TEST_CASE("database_open_creates_file_in_wal_mode_for_readers_and_writer") {
    vitae::test::TempDir dir;
    auto db = Database::open(dir / "vitae.db");
    CHECK(std::filesystem::exists(dir / "vitae.db"));
    CHECK(db.path() == dir / "vitae.db");
    auto mode = [](Connection& c) {
        auto stmt = c.prepare("PRAGMA journal_mode");
        REQUIRE(stmt.step());
        return stmt.column_text(0);
    };
    CHECK(db.read(mode) == "wal");
    CHECK(db.write(mode) == "wal");
}

TEST_CASE("database_write_enforces_foreign_keys") {
    vitae::test::TempDir dir;
    auto db = Database::open(dir / "vitae.db");
    db.write([](Connection& c) {
        c.exec(
            "CREATE TABLE parent (id INTEGER PRIMARY KEY) STRICT;"
            "CREATE TABLE child (parent_id INTEGER NOT NULL REFERENCES parent(id)) STRICT;");
    });
    CHECK_THROWS_AS(db.write([](Connection& c) {
        c.prepare("INSERT INTO child (parent_id) VALUES (?)").bind(1, 42).exec();
    }),
                    vitae::store::SqliteError);
}

TEST_CASE("database_write_rolls_back_when_the_function_throws") {
    vitae::test::TempDir dir;
    auto db = Database::open(dir / "vitae.db");
    create_items(db);
    CHECK_THROWS_WITH_AS(db.write([](Connection& c) {
        insert_item(c, "first");
        insert_item(c, "second");
        throw std::runtime_error("validation failed");
    }),
                         "validation failed", std::runtime_error);
    CHECK(count_items(db) == 0);
    // The writer is usable again: the failed transaction did not stay open.
    db.write([](Connection& c) { insert_item(c, "third"); });
    CHECK(count_items(db) == 1);
}

TEST_CASE("database_forwards_return_values_and_supports_void") {
    vitae::test::TempDir dir;
    auto db = Database::open(dir / "vitae.db");
    create_items(db);
    const std::int64_t id = db.write([](Connection& c) {
        insert_item(c, "a");
        return c.last_insert_rowid();
    });
    CHECK(id == 1);
    const std::string name = db.read([&](Connection& c) {
        auto stmt = c.prepare("SELECT name FROM items WHERE id = ?");
        stmt.bind(1, id);
        REQUIRE(stmt.step());
        return stmt.column_text(0);
    });
    CHECK(name == "a");
    db.read([](Connection&) {});
}

TEST_CASE("database_readers_are_read_only") {
    vitae::test::TempDir dir;
    auto db = Database::open(dir / "vitae.db");
    create_items(db);
    CHECK_THROWS_AS(db.read([](Connection& c) { insert_item(c, "sneaky"); }),
                    vitae::store::SqliteError);
    CHECK(count_items(db) == 0);
}

TEST_CASE("database_reads_are_not_blocked_by_an_open_write_and_see_the_last_commit") {
    vitae::test::TempDir dir;
    auto db = Database::open(dir / "vitae.db");
    create_items(db);
    db.write([](Connection& c) { insert_item(c, "committed"); });
    db.write([&](Connection& c) {
        insert_item(c, "pending");
        CHECK(count_items(db) == 1);  // WAL: the reader does not wait for the writer
    });
    CHECK(count_items(db) == 2);
}

TEST_CASE("database_nested_write_on_same_thread_throws_instead_of_deadlocking") {
    vitae::test::TempDir dir;
    auto db = Database::open(dir / "vitae.db");
    create_items(db);
    CHECK_THROWS_AS(db.write([&](Connection&) { db.write([](Connection&) {}); }), vitae::Error);
    db.write([](Connection& c) { insert_item(c, "still works"); });
    CHECK(count_items(db) == 1);
}

TEST_CASE("database_serves_16_threads_of_readers_and_writers_without_busy_errors") {
    vitae::test::TempDir dir;
    auto db = Database::open(dir / "vitae.db", DatabaseOptions{.readers = 4});
    create_items(db);
    constexpr int kThreads = 16;
    constexpr int kWritesPerThread = 50;
    std::atomic<int> failures{0};
    std::atomic<bool> counts_monotonic{true};
    {
        std::vector<std::jthread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&, t] {
                std::int64_t last_seen = 0;
                for (int i = 0; i < kWritesPerThread; ++i) {
                    try {
                        db.write([&](Connection& c) {
                            insert_item(c, std::to_string(t) + ":" + std::to_string(i));
                        });
                        const std::int64_t seen = count_items(db);
                        if (seen < last_seen + 1) {
                            counts_monotonic = false;  // must see at least our own write
                        }
                        last_seen = seen;
                    } catch (const std::exception& e) {
                        MESSAGE("thread ", t, ": ", e.what());
                        ++failures;
                    }
                }
            });
        }
    }
    CHECK(failures == 0);
    CHECK(counts_monotonic);
    CHECK(count_items(db) == kThreads * kWritesPerThread);
    const auto distinct = db.read([](Connection& c) {
        auto stmt = c.prepare("SELECT count(DISTINCT name) FROM items");
        REQUIRE(stmt.step());
        return stmt.column_int64(0);
    });
    CHECK(distinct == kThreads * kWritesPerThread);
}

TEST_CASE("database_checkpoint_truncates_the_wal") {
    vitae::test::TempDir dir;
    auto db = Database::open(dir / "vitae.db");
    create_items(db);
    db.write([](Connection& c) { insert_item(c, "x"); });
    CHECK(wal_size(dir / "vitae.db") > 0);
    db.checkpoint();
    CHECK(wal_size(dir / "vitae.db") == 0);
    CHECK(count_items(db) == 1);
}

TEST_CASE("database_close_leaves_no_wal_content_and_refuses_later_use") {
    vitae::test::TempDir dir;
    const auto path = dir / "vitae.db";
    {
        auto db = Database::open(path);
        create_items(db);
        db.write([](Connection& c) { insert_item(c, "kept"); });
        db.close();
        db.close();  // idempotent
        CHECK(wal_size(path) == 0);
        CHECK_THROWS_AS(count_items(db), vitae::Error);
        CHECK_THROWS_AS(db.write([](Connection&) {}), vitae::Error);
    }
    auto reopened = Database::open(path);
    CHECK(count_items(reopened) == 1);
}

TEST_CASE("database_backup_to_writes_a_consistent_copy_and_never_overwrites") {
    vitae::test::TempDir dir;
    auto db = Database::open(dir / "vitae.db");
    create_items(db);
    db.write([](Connection& c) {
        insert_item(c, "a");
        insert_item(c, "b");
    });
    db.backup_to(dir / "copy.db");
    CHECK_FALSE(std::filesystem::exists(dir / "copy.db.partial"));
    CHECK_THROWS_AS(db.backup_to(dir / "copy.db"), vitae::Error);

    auto copy = Database::open(dir / "copy.db");
    CHECK(count_items(copy) == 2);
    const auto integrity = copy.read([](Connection& c) {
        auto stmt = c.prepare("PRAGMA integrity_check");
        REQUIRE(stmt.step());
        return stmt.column_text(0);
    });
    CHECK(integrity == "ok");
}

TEST_CASE("database_refuses_zero_readers") {
    vitae::test::TempDir dir;
    CHECK_THROWS_AS(Database(dir / "vitae.db", DatabaseOptions{.readers = 0}), vitae::Error);
}

TEST_CASE("database_one_reader_pool_serves_64_threads_without_deadlock") {
    vitae::test::TempDir dir;
    auto db = Database::open(dir / "vitae.db", DatabaseOptions{.readers = 1});
    create_items(db);
    constexpr int kThreads = 64;
    std::atomic<int> failures{0};
    {
        std::vector<std::jthread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&, t] {
                try {
                    db.write([&](Connection& c) { insert_item(c, std::to_string(t)); });
                    count_items(db);
                } catch (const std::exception& e) {
                    MESSAGE("thread ", t, ": ", e.what());
                    ++failures;
                }
            });
        }
    }
    CHECK(failures == 0);
    CHECK(count_items(db) == kThreads);
}
