#pragma once
// What the CV tests share: the JSON Resume fixtures, the templates as the binary embeds
// them, and a way to plant a hostile string in every field.
#include <doctest/doctest.h>

#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "core/asset_store.hpp"
#include "web/views.hpp"

namespace vitae::test {

// tests/fixtures/resume/<name>.json, e.g. "rich" or "every_section".
inline nlohmann::json resume_fixture(const std::string& name) {
    std::ifstream in(VITAE_SOURCE_DIR "/tests/fixtures/resume/" + name + ".json");
    REQUIRE_MESSAGE(in, "missing fixture " << name);
    return nlohmann::json::parse(in);
}

// The views over the embedded templates, as the server renders them.
inline const web::Views& embedded_views() {
    static const auto assets = core::AssetStore::embedded();
    static const web::Views instance(assets, "test");
    return instance;
}

// A copy of `doc` with every string, at any depth, replaced by `replace(old)`.
inline nlohmann::json map_strings(
    const nlohmann::json& doc, const std::function<nlohmann::json(const std::string&)>& replace) {
    if (doc.is_string())
        return replace(doc.get<std::string>());
    auto out = doc;
    if (doc.is_structured()) {
        for (auto it = out.begin(); it != out.end(); ++it)
            *it = map_strings(*it, replace);
    }
    return out;
}

}  // namespace vitae::test
