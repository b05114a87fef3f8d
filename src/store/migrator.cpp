#include "store/migrator.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>

#include "core/clock.hpp"
#include "core/error.hpp"

namespace vitae::store {

namespace {

constexpr std::string_view kSqlSuffix = ".sql";
constexpr std::size_t kVersionDigits = 4;

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

bool is_description_char(char c) {
    return (c >= 'a' && c <= 'z') || is_digit(c) || c == '_';
}

Error bad_migration(std::string_view name, std::string_view why) {
    return Error(ErrorCode::internal, "migration file '" + std::string(name) + "' " +
                                          std::string(why) +
                                          "; migrations are named NNNN_description.sql");
}

// "0007_add_users.sql" -> 7, or throws.
int parse_version(std::string_view name) {
    if (name.size() <= kVersionDigits + 1 + kSqlSuffix.size() || !name.ends_with(kSqlSuffix)) {
        throw bad_migration(name, "is not a .sql file with a description");
    }
    const std::string_view digits = name.substr(0, kVersionDigits);
    if (!std::all_of(digits.begin(), digits.end(), is_digit) || name[kVersionDigits] != '_') {
        throw bad_migration(name, "does not start with four digits and an underscore");
    }
    const std::string_view description =
        name.substr(kVersionDigits + 1, name.size() - kVersionDigits - 1 - kSqlSuffix.size());
    if (!std::all_of(description.begin(), description.end(), is_description_char)) {
        throw bad_migration(name, "has a description that is not lowercase letters, digits, _");
    }
    const int version = std::stoi(std::string(digits));
    if (version == 0) {
        throw bad_migration(name, "has number 0000; numbering starts at 0001");
    }
    return version;
}

std::string utc_stamp() {
    return core::format_utc(std::chrono::system_clock::now(), "%Y%m%dT%H%M%SZ");
}

// <db>.pre-migration-<from>-<stamp>.db; a numbered suffix when a copy from the same
// second exists (a retry right after a failed migration), because backups are never
// overwritten.
std::filesystem::path backup_path_for(const std::filesystem::path& db_path, int from_version) {
    const std::string base =
        db_path.string() + ".pre-migration-" + std::to_string(from_version) + "-" + utc_stamp();
    std::filesystem::path candidate = base + ".db";
    for (int n = 2; std::filesystem::exists(candidate); ++n) {
        candidate = base + "-" + std::to_string(n) + ".db";
    }
    return candidate;
}

int read_user_version(Connection& conn) {
    auto stmt = conn.prepare("PRAGMA user_version");
    return stmt.step() ? stmt.column_int(0) : 0;
}

bool has_user_tables(Database& db) {
    return db.read([](Connection& conn) {
        auto stmt = conn.prepare(
            "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE "
            "'sqlite\\_%' ESCAPE '\\')");
        return stmt.step() && stmt.column_int(0) != 0;
    });
}

// A migration that breaks a reference would otherwise pass silently: SQLite does not
// re-check existing rows when a table is rebuilt.
void check_foreign_keys(Connection& conn, const Migration& migration) {
    auto stmt = conn.prepare("PRAGMA foreign_key_check");
    if (stmt.step()) {
        throw Error(ErrorCode::storage, "migration " + std::string(migration.name) +
                                            " leaves rows in table " + stmt.column_text(0) +
                                            " that violate a foreign key");
    }
}

// Returns false when another process applied it first.
bool apply(Database& db, const Migration& migration) {
    // user_version lives in the database header, which is part of the transaction, so the
    // schema change and the version bump commit or roll back together.
    return db.write([&](Connection& conn) {
        const int version = read_user_version(conn);
        if (version >= migration.version) {
            return false;
        }
        if (version != migration.version - 1) {
            throw Error(ErrorCode::storage, "database is at version " + std::to_string(version) +
                                                ", cannot apply " + std::string(migration.name));
        }
        conn.exec(migration.sql);
        check_foreign_keys(conn, migration);
        // PRAGMA takes no parameters; the value is an integer we produced.
        conn.exec("PRAGMA user_version = " + std::to_string(migration.version));
        return true;
    });
}

}  // namespace

std::vector<Migration> parse_migrations(std::span<const EmbeddedFile> files) {
    std::vector<Migration> migrations;
    migrations.reserve(files.size());
    for (const EmbeddedFile& file : files) {
        migrations.push_back(Migration{parse_version(file.path), file.path, file.data});
    }
    std::sort(migrations.begin(), migrations.end(),
              [](const Migration& a, const Migration& b) { return a.version < b.version; });
    for (std::size_t i = 0; i < migrations.size(); ++i) {
        const int expected = static_cast<int>(i) + 1;
        if (migrations[i].version == expected) {
            continue;
        }
        if (migrations[i].version < expected) {
            throw bad_migration(migrations[i].name,
                                "repeats number " + std::to_string(migrations[i].version) + " of " +
                                    std::string(migrations[i - 1].name));
        }
        throw bad_migration(migrations[i].name,
                            "leaves a gap: number " + std::to_string(expected) + " is missing");
    }
    return migrations;
}

int latest_version(std::span<const EmbeddedFile> files) {
    const auto migrations = parse_migrations(files);
    return migrations.empty() ? 0 : migrations.back().version;
}

int current_version(Database& db) {
    return db.read(read_user_version);
}

int current_version(Connection& conn) {
    return read_user_version(conn);
}

MigrationResult migrate(Database& db, std::span<const EmbeddedFile> files) {
    const std::vector<Migration> migrations = parse_migrations(files);
    const int latest = migrations.empty() ? 0 : migrations.back().version;
    MigrationResult result;
    result.from_version = current_version(db);
    result.to_version = result.from_version;
    if (result.from_version > latest) {
        throw Error(ErrorCode::config,
                    "database schema version " + std::to_string(result.from_version) +
                        " is newer than this binary supports (" + std::to_string(latest) +
                        "); upgrade vitae or restore a backup");
    }
    if (result.from_version == latest) {
        return result;
    }
    if (result.from_version > 0 || has_user_tables(db)) {
        result.backup_path = backup_path_for(db.path(), result.from_version);
        db.backup_to(*result.backup_path);
    }
    for (const Migration& migration : migrations) {
        if (migration.version <= result.from_version) {
            continue;
        }
        try {
            if (apply(db, migration)) {
                result.applied.emplace_back(migration.name);
            }
        } catch (const Error& e) {
            std::string message = "migration " + std::string(migration.name) +
                                  " failed and was rolled back; the database stays at version " +
                                  std::to_string(migration.version - 1) + ": " + e.what();
            if (result.backup_path) {
                message += " (copy taken before migrating: " + result.backup_path->string() + ")";
            }
            throw Error(e.code() == ErrorCode::internal ? e.code() : ErrorCode::storage, message);
        }
        result.to_version = migration.version;
    }
    return result;
}

}  // namespace vitae::store
