#pragma once
// GET /assets/...: web assets with ETag, immutable caching for hashed names and the
// precomputed gzip copy when the client accepts it.
#include "core/asset_store.hpp"
#include "http/router.hpp"

namespace vitae::http {

void register_static_assets(Router& router, const core::AssetStore& assets);

// Answers with `asset`: ETag (304 when the client has it), the gzip copy when accepted,
// and cached forever when `immutable` (the URL names its content hash), else revalidated.
void send_asset(const httplib::Request& req, httplib::Response& res, const core::Asset& asset,
                std::string_view mime_type, bool immutable);

// "text/css; charset=utf-8" etc. by file extension.
std::string_view mime_type_for(std::string_view path);

}  // namespace vitae::http
