#include "store/connection.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "core/error.hpp"
#include "store/sqlite_error.hpp"
#include "support/temp_dir.hpp"

using vitae::store::Connection;
using vitae::store::ConnectionOptions;

namespace {

std::string pragma(Connection& conn, const std::string& name) {
    auto stmt = conn.prepare("PRAGMA " + name);
    REQUIRE(stmt.step());
    return stmt.column_text(0);
}

}  // namespace

TEST_CASE("connection_creates_file_with_wal_foreign_keys_and_normal_sync") {
    vitae::test::TempDir dir;
    Connection conn(dir / "new.db",
                    ConnectionOptions{.busy_timeout = std::chrono::milliseconds(1234)});
    CHECK(std::filesystem::exists(dir / "new.db"));
    CHECK(pragma(conn, "journal_mode") == "wal");
    CHECK(pragma(conn, "foreign_keys") == "1");
    CHECK(pragma(conn, "synchronous") == "1");  // NORMAL
    CHECK(pragma(conn, "busy_timeout") == "1234");
}

TEST_CASE("connection_read_only_refuses_missing_file_and_writes") {
    vitae::test::TempDir dir;
    CHECK_THROWS_AS(Connection(dir / "missing.db", ConnectionOptions{.read_only = true}),
                    vitae::store::SqliteError);
    CHECK_FALSE(std::filesystem::exists(dir / "missing.db"));

    Connection writer(dir / "db");
    writer.exec("CREATE TABLE t (x INTEGER) STRICT");
    Connection reader(dir / "db", ConnectionOptions{.read_only = true});
    CHECK(reader.read_only());
    CHECK_THROWS_AS(reader.exec("INSERT INTO t VALUES (1)"), vitae::store::SqliteError);
}

TEST_CASE("connection_enforces_foreign_keys") {
    vitae::test::TempDir dir;
    Connection conn(dir / "fk.db");
    conn.exec(
        "CREATE TABLE parent (id INTEGER PRIMARY KEY) STRICT;"
        "CREATE TABLE child (parent_id INTEGER NOT NULL REFERENCES parent(id)) STRICT;");
    CHECK_THROWS_AS(conn.prepare("INSERT INTO child VALUES (?)").bind(1, 99).exec(),
                    vitae::store::SqliteError);
    conn.prepare("INSERT INTO parent VALUES (?)").bind(1, 1).exec();
    CHECK_NOTHROW(conn.prepare("INSERT INTO child VALUES (?)").bind(1, 1).exec());
}

TEST_CASE("connection_reuses_cached_statement_with_cleared_bindings") {
    vitae::test::TempDir dir;
    Connection conn(dir / "cache.db");
    conn.exec("CREATE TABLE t (x INTEGER) STRICT; INSERT INTO t VALUES (1), (2), (3);");
    const char* sql = "SELECT ?, count(*) FROM t";
    sqlite3_stmt* first = nullptr;
    {
        auto stmt = conn.prepare(sql);
        first = stmt.handle();
        stmt.bind(1, 7);
        REQUIRE(stmt.step());  // left mid-way: the cache must reset it
    }
    auto again = conn.prepare(sql);
    CHECK(again.handle() == first);
    REQUIRE(again.step());
    CHECK(again.column_is_null(0));  // the 7 from before is gone
    CHECK(again.column_int(1) == 3);

    // A second user of the same SQL at the same time gets its own statement.
    auto concurrent = conn.prepare(sql);
    CHECK(concurrent.handle() != again.handle());
}

TEST_CASE("connection_prepare_refuses_more_than_one_statement") {
    vitae::test::TempDir dir;
    Connection conn(dir / "p.db");
    CHECK_THROWS_AS(conn.prepare("SELECT 1; SELECT 2"), vitae::Error);
    CHECK_NOTHROW(conn.prepare("SELECT 1;  \n"));
}

TEST_CASE("connection_errors_say_what_was_being_done") {
    vitae::test::TempDir dir;
    Connection conn(dir / "e.db");
    try {
        conn.prepare("SELECT * FROM no_such_table WHERE id = ?");
        FAIL("prepare succeeded");
    } catch (const vitae::Error& e) {
        const std::string message = e.what();
        CHECK(e.code() == vitae::ErrorCode::storage);
        CHECK(message.find("preparing `SELECT * FROM no_such_table") != std::string::npos);
        CHECK(message.find("no such table: no_such_table") != std::string::npos);
    }
    try {
        Connection bad(dir / "missing-dir" / "x.db");
        FAIL("opened a database in a missing directory");
    } catch (const vitae::Error& e) {
        CHECK(std::string(e.what()).find("opening database") != std::string::npos);
        CHECK(std::string(e.what()).find("missing-dir") != std::string::npos);
    }
}
