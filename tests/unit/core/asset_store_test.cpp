#include "core/asset_store.hpp"

#include <doctest/doctest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "support/temp_dir.hpp"

namespace vitae::core {
namespace {

namespace fs = std::filesystem;
using test::TempDir;

void write_file(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

std::string gunzip(std::string_view packed) {
    z_stream zs{};
    REQUIRE(inflateInit2(&zs, 15 + 16) == Z_OK);  // 15 + 16: gzip header, not raw zlib
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.data()));
    zs.avail_in = static_cast<uInt>(packed.size());
    std::string out;
    char buf[4096];
    int rc = Z_OK;
    while (rc == Z_OK) {
        zs.next_out = reinterpret_cast<Bytef*>(buf);
        zs.avail_out = sizeof buf;
        rc = inflate(&zs, Z_NO_FLUSH);
        out.append(buf, sizeof buf - zs.avail_out);
    }
    inflateEnd(&zs);
    REQUIRE(rc == Z_STREAM_END);
    return out;
}

bool is_lower_hex(std::string_view s) {
    return s.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

TEST_CASE("sha256_hex_matches_known_digests") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("embedded_store_finds_web_assets_and_templates") {
    auto store = AssetStore::embedded();
    CHECK_FALSE(store.from_disk());

    auto css = store.find("web_assets/css/app.css");
    REQUIRE(css);
    CHECK_FALSE(css->data.empty());
    auto layout = store.find("templates/layout.html");
    REQUIRE(layout);
    CHECK(layout->data.find("<html") != std::string_view::npos);

    CHECK_FALSE(store.find("web_assets/css/missing.css"));
    CHECK_FALSE(store.find("web_assets/css"));
}

TEST_CASE("embedded_asset_hash_is_16_hex_digits_of_the_sha256_of_its_data") {
    auto store = AssetStore::embedded();
    for (const char* path : {"web_assets/css/app.css", "templates/layout.html"}) {
        INFO(path);
        auto asset = store.find(path);
        REQUIRE(asset);
        CHECK(asset->hash.size() == 16);
        CHECK(is_lower_hex(asset->hash));
        CHECK(asset->hash == sha256_hex(asset->data).substr(0, 16));
    }
}

TEST_CASE("url_for_puts_the_content_hash_before_the_extension") {
    auto store = AssetStore::embedded();
    auto css = store.find("web_assets/css/app.css");
    REQUIRE(css);

    CHECK(store.url_for("css/app.css") == "/assets/css/app." + std::string(css->hash) + ".css");
}

TEST_CASE("url_for_an_unknown_file_is_the_plain_asset_path") {
    auto store = AssetStore::embedded();
    CHECK(store.url_for("css/missing.css") == "/assets/css/missing.css");
}

TEST_CASE("embedded_store_rejects_parent_references_and_absolute_paths") {
    auto store = AssetStore::embedded();
    CHECK_FALSE(store.find("../templates/layout.html"));
    CHECK_FALSE(store.find("web_assets/../templates/layout.html"));
    CHECK_FALSE(store.find("/templates/layout.html"));
    CHECK_FALSE(store.find(""));
}

TEST_CASE("directory_store_rejects_paths_leaving_its_root") {
    TempDir tmp;
    write_file(tmp / "secret.txt", "secret");
    write_file(tmp / "root" / "web_assets" / "a.css", "a{}");
    auto store = AssetStore::from_directory(tmp / "root");

    CHECK(store.find("web_assets/a.css"));
    CHECK_FALSE(store.find("../secret.txt"));
    CHECK_FALSE(store.find("web_assets/../../secret.txt"));
    CHECK_FALSE(store.find((tmp / "secret.txt").string()));
}

TEST_CASE("directory_store_reads_edits_without_a_restart") {
    TempDir tmp;
    auto store = AssetStore::from_directory(tmp.path());
    CHECK(store.from_disk());
    auto file = tmp / "web_assets" / "css" / "app.css";
    write_file(file, "body{color:red}");

    auto first = store.find("web_assets/css/app.css");
    REQUIRE(first);
    CHECK(first->data == "body{color:red}");
    CHECK(first->hash == sha256_hex("body{color:red}").substr(0, 16));
    CHECK(first->gzip.empty());
    auto first_url = store.url_for("css/app.css");
    CHECK(first_url == "/assets/css/app." + std::string(first->hash) + ".css");

    write_file(file, "body{color:blue}");
    auto second = store.find("web_assets/css/app.css");
    REQUIRE(second);
    CHECK(second->data == "body{color:blue}");
    CHECK(second->hash == sha256_hex("body{color:blue}").substr(0, 16));
    CHECK(store.url_for("css/app.css") != first_url);

    // The first read's bytes are owned by the asset, not by the file.
    CHECK(first->data == "body{color:red}");
}

TEST_CASE("directory_store_finds_no_directories_or_missing_files") {
    TempDir tmp;
    fs::create_directories(tmp / "web_assets" / "css");
    auto store = AssetStore::from_directory(tmp.path());

    CHECK_FALSE(store.find("web_assets/css"));
    CHECK_FALSE(store.find("web_assets/css/none.css"));
}

TEST_CASE("embedded_gzip_copy_decompresses_to_the_asset_data") {
    auto store = AssetStore::embedded();
    // app.css is large, repetitive text: compression always pays for it.
    auto css = store.find("web_assets/css/app.css");
    REQUIRE(css);
    REQUIRE_FALSE(css->gzip.empty());
    CHECK(css->gzip.size() < css->data.size());
    CHECK(gunzip(css->gzip) == css->data);

    for (const char* path : {"templates/layout.html", "web_assets/js/app.js"}) {
        INFO(path);
        auto asset = store.find(path);
        REQUIRE(asset);
        if (!asset->gzip.empty())
            CHECK(gunzip(asset->gzip) == asset->data);
    }
}

}  // namespace
}  // namespace vitae::core
