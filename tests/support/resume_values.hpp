#pragma once
// What a rendered CV must show: the values of a JSON Resume fixture cut into the units a
// template shows together (the basics, the summary, one block per entry) in the order it
// shows them, and a check that a rendering (HTML, text, a PDF read back) has them all.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace vitae::test {

inline nlohmann::json resume_fixture(const std::string& name) {
    std::ifstream in(VITAE_SOURCE_DIR "/tests/fixtures/resume/" + name);
    REQUIRE_MESSAGE(in, "missing fixture " << name);
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

// Fields no template shows: unknown "x-…" extensions and the picture (cv/cv_view.hpp).
inline bool shown_field(const std::string& key) {
    return key != "image" && key.rfind("x-", 0) != 0;
}

// Every shown string under `doc`, one per line of text (multi-line summaries become
// paragraphs).
inline void collect_values(const nlohmann::json& doc, std::vector<std::string>& out) {
    if (doc.is_object()) {
        for (const auto& [key, value] : doc.items()) {
            if (shown_field(key))
                collect_values(value, out);
        }
        return;
    }
    if (doc.is_array()) {
        for (const auto& item : doc)
            collect_values(item, out);
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

struct ValueBlock {
    std::string name;
    std::vector<std::string> values;
};

inline ValueBlock value_block(std::string name, const nlohmann::json& doc) {
    ValueBlock block{std::move(name), {}};
    collect_values(doc, block.values);
    return block;
}

// The fixture cut into what each template shows as one unit, in the order it shows them:
// the basics, the summary, then one block per section entry.
inline std::vector<ValueBlock> value_blocks(const nlohmann::json& resume,
                                            const std::vector<std::string>& section_order) {
    nlohmann::json basics = resume["basics"];
    nlohmann::json summary = basics["summary"];
    basics.erase("summary");
    std::vector<ValueBlock> out{value_block("basics", basics)};
    for (const auto& key : section_order) {
        if (key == "summary") {
            out.push_back(value_block("summary", summary));
            continue;
        }
        if (!resume.contains(key))
            continue;
        for (std::size_t i = 0; i < resume[key].size(); ++i)
            out.push_back(value_block(key + "[" + std::to_string(i) + "]", resume[key][i]));
    }
    return out;
}

inline const std::vector<std::string> kSchemaOrder = {
    "summary",      "work",   "volunteer", "education", "awards",     "certificates",
    "publications", "skills", "languages", "interests", "references", "projects"};

// The modern template shows the short lists in its side column, before the main column.
inline const std::vector<std::string> kModernOrder = {
    "skills",    "languages", "interests",    "summary",      "work",       "volunteer",
    "education", "awards",    "certificates", "publications", "references", "projects"};

inline const std::vector<std::string>& section_order_of(const std::string& template_name) {
    return template_name == "modern" ? kModernOrder : kSchemaOrder;
}

// Each block's values all appear after everything of the blocks before it.
inline void check_in_order(const std::string& out, const std::vector<ValueBlock>& blocks,
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
