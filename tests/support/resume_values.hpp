#pragma once
// What a rendered CV must show: the values of a JSON Resume fixture cut into the units a
// template shows together (the basics, the summary, one block per entry) in the order it
// shows them, and a check that a rendering (HTML, text, a PDF read back) has them all.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/resume_fixture.hpp"

namespace vitae::test {

// The fixture cut into what each template shows as one unit, in the order it shows them,
// without the fields no template shows.
inline std::vector<Block> value_blocks(const nlohmann::json& resume,
                                       const std::vector<std::string>& section_order) {
    return resume_blocks(shown_part(resume), section_order);
}

// The modern template shows the short lists in its side column, before the main column.
inline const std::vector<std::string> kModernOrder = {
    "skills",    "languages", "interests",    "summary",      "work",       "volunteer",
    "education", "awards",    "certificates", "publications", "references", "projects"};

inline const std::vector<std::string>& section_order_of(const std::string& template_name) {
    return template_name == "modern" ? kModernOrder : kSchemaOrder;
}

}  // namespace vitae::test
