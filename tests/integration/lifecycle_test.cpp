// Start-up against an existing data dir: migrations, schema version, lock.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include "core/error.hpp"
#include "store/database.hpp"
#include "store/migrator.hpp"
#include "support/test_app.hpp"

using vitae::test::TempDir;
using vitae::test::TestApp;

namespace {

int user_version(const std::filesystem::path& db_path) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &stmt, nullptr);
    sqlite3_step(stmt);
    int v = sqlite3_column_int(stmt, 0);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return v;
}

void set_user_version(const std::filesystem::path& db_path, int v) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(db_path.c_str(), &db) == SQLITE_OK);
    std::string sql = "PRAGMA user_version = " + std::to_string(v);
    REQUIRE(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
}

size_t pre_migration_copies(const std::filesystem::path& data) {
    size_t n = 0;
    for (const auto& e : std::filesystem::directory_iterator(data)) {
        if (e.path().filename().string().find("pre-migration") != std::string::npos)
            ++n;
    }
    return n;
}

}  // namespace

TEST_SUITE("integration") {
    TEST_CASE("migrations_are_applied_at_start_once_and_restart_is_idempotent") {
        TempDir dir;
        auto config = vitae::test::test_config(dir / "data");
        auto db_path = dir / "data" / "vitae.db";
        int latest = vitae::store::latest_version();
        { TestApp app(config); }
        CHECK(user_version(db_path) == latest);
        { TestApp app(config); }
        CHECK(user_version(db_path) == latest);
        CHECK(pre_migration_copies(dir / "data") == 0);  // nothing pending: no copy
    }

    TEST_CASE("a_database_newer_than_the_binary_is_refused_with_a_clear_message") {
        TempDir dir;
        auto config = vitae::test::test_config(dir / "data");
        { TestApp app(config); }
        auto db_path = dir / "data" / "vitae.db";
        set_user_version(db_path, 999);
        vitae::app::App app(config, {.console_log = false});
        try {
            app.start();
            FAIL("start() accepted a newer schema");
        } catch (const vitae::Error& e) {
            CHECK(e.code() == vitae::ErrorCode::config);
            CHECK(std::string(e.what()).find("newer than this binary") != std::string::npos);
        }
        CHECK(user_version(db_path) == 999);  // untouched
    }

    TEST_CASE("second_app_on_the_same_data_dir_is_refused_in_process") {
        TempDir dir;
        auto config = vitae::test::test_config(dir / "data");
        TestApp first(config);
        vitae::app::App second(config, {.console_log = false});
        CHECK_THROWS_WITH_AS(second.start(), doctest::Contains("another vitae process"),
                             vitae::Error);
        auto res = first.client().Get("/healthz");
        REQUIRE(res);
        CHECK(res->status == 200);
    }
}
