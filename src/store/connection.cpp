#include "store/connection.hpp"

#include <sqlite3.h>

#include <cctype>

#include "core/error.hpp"
#include "store/sqlite_error.hpp"

namespace vitae::store {

namespace {

// Distinct SQL texts cached per connection; beyond this (dynamic SQL such as IN lists of
// varying length) statements are compiled each time instead of growing without bound.
constexpr std::size_t kMaxCachedSql = 256;

bool only_separators(const char* text) {
    for (; *text != '\0'; ++text) {
        if (*text != ';' && std::isspace(static_cast<unsigned char>(*text)) == 0) {
            return false;
        }
    }
    return true;
}

}  // namespace

void Connection::Closer::operator()(sqlite3* db) const noexcept {
    // close_v2 cannot fail with SQLITE_BUSY; anything still open is released with it.
    sqlite3_close_v2(db);
}

Connection::Connection(const std::filesystem::path& path, ConnectionOptions options)
    : path_(path), read_only_(options.read_only) {
    const int flags =
        SQLITE_OPEN_NOMUTEX |
        (read_only_ ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path_.c_str(), &raw, flags, nullptr);
    // SQLite hands back a handle even when opening fails; own it before anything throws.
    db_.reset(raw);
    if (rc != SQLITE_OK) {
        throw_sqlite_error(raw, rc, "opening database " + path_.string());
    }
    configure(options);
}

Connection::~Connection() = default;

void Connection::configure(const ConnectionOptions& options) {
    sqlite3_extended_result_codes(db_.get(), 1);
    const int rc = sqlite3_busy_timeout(db_.get(), static_cast<int>(options.busy_timeout.count()));
    if (rc != SQLITE_OK) {
        throw_sqlite_error(db_.get(), rc, "setting busy timeout on " + path_.string());
    }
    if (!read_only_) {
        enable_wal();
    }
    // Per-connection settings: they reset on every open, so each connection sets them.
    exec("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;");
}

void Connection::enable_wal() {
    // WAL lets readers run while the writer commits; without it every read would queue
    // behind writes. Filesystems without shared memory refuse it, and silently running in
    // rollback mode would turn that into SQLITE_BUSY under load, so refuse to start.
    const std::string mode = pragma_text("PRAGMA journal_mode = WAL");
    if (mode != "wal") {
        throw SqliteError(SQLITE_ERROR, "enabling WAL on " + path_.string() +
                                            ": SQLite kept journal mode '" + mode +
                                            "'; put the data directory on a local filesystem");
    }
}

std::string Connection::pragma_text(std::string_view pragma) {
    auto stmt = prepare(pragma);
    return stmt.step() ? stmt.column_text(0) : std::string();
}

Statement Connection::prepare(std::string_view sql) {
    auto slot = cache_.find(sql);
    if (slot != cache_.end() && !slot->second.empty()) {
        StatementHandle cached = std::move(slot->second.back());
        slot->second.pop_back();
        return Statement(std::move(cached), &slot->second);
    }
    sqlite3_stmt* raw = nullptr;
    const char* tail = nullptr;
    const int rc = sqlite3_prepare_v3(db_.get(), sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &raw, &tail);
    StatementHandle stmt(raw);
    if (rc != SQLITE_OK) {
        throw_sqlite_error(db_.get(), rc, "preparing `" + sql_for_message(sql) + "`");
    }
    if (!stmt) {
        throw Error(ErrorCode::internal, "prepare() got SQL without a statement");
    }
    // Anything after the first statement would be silently ignored; exec() runs scripts.
    const std::string rest(tail, sql.data() + sql.size());
    if (!only_separators(rest.c_str())) {
        throw Error(ErrorCode::internal, "prepare() takes one statement, got more in `" +
                                             sql_for_message(sql) + "`; use exec()");
    }
    if (slot == cache_.end() && cache_.size() < kMaxCachedSql) {
        slot = cache_.emplace(std::string(sql), CacheSlot{}).first;
    }
    return Statement(std::move(stmt), slot != cache_.end() ? &slot->second : nullptr);
}

void Connection::exec(std::string_view sql) {
    // sqlite3_exec wants a terminated string; the copy is cheap next to running the SQL.
    const std::string text(sql);
    char* raw_message = nullptr;
    const int rc = sqlite3_exec(db_.get(), text.c_str(), nullptr, nullptr, &raw_message);
    std::unique_ptr<char, decltype(&sqlite3_free)> message(raw_message, &sqlite3_free);
    if (rc != SQLITE_OK) {
        throw_sqlite_error(db_.get(), rc, "running `" + sql_for_message(sql) + "`");
    }
}

std::int64_t Connection::last_insert_rowid() const {
    return sqlite3_last_insert_rowid(db_.get());
}

std::int64_t Connection::changes() const {
    return sqlite3_changes64(db_.get());
}

bool Connection::in_transaction() const {
    return sqlite3_get_autocommit(db_.get()) == 0;
}

}  // namespace vitae::store
