#pragma once
// SQL for settings that admins change at run time (the config file holds the rest).
#include <cstdint>
#include <optional>
#include <string>

namespace vitae::store {

class Connection;

class SettingsRepository {
  public:
    static std::optional<std::string> get(Connection& conn, std::string_view key);
    static void put(Connection& conn, std::string_view key, std::string_view value,
                    std::int64_t now);
};

}  // namespace vitae::store
