#pragma once
// SQLite access for the whole process: one serialized writer, a pool of readers.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string_view>
#include <thread>
#include <type_traits>
#include <vector>

#include "store/connection.hpp"

namespace vitae::store {

struct DatabaseOptions {
    // Reader connections; more lets more reads run at once (WAL never blocks them).
    int readers = 4;
    std::chrono::milliseconds busy_timeout{5000};
};

// The process's handle on vitae.db. Thread-safe: any number of threads may call read()
// and write() at once. Writes are serialized on one connection (SQLite allows one writer
// anyway, and queueing in-process avoids SQLITE_BUSY); reads borrow one of N read-only
// connections and run concurrently with the writer thanks to WAL.
//
//   auto db = Database::open("data/vitae.db");
//   db.write([&](Connection& c) { c.prepare("INSERT ...").bind_all(a, b).exec(); });
//   auto n = db.read([](Connection& c) { auto s = c.prepare("SELECT count(*) ..."); ... });
class Database {
  public:
    // Creates the file when missing and switches it to WAL.
    static Database open(const std::filesystem::path& path, DatabaseOptions options = {});
    Database(const std::filesystem::path& path, DatabaseOptions options = {});
    ~Database();  // closes; see close()
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Runs f(Connection&) on a reader inside one read transaction, so every query in f
    // sees the same snapshot. Blocks while all readers are lent out; f must not call
    // read() again (with one reader that would wait for itself). Returns what f returns.
    template <class F>
    std::invoke_result_t<F&, Connection&> read(F&& f);

    // Runs f(Connection&) on the writer inside BEGIN IMMEDIATE ... COMMIT; when f throws
    // the transaction is rolled back and the exception propagates. Returns what f
    // returns. Calling write() from inside f throws instead of deadlocking. Reads made
    // through read() inside f do not see f's uncommitted changes; query through the
    // Connection given to f instead.
    template <class F>
    std::invoke_result_t<F&, Connection&> write(F&& f);

    // Copies the WAL back into the database file and truncates the WAL to zero bytes.
    // Throws when readers keep it from finishing within the busy timeout.
    void checkpoint();

    // A consistent copy of the database at one instant (SQLite online backup), written
    // to destination, which must not exist yet. Safe while other threads read and write.
    void backup_to(const std::filesystem::path& destination);

    // Waits for lent connections to come back, checkpoints, and closes every connection
    // so no -wal file is left behind. Later read()/write() calls throw. Idempotent; must
    // not be called from inside read() or write().
    void close();

    const std::filesystem::path& path() const { return path_; }

  private:
    class ReaderLease {
      public:
        explicit ReaderLease(Database& db) : db_(db), conn_(db.acquire_reader()) {}
        ~ReaderLease() { db_.release_reader(conn_); }
        ReaderLease(const ReaderLease&) = delete;
        ReaderLease& operator=(const ReaderLease&) = delete;
        Connection& connection() { return conn_; }

      private:
        Database& db_;
        Connection& conn_;
    };

    class WriterLease {
      public:
        explicit WriterLease(Database& db);
        ~WriterLease();
        WriterLease(const WriterLease&) = delete;
        WriterLease& operator=(const WriterLease&) = delete;
        Connection& connection() { return *db_.writer_; }

      private:
        Database& db_;
        std::unique_lock<std::mutex> lock_;
    };

    Connection& acquire_reader();
    void release_reader(Connection& conn) noexcept;
    void close_readers();
    void close_writer();

    static void begin(Connection& conn, std::string_view sql);
    static void commit(Connection& conn);
    static void rollback_after_failure(Connection& conn) noexcept;

    template <class F>
    static std::invoke_result_t<F&, Connection&> in_transaction(Connection& conn,
                                                                std::string_view begin_sql, F& f);

    std::filesystem::path path_;

    std::mutex writer_mutex_;
    std::unique_ptr<Connection> writer_;  // null once closed
    // Lets a nested write() on the same thread fail loudly instead of deadlocking.
    std::atomic<std::thread::id> writer_thread_{};

    std::mutex pool_mutex_;
    std::condition_variable pool_changed_;
    std::vector<std::unique_ptr<Connection>> readers_;
    std::vector<Connection*> idle_readers_;
    bool closed_ = false;
};

template <class F>
std::invoke_result_t<F&, Connection&> Database::in_transaction(Connection& conn,
                                                               std::string_view begin_sql, F& f) {
    using Result = std::invoke_result_t<F&, Connection&>;
    begin(conn, begin_sql);
    try {
        if constexpr (std::is_void_v<Result>) {
            f(conn);
            commit(conn);
        } else {
            Result result = f(conn);
            commit(conn);
            return result;
        }
    } catch (...) {
        rollback_after_failure(conn);
        throw;
    }
}

template <class F>
std::invoke_result_t<F&, Connection&> Database::read(F&& f) {
    ReaderLease lease(*this);
    return in_transaction(lease.connection(), "BEGIN", f);
}

template <class F>
std::invoke_result_t<F&, Connection&> Database::write(F&& f) {
    WriterLease lease(*this);
    // IMMEDIATE takes the write lock up front: a deferred transaction that reads first
    // and writes later can fail with SQLITE_BUSY that no busy timeout can fix.
    return in_transaction(lease.connection(), "BEGIN IMMEDIATE", f);
}

}  // namespace vitae::store
