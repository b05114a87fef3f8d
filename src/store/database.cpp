#include "store/database.hpp"

#include <sqlite3.h>
#include "core/log.hpp"

#include <exception>
#include <system_error>

#include "core/error.hpp"
#include "store/sqlite_error.hpp"

namespace vitae::store {

namespace {

Error closed_error(const std::filesystem::path& path) {
    return Error(ErrorCode::unavailable, "database " + path.string() + " is closed");
}

using RawDatabase = std::unique_ptr<sqlite3, decltype(&sqlite3_close_v2)>;

// The backup target is a plain rollback-journal file: nothing reads it while it is being
// written, and a WAL target would only leave -wal/-shm files next to the copy.
RawDatabase open_backup_target(const std::filesystem::path& path) {
    sqlite3* raw = nullptr;
    const int rc =
        sqlite3_open_v2(path.c_str(), &raw,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    RawDatabase target(raw, &sqlite3_close_v2);
    if (rc != SQLITE_OK) {
        throw_sqlite_error(raw, rc, "creating backup file " + path.string());
    }
    return target;
}

void copy_database(sqlite3* source, const std::filesystem::path& target_path) {
    RawDatabase target = open_backup_target(target_path);
    sqlite3_backup* backup = sqlite3_backup_init(target.get(), "main", source, "main");
    if (backup == nullptr) {
        throw_sqlite_error(target.get(), sqlite3_extended_errcode(target.get()),
                           "starting backup to " + target_path.string());
    }
    // All pages in one step: the source read transaction then spans the whole copy, so
    // the copy is one snapshot and concurrent writers never force a restart.
    const int step_rc = sqlite3_backup_step(backup, -1);
    const int finish_rc = sqlite3_backup_finish(backup);
    const std::string doing = "copying database to " + target_path.string();
    if (step_rc != SQLITE_DONE) {
        throw_sqlite_error(nullptr, step_rc, doing);
    }
    if (finish_rc != SQLITE_OK) {
        throw_sqlite_error(target.get(), finish_rc, doing);
    }
    const int close_rc = sqlite3_close(target.release());
    if (close_rc != SQLITE_OK) {
        throw_sqlite_error(nullptr, close_rc, doing);
    }
}

void remove_quietly(const std::filesystem::path& path) {
    std::error_code ignored;  // best-effort cleanup of our own partial file
    std::filesystem::remove(path, ignored);
}

}  // namespace

Database Database::open(const std::filesystem::path& path, DatabaseOptions options) {
    return Database(path, options);
}

Database::Database(const std::filesystem::path& path, DatabaseOptions options) : path_(path) {
    if (options.readers < 1) {
        throw Error(ErrorCode::config, "the database needs at least one reader connection, got " +
                                           std::to_string(options.readers));
    }
    // The writer comes first: it creates the file and switches it to WAL, which read-only
    // connections cannot do themselves.
    writer_ = std::make_unique<Connection>(path_, ConnectionOptions{false, options.busy_timeout});
    readers_.reserve(static_cast<std::size_t>(options.readers));
    for (int i = 0; i < options.readers; ++i) {
        readers_.push_back(
            std::make_unique<Connection>(path_, ConnectionOptions{true, options.busy_timeout}));
        idle_readers_.push_back(readers_.back().get());
    }
}

Database::~Database() {
    try {
        close();
    } catch (const std::exception& e) {
        log::error("closing the database failed", {{"path", path_.string()}, {"error", e.what()}});
    }
}

Connection& Database::acquire_reader() {
    std::unique_lock lock(pool_mutex_);
    pool_changed_.wait(lock, [this] { return closed_ || !idle_readers_.empty(); });
    if (closed_) {
        throw closed_error(path_);
    }
    Connection* conn = idle_readers_.back();
    idle_readers_.pop_back();
    return *conn;
}

void Database::release_reader(Connection& conn) noexcept {
    bool closing = false;
    {
        std::lock_guard lock(pool_mutex_);
        idle_readers_.push_back(&conn);  // capacity == readers_.size(), so no allocation
        closing = closed_;
    }
    // While closing, close() waits on the same condition and must hear every return.
    if (closing) {
        pool_changed_.notify_all();
    } else {
        pool_changed_.notify_one();
    }
}

Database::WriterLease::WriterLease(Database& db) : db_(db) {
    if (db.writer_thread_.load() == std::this_thread::get_id()) {
        throw Error(ErrorCode::internal,
                    "Database::write() or checkpoint() called from inside write() on the same "
                    "thread; that would deadlock");
    }
    lock_ = std::unique_lock(db.writer_mutex_);
    if (!db.writer_) {
        throw closed_error(db.path_);
    }
    db.writer_thread_.store(std::this_thread::get_id());
}

Database::WriterLease::~WriterLease() {
    db_.writer_thread_.store(std::thread::id{});
}

void Database::begin(Connection& conn, std::string_view sql) {
    conn.prepare(sql).exec();
}

void Database::commit(Connection& conn) {
    conn.prepare("COMMIT").exec();
}

void Database::rollback_after_failure(Connection& conn) noexcept {
    // SQLite may already have rolled back on its own (e.g. after SQLITE_FULL).
    if (!conn.in_transaction()) {
        return;
    }
    try {
        conn.prepare("ROLLBACK").exec();
    } catch (const std::exception& e) {
        log::error("rolling back a failed transaction failed",
                   {{"path", conn.path().string()}, {"error", e.what()}});
    }
}

void Database::checkpoint() {
    WriterLease lease(*this);
    sqlite3* db = lease.connection().handle();
    const int rc =
        sqlite3_wal_checkpoint_v2(db, "main", SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        throw_sqlite_error(db, rc, "checkpointing " + path_.string());
    }
}

void Database::backup_to(const std::filesystem::path& destination) {
    if (std::filesystem::exists(destination)) {
        throw Error(ErrorCode::storage,
                    "backup target " + destination.string() + " already exists; not overwriting");
    }
    // Written under a temporary name and renamed, so a crash never leaves a half copy
    // under a name that looks complete.
    std::filesystem::path partial = destination;
    partial += ".partial";
    remove_quietly(partial);
    try {
        ReaderLease lease(*this);
        copy_database(lease.connection().handle(), partial);
        std::filesystem::rename(partial, destination);
    } catch (...) {
        remove_quietly(partial);
        remove_quietly(std::filesystem::path(partial) += "-journal");
        throw;
    }
}

void Database::close() {
    close_readers();
    close_writer();
}

void Database::close_readers() {
    std::unique_lock lock(pool_mutex_);
    closed_ = true;
    pool_changed_.notify_all();  // waiting borrowers give up
    pool_changed_.wait(lock, [this] { return idle_readers_.size() == readers_.size(); });
    idle_readers_.clear();
    readers_.clear();
}

void Database::close_writer() {
    if (writer_thread_.load() == std::this_thread::get_id()) {
        throw Error(ErrorCode::internal, "Database::close() called from inside write()");
    }
    std::lock_guard lock(writer_mutex_);
    if (!writer_) {
        return;
    }
    // Readers are gone, so the checkpoint cannot be blocked; truncating leaves no WAL
    // content behind even if the final close below could not remove the file.
    const int rc = sqlite3_wal_checkpoint_v2(writer_->handle(), "main", SQLITE_CHECKPOINT_TRUNCATE,
                                             nullptr, nullptr);
    std::string failure;
    if (rc != SQLITE_OK) {
        failure = sqlite3_errmsg(writer_->handle());
    }
    writer_.reset();
    if (!failure.empty()) {
        throw SqliteError(rc, "checkpointing " + path_.string() + " on close: " + failure);
    }
}

}  // namespace vitae::store
