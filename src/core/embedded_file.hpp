#pragma once
// Files compiled into the binary at build time (web assets, templates, migrations).
#include <span>
#include <string_view>

namespace vitae {

struct EmbeddedFile {
    std::string_view path;  // relative to its root, e.g. "web_assets/css/app.css"
    std::string_view data;
    std::string_view gzip;  // empty when compression did not pay
    std::string_view hash;  // first 16 hex digits of the SHA-256 of data
};

namespace embedded {
std::span<const EmbeddedFile> assets();
std::span<const EmbeddedFile> migrations();
}  // namespace embedded

}  // namespace vitae
