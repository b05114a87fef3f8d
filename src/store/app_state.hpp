#pragma once
// Internal key/value markers of the running appliance (readiness probe, later: last
// backup, setup state). Not user settings.
#include <optional>
#include <string>
#include <string_view>

namespace vitae::store {

class Database;

class AppState {
  public:
    static void put(Database& db, std::string_view key, std::string_view value);
    static std::optional<std::string> get(Database& db, std::string_view key);
};

}  // namespace vitae::store
