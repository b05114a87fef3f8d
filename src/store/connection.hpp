#pragma once
// One SQLite connection with the settings every Vitae connection shares.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "store/statement.hpp"

struct sqlite3;

namespace vitae::store {

struct ConnectionOptions {
    // A read-only connection cannot write even by mistake, and never creates the file.
    bool read_only = false;
    // How long a statement waits for a lock held by another connection before failing.
    std::chrono::milliseconds busy_timeout{5000};
};

// Owns a sqlite3* with foreign keys on, synchronous=NORMAL and the busy timeout set;
// a writable connection also switches the file to WAL. Not thread-safe: Database lends
// each connection to one thread at a time.
class Connection {
  public:
    Connection(const std::filesystem::path& path, ConnectionOptions options = {});
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // One statement, with ? parameters for every value. Compiled once per connection
    // and SQL text, then reused from a cache.
    Statement prepare(std::string_view sql);
    // Any number of statements without parameters (migrations, pragmas).
    void exec(std::string_view sql);

    std::int64_t last_insert_rowid() const;
    std::int64_t changes() const;  // rows changed by the last INSERT, UPDATE or DELETE
    bool in_transaction() const;
    bool read_only() const { return read_only_; }
    const std::filesystem::path& path() const { return path_; }
    sqlite3* handle() const { return db_.get(); }

  private:
    struct Closer {
        void operator()(sqlite3* db) const noexcept;
    };
    using CacheSlot = std::vector<StatementHandle>;

    void configure(const ConnectionOptions& options);
    void enable_wal();
    std::string pragma_text(std::string_view pragma);

    std::filesystem::path path_;
    bool read_only_;
    // Declared before the cache so the cache's statements are finalized first.
    std::unique_ptr<sqlite3, Closer> db_;
    // std::map because Statements keep pointers to their slot, which must not move.
    std::map<std::string, CacheSlot, std::less<>> cache_;
};

}  // namespace vitae::store
