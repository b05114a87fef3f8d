#pragma once
// A prepared SQL statement: typed binding, stepping, typed columns.
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct sqlite3_stmt;

namespace vitae::store {

struct StatementFinalizer {
    void operator()(sqlite3_stmt* stmt) const noexcept;
};
using StatementHandle = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

// Marks text to be stored as a BLOB rather than TEXT (e.g. a hash kept as raw bytes).
struct Blob {
    std::string_view bytes;
};

// Obtained from Connection::prepare and used by one thread. Parameters are 1-based,
// columns 0-based (as in SQLite). On destruction the statement is reset, its bindings
// are cleared and it goes back to its connection's cache, so it must not outlive the
// Connection that prepared it.
//
//   auto stmt = conn.prepare("SELECT name FROM users WHERE id = ?");
//   stmt.bind(1, id);
//   if (stmt.step()) name = stmt.column_text(0);
class Statement {
  public:
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    // Values are copied into SQLite, so temporaries are safe to bind.
    template <std::integral T>
    Statement& bind(int index, T value);
    template <std::floating_point T>
    Statement& bind(int index, T value) {
        return bind_double(index, static_cast<double>(value));
    }
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, std::span<const std::byte> blob);
    Statement& bind(int index, Blob blob);
    Statement& bind(int index, std::nullopt_t);
    template <class T>
    Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bind(index, std::nullopt);
    }
    // string_view(nullptr) would crash; NULL is spelled std::nullopt.
    Statement& bind(int index, std::nullptr_t) = delete;

    // Binds args to parameters 1..N; N must equal the number of parameters in the SQL.
    template <class... Args>
    Statement& bind_all(const Args&... args) {
        check_parameter_count(static_cast<int>(sizeof...(Args)));
        int index = 0;
        (bind(++index, args), ...);
        return *this;
    }

    // True when a row is available; false when the statement has finished.
    bool step();
    // Steps to the end, for statements whose rows (if any) are not wanted. Returns the
    // rows changed when the statement is an INSERT, UPDATE or DELETE.
    std::int64_t exec();
    // Rewinds and clears bindings so the statement can run again with new values.
    Statement& reset();

    int column_count() const;
    bool column_is_null(int column) const;
    std::int64_t column_int64(int column) const;
    int column_int(int column) const;
    double column_double(int column) const;
    std::string column_text(int column) const;  // NULL reads as ""
    std::vector<std::byte> column_blob(int column) const;
    std::optional<std::int64_t> column_optional_int64(int column) const;
    std::optional<std::string> column_optional_text(int column) const;

    sqlite3_stmt* handle() const { return stmt_.get(); }

  private:
    friend class Connection;
    // home is the connection's cache slot for this SQL text, or null when not cached.
    Statement(StatementHandle stmt, std::vector<StatementHandle>* home) noexcept
        : stmt_(std::move(stmt)), home_(home) {}

    Statement& bind_int64(int index, std::int64_t value);
    Statement& bind_double(int index, double value);
    void check_parameter_count(int given) const;
    void check_column(int column) const;
    void check_bind(int rc, int index) const;
    [[noreturn]] static void throw_out_of_range(int index);
    void return_to_cache() noexcept;

    StatementHandle stmt_;
    std::vector<StatementHandle>* home_ = nullptr;
};

template <std::integral T>
Statement& Statement::bind(int index, T value) {
    if constexpr (std::same_as<T, bool>) {
        return bind_int64(index, value ? 1 : 0);
    } else {
        // Large unsigned values would silently wrap to negative numbers.
        if (!std::in_range<std::int64_t>(value)) {
            throw_out_of_range(index);
        }
        return bind_int64(index, static_cast<std::int64_t>(value));
    }
}

}  // namespace vitae::store
