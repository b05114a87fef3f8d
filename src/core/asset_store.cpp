#include "core/asset_store.hpp"

#include <fstream>
#include <sstream>

#include "core/embedded_file.hpp"

namespace vitae::core {

AssetStore AssetStore::embedded() {
    AssetStore store;
    for (const auto& file : embedded::assets()) {
        if (file.path.empty())
            continue;
        store.files_.emplace(std::string(file.path), Asset{file.data, file.gzip, file.hash, {}});
    }
    return store;
}

AssetStore AssetStore::from_directory(std::filesystem::path root) {
    AssetStore store;
    store.root_ = std::move(root);
    return store;
}

std::optional<Asset> AssetStore::find(std::string_view path) const {
    if (path.empty() || path.front() == '/' || path.find("..") != std::string_view::npos) {
        return std::nullopt;
    }
    if (!root_) {
        auto it = files_.find(path);
        if (it == files_.end())
            return std::nullopt;
        return it->second;
    }
    std::ifstream in(*root_ / std::string(path), std::ios::binary);
    if (!in || std::filesystem::is_directory(*root_ / std::string(path)))
        return std::nullopt;
    std::ostringstream ss;
    ss << in.rdbuf();
    auto text = std::make_shared<const std::string>(ss.str());
    auto hash = std::make_shared<const std::string>(*text + sha256_hex(*text).substr(0, 16));
    // One owner holds content and hash side by side so both views stay valid.
    std::string_view all(*hash);
    return Asset{all.substr(0, text->size()), {}, all.substr(text->size()), hash};
}

std::string AssetStore::url_for(std::string_view web_path) const {
    auto asset = find("web_assets/" + std::string(web_path));
    std::string path(web_path);
    if (!asset)
        return "/assets/" + path;
    auto dot = path.rfind('.');
    auto slash = path.rfind('/');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) {
        return "/assets/" + path;
    }
    return "/assets/" + path.substr(0, dot) + "." + std::string(asset->hash) + path.substr(dot);
}

}  // namespace vitae::core
