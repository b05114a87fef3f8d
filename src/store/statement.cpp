#include "store/statement.hpp"

#include <sqlite3.h>

#include "core/error.hpp"
#include "store/sqlite_error.hpp"

namespace vitae::store {

namespace {

// Idle statements kept per SQL text; more than this are simply finalized.
constexpr std::size_t kMaxIdlePerSql = 4;

std::string describe(sqlite3_stmt* stmt) {
    const char* sql = sqlite3_sql(stmt);
    return "`" + sql_for_message(sql != nullptr ? sql : "") + "`";
}

}  // namespace

void StatementFinalizer::operator()(sqlite3_stmt* stmt) const noexcept {
    sqlite3_finalize(stmt);
}

Statement::~Statement() {
    return_to_cache();
}

Statement::Statement(Statement&& other) noexcept
    : stmt_(std::move(other.stmt_)), home_(std::exchange(other.home_, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        return_to_cache();
        stmt_ = std::move(other.stmt_);
        home_ = std::exchange(other.home_, nullptr);
    }
    return *this;
}

void Statement::return_to_cache() noexcept {
    if (!stmt_) {
        return;
    }
    // A half-stepped SELECT would hold its read snapshot open, and stale bindings would
    // leak into the next user; reset clears both. Its return code repeats the last step
    // error, which was already thrown to the caller.
    sqlite3_reset(stmt_.get());
    sqlite3_clear_bindings(stmt_.get());
    if (home_ == nullptr || home_->size() >= kMaxIdlePerSql) {
        stmt_.reset();
        return;
    }
    try {
        home_->push_back(std::move(stmt_));
    } catch (const std::bad_alloc&) {
        stmt_.reset();  // not cached is fine; the next prepare compiles it again
    }
    home_ = nullptr;
}

void Statement::check_bind(int rc, int index) const {
    if (rc != SQLITE_OK) {
        throw_sqlite_error(
            sqlite3_db_handle(stmt_.get()), rc,
            "binding parameter " + std::to_string(index) + " of " + describe(stmt_.get()));
    }
}

void Statement::throw_out_of_range(int index) {
    throw Error(ErrorCode::bad_request, "value for SQL parameter " + std::to_string(index) +
                                            " does not fit in a 64-bit signed integer");
}

Statement& Statement::bind_int64(int index, std::int64_t value) {
    check_bind(sqlite3_bind_int64(stmt_.get(), index, value), index);
    return *this;
}

Statement& Statement::bind_double(int index, double value) {
    check_bind(sqlite3_bind_double(stmt_.get(), index, value), index);
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    // A null data pointer would bind NULL, but an empty string_view is the empty string.
    const char* data = text.data() != nullptr ? text.data() : "";
    check_bind(
        sqlite3_bind_text64(stmt_.get(), index, data, text.size(), SQLITE_TRANSIENT, SQLITE_UTF8),
        index);
    return *this;
}

Statement& Statement::bind(int index, std::span<const std::byte> blob) {
    // Same trap as text: a null pointer binds NULL, so an empty blob needs zeroblob(0).
    const int rc = blob.empty() ? sqlite3_bind_zeroblob(stmt_.get(), index, 0)
                                : sqlite3_bind_blob64(stmt_.get(), index, blob.data(), blob.size(),
                                                      SQLITE_TRANSIENT);
    check_bind(rc, index);
    return *this;
}

Statement& Statement::bind(int index, Blob blob) {
    return bind(index, std::as_bytes(std::span(blob.bytes.data(), blob.bytes.size())));
}

Statement& Statement::bind(int index, std::nullopt_t) {
    check_bind(sqlite3_bind_null(stmt_.get(), index), index);
    return *this;
}

void Statement::check_parameter_count(int given) const {
    const int expected = sqlite3_bind_parameter_count(stmt_.get());
    if (given != expected) {
        throw Error(ErrorCode::internal, "bind_all got " + std::to_string(given) + " values for " +
                                             std::to_string(expected) + " parameters of " +
                                             describe(stmt_.get()));
    }
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_.get());
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc == SQLITE_DONE) {
        return false;
    }
    throw_sqlite_error(sqlite3_db_handle(stmt_.get()), rc, "running " + describe(stmt_.get()));
}

std::int64_t Statement::exec() {
    while (step()) {
    }
    return sqlite3_changes64(sqlite3_db_handle(stmt_.get()));
}

Statement& Statement::reset() {
    sqlite3_reset(stmt_.get());
    sqlite3_clear_bindings(stmt_.get());
    return *this;
}

int Statement::column_count() const {
    return sqlite3_column_count(stmt_.get());
}

void Statement::check_column(int column) const {
    // SQLite leaves reading past the row, or with no row, undefined.
    const int available = sqlite3_data_count(stmt_.get());
    if (column < 0 || column >= available) {
        throw Error(ErrorCode::internal,
                    "column " + std::to_string(column) + " read from " + describe(stmt_.get()) +
                        (available == 0 ? " with no current row"
                                        : ", which has " + std::to_string(available)));
    }
}

bool Statement::column_is_null(int column) const {
    check_column(column);
    return sqlite3_column_type(stmt_.get(), column) == SQLITE_NULL;
}

std::int64_t Statement::column_int64(int column) const {
    check_column(column);
    return sqlite3_column_int64(stmt_.get(), column);
}

int Statement::column_int(int column) const {
    check_column(column);
    return sqlite3_column_int(stmt_.get(), column);
}

double Statement::column_double(int column) const {
    check_column(column);
    return sqlite3_column_double(stmt_.get(), column);
}

std::string Statement::column_text(int column) const {
    check_column(column);
    // SQLite documents this order: convert first, then ask for the byte count.
    const auto* text = sqlite3_column_text(stmt_.get(), column);
    const auto size = static_cast<std::size_t>(sqlite3_column_bytes(stmt_.get(), column));
    if (text == nullptr) {
        return {};
    }
    return std::string(reinterpret_cast<const char*>(text), size);
}

std::vector<std::byte> Statement::column_blob(int column) const {
    check_column(column);
    const auto* data = static_cast<const std::byte*>(sqlite3_column_blob(stmt_.get(), column));
    const auto size = static_cast<std::size_t>(sqlite3_column_bytes(stmt_.get(), column));
    if (data == nullptr) {
        return {};
    }
    return std::vector<std::byte>(data, data + size);
}

std::optional<std::int64_t> Statement::column_optional_int64(int column) const {
    if (column_is_null(column)) {
        return std::nullopt;
    }
    return sqlite3_column_int64(stmt_.get(), column);
}

std::optional<std::string> Statement::column_optional_text(int column) const {
    if (column_is_null(column)) {
        return std::nullopt;
    }
    return column_text(column);
}

}  // namespace vitae::store
