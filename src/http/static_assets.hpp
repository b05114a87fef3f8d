#pragma once
// GET /assets/...: web assets with ETag, immutable caching for hashed names and the
// precomputed gzip copy when the client accepts it.
#include "core/asset_store.hpp"
#include "http/router.hpp"

namespace vitae::http {

void register_static_assets(Router& router, const core::AssetStore& assets);

// "text/css; charset=utf-8" etc. by file extension.
std::string_view mime_type_for(std::string_view path);

}  // namespace vitae::http
