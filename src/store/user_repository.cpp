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

std::vector<UserRow> UserRepository::list(Connection& conn) {
    auto stmt = conn.prepare(std::string("SELECT ") + kColumns +
                             " FROM users ORDER BY role = 'admin' DESC, email");
    std::vector<UserRow> out;
    while (stmt.step())
        out.push_back(read_row(stmt));
    return out;
}

namespace {
std::int64_t count_where(Connection& conn, const char* where) {
    auto stmt = conn.prepare(std::string("SELECT count(*) FROM users WHERE ") + where);
    stmt.step();
    return stmt.column_int64(0);
}
}  // namespace

std::int64_t UserRepository::count(Connection& conn) {
    return count_where(conn, "1");
}

std::int64_t UserRepository::count_active_admins(Connection& conn) {
    return count_where(conn, "role = 'admin' AND disabled = 0");
}

namespace {
// One column and updated_at; `column` is always one of ours, never input.
template <class T>
void update_column(Connection& conn, const char* column, std::int64_t id, const T& value,
                   std::int64_t now) {
    conn.prepare(std::string("UPDATE users SET ") + column + " = ?2, updated_at = ?3 WHERE id = ?1")
        .bind_all(id, value, now)
        .exec();
}
}  // namespace

void UserRepository::set_password(Connection& conn, std::int64_t id, std::string_view hash,
                                  std::int64_t now) {
    update_column(conn, "password_hash", id, hash, now);
}

void UserRepository::set_role(Connection& conn, std::int64_t id, std::string_view role,
                              std::int64_t now) {
    update_column(conn, "role", id, role, now);
}

void UserRepository::set_disabled(Connection& conn, std::int64_t id, bool disabled,
                                  std::int64_t now) {
    update_column(conn, "disabled", id, disabled, now);
}

void UserRepository::set_name(Connection& conn, std::int64_t id, std::string_view name,
                              std::int64_t now) {
    update_column(conn, "name", id, name, now);
}

void UserRepository::set_second_factor(Connection& conn, std::int64_t id,
                                       const std::optional<std::string>& totp_secret,
                                       std::string_view recovery_code_hashes, std::int64_t now) {
    conn.prepare(
            "UPDATE users SET totp_secret = ?2, totp_last_step = NULL, "
            "recovery_code_hashes = ?3, updated_at = ?4 WHERE id = ?1")
        .bind_all(id, totp_secret, recovery_code_hashes, now)
        .exec();
}

void UserRepository::set_totp_last_step(Connection& conn, std::int64_t id, std::int64_t step) {
    conn.prepare("UPDATE users SET totp_last_step = ?2 WHERE id = ?1").bind_all(id, step).exec();
}

void UserRepository::set_recovery_code_hashes(Connection& conn, std::int64_t id,
                                              std::string_view json_array) {
    conn.prepare("UPDATE users SET recovery_code_hashes = ?2 WHERE id = ?1")
        .bind_all(id, json_array)
        .exec();
}

bool UserRepository::remove(Connection& conn, std::int64_t id) {
    return conn.prepare("DELETE FROM users WHERE id = ?1").bind_all(id).exec() == 1;
}

}  // namespace vitae::store
