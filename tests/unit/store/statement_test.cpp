#include "store/statement.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "store/connection.hpp"
#include "store/sqlite_error.hpp"
#include "support/temp_dir.hpp"

using vitae::store::Blob;
using vitae::store::Connection;

namespace {

struct Fixture {
    vitae::test::TempDir dir;
    Connection conn{dir / "test.db"};
    Fixture() { conn.exec("CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB, n ANY) STRICT"); }
};

}  // namespace

TEST_CASE("statement_binds_and_reads_back_every_value_type") {
    Fixture f;
    const std::vector<std::byte> bytes{std::byte{0}, std::byte{0xff}, std::byte{7}};
    f.conn.prepare("INSERT INTO t (i, r, s, b, n) VALUES (?, ?, ?, ?, ?)")
        .bind_all(std::int64_t{1} << 40, 2.5, std::string("héllo"), bytes, std::nullopt)
        .exec();

    auto stmt = f.conn.prepare("SELECT i, r, s, b, n FROM t");
    REQUIRE(stmt.step());
    CHECK(stmt.column_int64(0) == (std::int64_t{1} << 40));
    CHECK(stmt.column_double(1) == 2.5);
    CHECK(stmt.column_text(2) == "héllo");
    CHECK(stmt.column_blob(3) == bytes);
    CHECK(stmt.column_is_null(4));
    CHECK_FALSE(stmt.column_optional_text(4).has_value());
    CHECK_FALSE(stmt.step());
}

TEST_CASE("statement_binds_empty_text_and_blob_as_values_not_null") {
    Fixture f;
    f.conn.prepare("INSERT INTO t (s, b) VALUES (?, ?)")
        .bind_all(std::string_view{}, std::vector<std::byte>{})
        .exec();
    auto stmt = f.conn.prepare("SELECT s IS NULL, b IS NULL, length(b) FROM t");
    REQUIRE(stmt.step());
    CHECK(stmt.column_int(0) == 0);
    CHECK(stmt.column_int(1) == 0);
    CHECK(stmt.column_int(2) == 0);
}

TEST_CASE("statement_binds_optional_bool_and_string_as_blob") {
    Fixture f;
    std::optional<std::string> missing;
    std::optional<int> present = 42;
    f.conn.prepare("INSERT INTO t (i, s, n, b) VALUES (?, ?, ?, ?)")
        .bind_all(present, missing, true, Blob{"raw"})
        .exec();
    auto stmt = f.conn.prepare("SELECT i, s, n, typeof(b), b FROM t");
    REQUIRE(stmt.step());
    CHECK(stmt.column_optional_int64(0) == 42);
    CHECK(stmt.column_optional_text(1) == std::nullopt);
    CHECK(stmt.column_int(2) == 1);
    CHECK(stmt.column_text(3) == "blob");
    CHECK(stmt.column_blob(4).size() == 3);
}

TEST_CASE("statement_bind_all_refuses_wrong_number_of_values") {
    Fixture f;
    auto stmt = f.conn.prepare("INSERT INTO t (i, s) VALUES (?, ?)");
    CHECK_THROWS_AS(stmt.bind_all(1), vitae::Error);
    CHECK_THROWS_AS(stmt.bind_all(1, "a", 3), vitae::Error);
}

TEST_CASE("statement_refuses_unsigned_values_that_do_not_fit_int64") {
    Fixture f;
    auto stmt = f.conn.prepare("INSERT INTO t (i) VALUES (?)");
    CHECK_THROWS_AS(stmt.bind(1, std::numeric_limits<std::uint64_t>::max()), vitae::Error);
    CHECK_NOTHROW(stmt.bind(1, std::uint64_t{123}));
}

TEST_CASE("statement_refuses_reading_a_column_without_a_row") {
    Fixture f;
    auto stmt = f.conn.prepare("SELECT i FROM t");
    CHECK_FALSE(stmt.step());
    CHECK_THROWS_AS(stmt.column_int64(0), vitae::Error);
    f.conn.exec("INSERT INTO t (i) VALUES (1)");
    stmt.reset();
    REQUIRE(stmt.step());
    CHECK_THROWS_AS(stmt.column_int64(1), vitae::Error);
}

TEST_CASE("statement_exec_returns_changed_rows") {
    Fixture f;
    f.conn.exec("INSERT INTO t (i) VALUES (1), (2), (3)");
    CHECK(f.conn.prepare("UPDATE t SET s = ? WHERE i >= ?").bind_all("x", 2).exec() == 2);
}

TEST_CASE("statement_reset_allows_running_again_with_new_values") {
    Fixture f;
    auto insert = f.conn.prepare("INSERT INTO t (i) VALUES (?)");
    for (int i = 0; i < 5; ++i) {
        insert.reset().bind(1, i).exec();
    }
    auto count = f.conn.prepare("SELECT count(*), sum(i) FROM t");
    REQUIRE(count.step());
    CHECK(count.column_int(0) == 5);
    CHECK(count.column_int(1) == 10);
}

TEST_CASE("statement_step_error_names_the_sql_and_sqlite_message") {
    Fixture f;
    f.conn.exec("CREATE TABLE u (k TEXT PRIMARY KEY) STRICT");
    f.conn.prepare("INSERT INTO u (k) VALUES (?)").bind(1, "a").exec();
    try {
        f.conn.prepare("INSERT INTO u (k) VALUES (?)").bind(1, "a").exec();
        FAIL("duplicate key was accepted");
    } catch (const vitae::store::SqliteError& e) {
        CHECK(e.code() == vitae::ErrorCode::storage);
        CHECK(e.primary_code() == 19);  // SQLITE_CONSTRAINT
        CHECK(std::string(e.what()).find("UNIQUE constraint failed") != std::string::npos);
        CHECK(std::string(e.what()).find("INSERT INTO u") != std::string::npos);
    }
}
