#include "store/sqlite_error.hpp"

#include <sqlite3.h>

#include <algorithm>

namespace vitae::store {

namespace {
constexpr std::size_t kMaxSqlInMessage = 160;
}

void throw_sqlite_error(sqlite3* db, int rc, std::string_view doing) {
    // sqlite3_errmsg describes the connection's latest failure, which is this one as long as
    // nothing ran in between; the generic text is the fallback when it is not.
    const bool db_knows = db != nullptr && sqlite3_extended_errcode(db) == rc;
    std::string message(doing);
    message += ": ";
    message += db_knows ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    message += " (sqlite code " + std::to_string(rc) + ")";
    throw SqliteError(rc, message);
}

std::string sql_for_message(std::string_view sql) {
    std::string out;
    out.reserve(std::min(sql.size(), kMaxSqlInMessage) + 3);
    bool in_space = false;
    // Collapse newlines and indentation so multi-line SQL reads as one log line.
    for (char c : sql) {
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (space && (in_space || out.empty())) {
            continue;
        }
        in_space = space;
        out += space ? ' ' : c;
        if (out.size() >= kMaxSqlInMessage) {
            out += "...";
            break;
        }
    }
    while (!out.empty() && out.back() == ' ') {
        out.pop_back();
    }
    return out;
}

}  // namespace vitae::store
