#pragma once
// Web assets and templates: compiled into the binary, or read from a directory in
// development (--assets-dir) so edits show without a rebuild.
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/crypto.hpp"

namespace vitae::core {

struct Asset {
    std::string_view data;
    std::string_view gzip;                     // empty: no precompressed copy
    std::string_view hash;                     // 16 hex digits of SHA-256
    std::shared_ptr<const std::string> owner;  // keeps disk-read bytes alive
};

class AssetStore {
  public:
    static AssetStore embedded();
    static AssetStore from_directory(std::filesystem::path root);

    // `path` is relative to the repository layout: "web_assets/css/app.css",
    // "templates/layout.html". Rejects ".." and absolute paths.
    std::optional<Asset> find(std::string_view path) const;

    // Public URL of a file under web_assets/, with its content hash in the name:
    // "css/app.css" -> "/assets/css/app.0123456789abcdef.css".
    std::string url_for(std::string_view web_path) const;

    bool from_disk() const { return root_.has_value(); }

  private:
    std::optional<std::filesystem::path> root_;
    std::map<std::string, Asset, std::less<>> files_;
};

}  // namespace vitae::core
