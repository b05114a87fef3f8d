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
pkg_check_modules(LIBARCHIVE REQUIRED IMPORTED_TARGET libarchive)
find_package(pugixml REQUIRED)
# Outbound HTTP (src/net). Development and tests link Debian's libcurl (OpenSSL flavour);
# the static release builds curl from the Debian source package against mbedTLS instead.
pkg_check_modules(CURL REQUIRED IMPORTED_TARGET libcurl)
# MuPDF: Debian ships static libraries only; mupdf.pc lists its private dependencies
# (an older list: mujs, gumbo, openjp2, jbig2dec, jpeg), harfbuzz and freetype come from
# pkg-config. zlib is among them too: a static library's dependencies must come after it
# on the link line, and PkgConfig::ZLIB above comes before.
pkg_check_modules(MUPDF_DEPS REQUIRED IMPORTED_TARGET freetype2 harfbuzz libopenjp2 libjpeg zlib)
find_library(MUPDF_LIBRARY NAMES libmupdf.a mupdf REQUIRED)
find_library(MUPDF_THIRD_LIBRARY NAMES libmupdf-third.a mupdf-third REQUIRED)
find_library(MUJS_LIBRARY mujs REQUIRED)
find_library(GUMBO_LIBRARY gumbo REQUIRED)
find_library(JBIG2DEC_LIBRARY jbig2dec REQUIRED)

add_library(vitae_deps INTERFACE)
target_include_directories(vitae_deps INTERFACE ${MUSTACHE_INCLUDE_DIR} ${SPDLOG_INCLUDE_DIR})
target_link_libraries(vitae_deps INTERFACE
  PkgConfig::HTTPLIB PkgConfig::SQLITE3 PkgConfig::ZLIB
  PkgConfig::ARGON2 PkgConfig::OATH PkgConfig::QRENCODE
  nlohmann_json::nlohmann_json ${MBEDCRYPTO_LIBRARY}
  PkgConfig::LIBARCHIVE pugixml::pugixml PkgConfig::CURL
  ${MUPDF_LIBRARY} ${MUPDF_THIRD_LIBRARY} ${MUJS_LIBRARY} ${GUMBO_LIBRARY} ${JBIG2DEC_LIBRARY}
  PkgConfig::MUPDF_DEPS
  Threads::Threads)
add_library(vitae::deps ALIAS vitae_deps)
