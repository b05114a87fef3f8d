#include "store/user_repository.hpp"

#include <sqlite3.h>

#include "core/error.hpp"
#include "store/connection.hpp"
#include "store/sqlite_error.hpp"
#include "store/statement.hpp"

namespace vitae::store {

namespace {

constexpr const char* kColumns =
    "id, email, name, role, password_hash, disabled, totp_secret, totp_last_step, "
    "recovery_code_hashes, created_at, updated_at";

UserRow read_row(const Statement& s) {
    UserRow u;
    u.id = s.column_int64(0);
    u.email = s.column_text(1);
    u.name = s.column_text(2);
    u.role = s.column_text(3);
    u.password_hash = s.column_optional_text(4);
    u.disabled = s.column_int64(5) != 0;
    u.totp_secret = s.column_optional_text(6);
    u.totp_last_step = s.column_optional_int64(7);
    u.recovery_code_hashes = s.column_text(8);
    u.created_at = s.column_int64(9);
    u.updated_at = s.column_int64(10);
    return u;
}

std::optional<UserRow> find_one(Connection& conn, const std::string& where, auto value) {
    auto stmt = conn.prepare(std::string("SELECT ") + kColumns + " FROM users WHERE " + where);
    stmt.bind_all(value);
    if (!stmt.step())
        return std::nullopt;
    return read_row(stmt);
}

}  // namespace

std::int64_t UserRepository::insert(Connection& conn, const NewUser& user, std::int64_t now) {
    try {
        conn.prepare(
                "INSERT INTO users (email, name, role, password_hash, created_at, updated_at) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?5)")
            .bind_all(user.email, user.name, user.role, user.password_hash, now)
            .exec();
    } catch (const SqliteError& e) {
        if (e.sqlite_code() == SQLITE_CONSTRAINT_UNIQUE) {
            throw Error(ErrorCode::conflict, "An account with this email already exists.");
        }
        throw;
    }
    return conn.last_insert_rowid();
}

std::optional<UserRow> UserRepository::find_by_id(Connection& conn, std::int64_t id) {
    return find_one(conn, "id = ?1", id);
}

std::optional<UserRow> UserRepository::find_by_email(Connection& conn, std::string_view email) {
    return find_one(conn, "email = ?1", email);
}

}  // namespace vitae::store
