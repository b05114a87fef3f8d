#pragma once
// The JSON Resume fixtures and the checks every CV renderer's test shares: that each value
// a reader sees comes out, in the order the templates show them.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace vitae::test {

// tests/fixtures/resume/<name>.
inline nlohmann::json resume_fixture(const std::string& name) {
    std::ifstream in(VITAE_SOURCE_DIR "/tests/fixtures/resume/" + name);
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

// `resume` without what no renderer shows: $schema and meta describe the file, basics.image
// is never fetched, and x-… fields are the author's own extensions.
inline nlohmann::json shown_part(const nlohmann::json& resume) {
    if (!resume.is_structured())
        return resume;
    nlohmann::json out = resume.is_object() ? nlohmann::json::object() : nlohmann::json::array();
    for (auto it = resume.begin(); it != resume.end(); ++it) {
        if (resume.is_array()) {
            out.push_back(shown_part(*it));
            continue;
        }
        const auto& key = it.key();
        if (key == "$schema" || key == "meta" || key == "image" || key.rfind("x-", 0) == 0)
            continue;
        out[key] = shown_part(*it);
    }
    return out;
}

// Every string under `doc`, one per line of text (multi-line summaries become paragraphs).
inline void collect_strings(const nlohmann::json& doc, std::vector<std::string>& out) {
    if (doc.is_structured()) {
        for (const auto& item : doc)
            collect_strings(item, out);
        return;
    }
    if (!doc.is_string())
        return;
    std::string text = doc.get<std::string>();
    for (std::size_t start = 0; start <= text.size();) {
        auto end = std::min(text.find('\n', start), text.size());
        if (end > start)
            out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
}

struct Block {
    std::string name;
    std::vector<std::string> values;
};

inline Block block_of(std::string name, const nlohmann::json& doc) {
    Block block{std::move(name), {}};
    collect_strings(doc, block.values);
    return block;
}

// The resume cut into what each template shows as one unit, in the order it shows them:
// the basics, the summary, then one block per section entry.
inline std::vector<Block> resume_blocks(const nlohmann::json& resume,
                                        const std::vector<std::string>& section_order) {
    nlohmann::json basics = resume["basics"];
    nlohmann::json summary = basics["summary"];
    basics.erase("summary");
    std::vector<Block> out{block_of("basics", basics)};
    for (const auto& key : section_order) {
        if (key == "summary") {
            out.push_back(block_of("summary", summary));
            continue;
        }
        if (!resume.contains(key))
            continue;
        for (std::size_t i = 0; i < resume[key].size(); ++i)
            out.push_back(block_of(key + "[" + std::to_string(i) + "]", resume[key][i]));
    }
    return out;
}

// Documents a renderer must take without throwing: not objects, every string of `fixture`
// turned into another type, wrong types inside entries. [7] has one work entry named
// "Acme" and a string for basics; [8] a skill "Go" with keyword "fast", an education at
// "KTH" and a string for basics.location.
inline std::vector<nlohmann::json> wrong_typed_resumes(const nlohmann::json& fixture) {
    using nlohmann::json;
    auto all = [&](const json& value) {
        return map_strings(fixture, [&](const std::string&) { return value; });
    };
    return {
        json(),
        json::array({1, 2}),
        json("a string"),
        json::object(),
        all(json(42)),
        all(json::array({"x"})),
        all(json::object({{"a", "b"}})),
        json{{"basics", "Zoë"}, {"work", {1, "x", nullptr, {{"position", 7}, {"name", "Acme"}}}}},
        json{{"basics", {{"location", "Paris"}, {"profiles", {{"network", 1}}}}},
             {"skills", {{{"name", "Go"}, {"keywords", {"fast", 3, nullptr}}}}},
             {"education", {{{"institution", "KTH"}, {"courses", "not a list"}}}}},
    };
}

inline const std::vector<std::string> kSchemaOrder = {
    "summary",      "work",   "volunteer", "education", "awards",     "certificates",
    "publications", "skills", "languages", "interests", "references", "projects"};

// Each block's values all appear after everything of the blocks before it.
inline void check_in_order(const std::string& out, const std::vector<Block>& blocks,
                           const std::function<std::string(const std::string&)>& shown) {
    std::size_t cursor = 0;
    for (const auto& block : blocks) {
        std::size_t end = cursor;
        for (const auto& value : block.values) {
            auto expected = shown(value);
            auto pos = out.find(expected, cursor);
            INFO(block.name << ": " << expected);
            REQUIRE(pos != std::string::npos);
            end = std::max(end, pos + expected.size());
        }
        cursor = end;
    }
}

}  // namespace vitae::test
