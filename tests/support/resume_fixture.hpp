#pragma once
// JSON Resume fixtures (tests/fixtures/resume/) and a way to put hostile text in every field.
#include <doctest/doctest.h>

#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

namespace vitae::test {

// tests/fixtures/resume/<name>, parsed.
inline nlohmann::json resume_fixture(const std::string& name = "every_section.json") {
    std::ifstream in(std::string(VITAE_SOURCE_DIR "/tests/fixtures/resume/") + name);
    REQUIRE(in);
    return nlohmann::json::parse(in);
}

// A copy of `doc` with every string, at any depth, replaced by `replace(old)`.
inline nlohmann::json map_strings(
    const nlohmann::json& doc, const std::function<nlohmann::json(const std::string&)>& replace) {
    if (doc.is_string())
        return replace(doc.get<std::string>());
    nlohmann::json out = doc;
    if (doc.is_structured()) {
        for (auto it = out.begin(); it != out.end(); ++it)
            *it = map_strings(*it, replace);
    }
    return out;
}

}  // namespace vitae::test
