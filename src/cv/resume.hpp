#pragma once
// A CV body: a JSON Resume document (https://jsonresume.org/schema) kept as parsed JSON,
// so fields Vitae does not know survive every save untouched. Validation reports
// problems field by field but never refuses a draft; only what cannot be stored at all
// is refused.
#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace vitae::cv {

// Larger bodies are refused: a CV this big is a mistake or an attack, and every save
// keeps a copy as a version.
inline constexpr std::size_t kMaxResumeBytes = 1024 * 1024;

struct Problem {
    std::string path;  // e.g. "work[0].startDate"
    std::string message;

    bool operator==(const Problem&) const = default;
};

// Throws vitae::Error(bad_request) when the body is not a JSON object or is larger than
// kMaxResumeBytes once serialised. (nlohmann::json already refuses invalid UTF-8.)
void check_storable(const nlohmann::json& resume);

// Field-level problems of a draft: dates that are not YYYY, YYYY-MM or YYYY-MM-DD, URLs
// that are not http(s), malformed emails, and known fields of the wrong type. Empty
// strings count as "not filled in yet", not as problems: forms send them.
std::vector<Problem> validate(const nlohmann::json& resume);

nlohmann::json to_json(const std::vector<Problem>& problems);

// local@domain.tld, as people write addresses on a CV; not the full RFC 5322 grammar.
bool is_email(std::string_view s);

// A BCP 47 tag as people write them ("en", "pt-BR", "sr-Latn"); not the full grammar.
bool is_language_tag(std::string_view tag);

}  // namespace vitae::cv
