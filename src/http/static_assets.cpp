#include "http/static_assets.hpp"

#include <regex>

namespace vitae::http {

namespace {

struct AssetPath {
    std::string logical;  // "css/app.css"
    std::string hash;     // from the name, empty when not hashed
};

AssetPath parse_asset_path(const std::string& requested) {
    static const std::regex kHashed(R"(^(.*)\.([0-9a-f]{16})(\.[A-Za-z0-9]+)$)");
    std::smatch m;
    if (std::regex_match(requested, m, kHashed))
        return {m[1].str() + m[3].str(), m[2].str()};
    return {requested, {}};
}

// Built with append: GCC 12's -Wrestrict misfires on `"\"" + std::string(...)` at -O2.
std::string quoted(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 2);
    out.append(1, '"').append(s).append(1, '"');
    return out;
}

bool etag_matches(const std::string& if_none_match, const std::string& etag) {
    if (if_none_match == "*")
        return true;
    // A list of (possibly weak) tags: W/"x", "y"
    return if_none_match.find(etag) != std::string::npos;
}

}  // namespace

std::string_view mime_type_for(std::string_view path) {
    struct Entry {
        std::string_view ext, type;
    };
    static constexpr Entry kTypes[] = {
        {".css", "text/css; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".ico", "image/x-icon"},
        {".woff2", "font/woff2"},
        {".ttf", "font/ttf"},
        {".json", "application/json"},
        {".txt", "text/plain; charset=utf-8"},
        {".html", "text/html; charset=utf-8"},
        {".webmanifest", "application/manifest+json"},
    };
    for (const auto& t : kTypes) {
        if (path.ends_with(t.ext))
            return t.type;
    }
    return "application/octet-stream";
}

void send_asset(const httplib::Request& req, httplib::Response& res, const core::Asset& asset,
                std::string_view mime_type, bool immutable) {
    std::string etag = quoted(asset.hash);
    res.set_header("ETag", etag);
    res.set_header("Vary", "Accept-Encoding");
    res.set_header("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
    if (etag_matches(req.get_header_value("If-None-Match"), etag)) {
        res.status = 304;
        return;
    }
    bool gzip = !asset.gzip.empty() &&
                req.get_header_value("Accept-Encoding").find("gzip") != std::string::npos;
    std::string_view body = gzip ? asset.gzip : asset.data;
    if (gzip)
        res.set_header("Content-Encoding", "gzip");
    // A sized content provider: httplib sends it as is. With a plain body it would
    // compress again on the fly.
    res.set_content_provider(
        body.size(), std::string(mime_type),
        [body, owner = asset.owner](size_t offset, size_t length, httplib::DataSink& sink) {
            return sink.write(body.data() + offset, length);
        });
}

void register_static_assets(Router& router, const core::AssetStore& assets) {
    router.get(R"(/assets/(.+))", Access::public_,
               [&assets](const httplib::Request& req, httplib::Response& res) {
                   AssetPath path = parse_asset_path(req.matches[1].str());
                   auto asset = assets.find("web_assets/" + path.logical);
                   if (!asset) {
                       res.status = 404;
                       return;
                   }
                   // Only a name carrying the current hash may be cached forever.
                   bool immutable = !path.hash.empty() && path.hash == asset->hash;
                   send_asset(req, res, *asset, mime_type_for(path.logical), immutable);
               });
}

}  // namespace vitae::http
