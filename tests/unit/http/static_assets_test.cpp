#include "http/static_assets.hpp"

#include <doctest/doctest.h>

namespace vitae::http {
namespace {

TEST_CASE("mime_type_for_names_text_types_with_utf8_charset") {
    CHECK(mime_type_for("css/app.css") == "text/css; charset=utf-8");
    CHECK(mime_type_for("js/app.js") == "text/javascript; charset=utf-8");
}

TEST_CASE("mime_type_for_svg_is_image_svg_xml") {
    CHECK(mime_type_for("icons/favicon.svg") == "image/svg+xml");
}

TEST_CASE("mime_type_for_matches_the_whole_extension") {
    CHECK(mime_type_for("data/resume.json") == "application/json");
    CHECK(mime_type_for("js/app.js.map") == "application/octet-stream");
}

TEST_CASE("mime_type_for_an_unknown_or_missing_extension_is_octet_stream") {
    CHECK(mime_type_for("files/archive.xyz") == "application/octet-stream");
    CHECK(mime_type_for("LICENSE") == "application/octet-stream");
    CHECK(mime_type_for("") == "application/octet-stream");
}

}  // namespace
}  // namespace vitae::http
