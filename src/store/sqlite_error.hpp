#pragma once
// A vitae::Error that keeps SQLite's result code, so a repository can turn a
// constraint failure into a conflict without parsing messages.
#include <string>
#include <string_view>

#include "core/error.hpp"

struct sqlite3;

namespace vitae::store {

class SqliteError : public Error {
  public:
    SqliteError(int sqlite_code, const std::string& message)
        : Error(ErrorCode::storage, message), sqlite_code_(sqlite_code) {}

    // The extended result code, e.g. SQLITE_CONSTRAINT_UNIQUE.
    int sqlite_code() const { return sqlite_code_; }
    // The primary result code, e.g. SQLITE_CONSTRAINT.
    int primary_code() const { return sqlite_code_ & 0xff; }

  private:
    int sqlite_code_;
};

// Throws SqliteError("<doing>: <sqlite's message>"). db may be null (open failures).
[[noreturn]] void throw_sqlite_error(sqlite3* db, int rc, std::string_view doing);

// SQL text as it appears in error messages: short enough for a log line.
std::string sql_for_message(std::string_view sql);

}  // namespace vitae::store
