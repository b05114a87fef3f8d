#pragma once
// Reads a test server's SQLite file directly, as someone holding a copy of it would.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace vitae::test {

// The first column of the first row `sql` returns, as text ("" without a row, "NULL" for
// NULL). Opened read-only, so it never disturbs the running server.
inline std::string query_value(const std::filesystem::path& db_path, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    INFO(sql);
    REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
    std::string out;
    if (sqlite3_step(stmt) == SQLITE_ROW) {
        auto* text = sqlite3_column_text(stmt, 0);
        out = text ? reinterpret_cast<const char*>(text) : "NULL";
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return out;
}

// Whether `needle` appears anywhere in the database file or its write-ahead log: pages
// not yet checkpointed live in the -wal file.
inline bool database_files_contain(const std::filesystem::path& db_path,
                                   const std::string& needle) {
    for (const auto& path : {db_path, std::filesystem::path(db_path.string() + "-wal")}) {
        std::ifstream in(path, std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (bytes.find(needle) != std::string::npos)
            return true;
    }
    return false;
}

}  // namespace vitae::test
