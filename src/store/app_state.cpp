#include "store/app_state.hpp"

#include <chrono>

#include "store/database.hpp"
#include "store/statement.hpp"

namespace vitae::store {

void AppState::put(Database& db, std::string_view key, std::string_view value) {
    auto now = std::chrono::duration_cast<std::chrono::seconds>(
                   std::chrono::system_clock::now().time_since_epoch())
                   .count();
    db.write([&](Connection& conn) {
        conn.prepare(
                "INSERT INTO app_state (key, value, updated_at) VALUES (?1, ?2, ?3) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value, "
                "updated_at = excluded.updated_at")
            .bind_all(key, value, now)
            .exec();
    });
}

std::optional<std::string> AppState::get(Database& db, std::string_view key) {
    return db.read([&](Connection& conn) -> std::optional<std::string> {
        auto stmt = conn.prepare("SELECT value FROM app_state WHERE key = ?1");
        stmt.bind_all(key);
        if (!stmt.step())
            return std::nullopt;
        return stmt.column_text(0);
    });
}

}  // namespace vitae::store
