#pragma once
// Reading a test's SQLite file directly, the way an operator would: what is really stored,
// not what the server says it stored.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <filesystem>
#include <string>
#include <vector>

namespace vitae::test {

// The first row of a query's result, one string per column ("NULL" for NULL); empty when
// there is no row. Opens the file read-only beside a running server (WAL allows it).
inline std::vector<std::string> query_row(const std::filesystem::path& db_file,
                                          const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(db_file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
    std::vector<std::string> out;
    if (sqlite3_step(stmt) == SQLITE_ROW) {
        for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
            auto* text = sqlite3_column_text(stmt, i);
            out.push_back(text ? reinterpret_cast<const char*>(text) : "NULL");
        }
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return out;
}

// The first column of the first row: for counts and single values.
inline std::string query_value(const std::filesystem::path& db_file, const std::string& sql) {
    auto row = query_row(db_file, sql);
    REQUIRE_FALSE(row.empty());
    return row[0];
}

}  // namespace vitae::test
