// The README's configuration table is generated from the schema; this keeps them equal.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "core/config_schema.hpp"

TEST_CASE("readme_config_table_matches_the_config_schema") {
    std::ifstream in(VITAE_SOURCE_DIR "/README.md");
    REQUIRE(in);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string readme = ss.str();
    const std::string begin_marker = "-->\n";
    auto begin = readme.find("<!-- config-table");
    auto end = readme.find("<!-- /config-table -->");
    REQUIRE(begin != std::string::npos);
    REQUIRE(end != std::string::npos);
    begin = readme.find(begin_marker, begin) + begin_marker.size();
    INFO("regenerate with: build/vitae config --markdown");
    CHECK(readme.substr(begin, end - begin) == vitae::core::render_config_markdown());
}
