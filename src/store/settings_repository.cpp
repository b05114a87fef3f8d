#include "store/settings_repository.hpp"

#include "store/connection.hpp"
#include "store/statement.hpp"

namespace vitae::store {

std::optional<std::string> SettingsRepository::get(Connection& conn, std::string_view key) {
    auto s = conn.prepare("SELECT value FROM settings WHERE key = ?1");
    s.bind_all(key);
    if (!s.step())
        return std::nullopt;
    return s.column_text(0);
}

void SettingsRepository::put(Connection& conn, std::string_view key, std::string_view value,
                             std::int64_t now) {
    conn.prepare(
            "INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, ?3) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value, "
            "updated_at = excluded.updated_at")
        .bind_all(key, value, now)
        .exec();
}

}  // namespace vitae::store
