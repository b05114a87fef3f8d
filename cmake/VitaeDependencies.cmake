# Finds the Debian packages Vitae builds against and gathers them in vitae::deps.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(nlohmann_json 3 REQUIRED)
# cpp-httplib's pkg-config flags matter: Debian built the shared library with
# OpenSSL, zlib and brotli enabled, and the class layout in the header follows them.
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)
pkg_check_modules(ZLIB REQUIRED IMPORTED_TARGET zlib)
pkg_check_modules(ARGON2 REQUIRED IMPORTED_TARGET libargon2)
pkg_check_modules(OATH REQUIRED IMPORTED_TARGET liboath)
pkg_check_modules(QRENCODE REQUIRED IMPORTED_TARGET libqrencode)
find_path(MUSTACHE_INCLUDE_DIR kainjow/mustache.hpp REQUIRED)
find_path(SPDLOG_INCLUDE_DIR spdlog/spdlog.h REQUIRED)
find_library(MBEDCRYPTO_LIBRARY mbedcrypto REQUIRED)

add_library(vitae_deps INTERFACE)
target_include_directories(vitae_deps INTERFACE ${MUSTACHE_INCLUDE_DIR} ${SPDLOG_INCLUDE_DIR})
target_link_libraries(vitae_deps INTERFACE
  PkgConfig::HTTPLIB PkgConfig::SQLITE3 PkgConfig::ZLIB
  PkgConfig::ARGON2 PkgConfig::OATH PkgConfig::QRENCODE
  nlohmann_json::nlohmann_json ${MBEDCRYPTO_LIBRARY} Threads::Threads)
add_library(vitae::deps ALIAS vitae_deps)
