#pragma once
// Schema migrations: the numbered SQL files of src/store/migrations/, applied in order.
//
// Rules for migration files: named NNNN_description.sql (four digits, lowercase words
// joined by underscores), numbered 0001, 0002, ... without gaps; never edited once
// released, a change is a new file; no BEGIN/COMMIT inside (each file already runs in
// its own transaction together with the version bump).
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/embedded_file.hpp"
#include "store/database.hpp"

namespace vitae::store {

struct MigrationResult {
    int from_version = 0;
    int to_version = 0;
    std::vector<std::string> applied;  // file names, in the order applied
    // The copy taken before migrating a database that already held data.
    std::optional<std::filesystem::path> backup_path;
};

// One validated migration file.
struct Migration {
    int version = 0;
    std::string_view name;  // e.g. "0001_init.sql"
    std::string_view sql;
};

// Checks names, numbering and order; throws Error(internal) naming the offending file.
std::vector<Migration> parse_migrations(std::span<const EmbeddedFile> files);

// The version the given migrations lead to (0 for none).
int latest_version(std::span<const EmbeddedFile> files = embedded::migrations());

// The schema version recorded in the database (PRAGMA user_version; 0 when new).
int current_version(Database& db);
int current_version(Connection& conn);

// Brings the database to latest_version(files): each pending migration runs in its own
// write transaction together with its user_version bump, so a crash or a failing file
// leaves the database at the previous version, never in between. A database that
// already holds data is first copied next to itself as
// <db>.pre-migration-<from>-<yyyymmddThhmmssZ>.db. Applying nothing when up to date.
// Throws Error(config) when the database is newer than these migrations, and
// Error(storage) when a migration fails.
MigrationResult migrate(Database& db, std::span<const EmbeddedFile> files = embedded::migrations());

}  // namespace vitae::store
