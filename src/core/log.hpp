#pragma once
// Logging for every room: a message plus key=value fields. The fields become JSON members
// in JSON mode, so operators filter on them. spdlog (header-only, costly to compile) lives
// behind this header in core/logging.cpp alone.
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <type_traits>

namespace vitae::log {

enum class Level { trace, debug, info, warn, error };

struct Field {
    Field(std::string_view k, std::string_view v) : key(k), value(v) {}
    Field(std::string_view k, const char* v) : key(k), value(v) {}
    Field(std::string_view k, const std::string& v) : key(k), value(v) {}
    template <class T>
    requires std::is_arithmetic_v<T> Field(std::string_view k, T v)
        : key(k), value(std::to_string(v)), number(true) {}

    std::string_view key;
    std::string value;
    bool number = false;  // written unquoted in JSON
};

using Fields = std::initializer_list<Field>;

void write(Level level, std::string_view message, Fields fields = {});
inline void debug(std::string_view message, Fields fields = {}) {
    write(Level::debug, message, fields);
}
inline void info(std::string_view message, Fields fields = {}) {
    write(Level::info, message, fields);
}
inline void warn(std::string_view message, Fields fields = {}) {
    write(Level::warn, message, fields);
}
inline void error(std::string_view message, Fields fields = {}) {
    write(Level::error, message, fields);
}

// One line per HTTP request on the "access" logger.
void access(Level level, Fields fields);

// Writes buffered lines out (tests, and before a forced exit).
void flush();

}  // namespace vitae::log
