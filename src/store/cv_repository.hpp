#pragma once
// SQL for CVs. Every query is scoped to the owning user: a CV of somebody else is simply
// not there.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vitae::store {

class Connection;

struct CvRow {
    std::int64_t id = 0;
    std::int64_t user_id = 0;
    std::string title;
    std::string template_name;
    std::string language;
    std::optional<std::int64_t> parent_id;
    std::string body;  // JSON Resume text; empty in list() rows
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;
};

struct NewCvRow {
    std::int64_t user_id = 0;
    std::string_view title;
    std::string_view template_name;
    std::string_view language;
    std::optional<std::int64_t> parent_id;
    std::string_view body;
};

class CvRepository {
  public:
    static std::int64_t insert(Connection& conn, const NewCvRow& cv, std::int64_t now);
    static std::optional<CvRow> find(Connection& conn, std::int64_t user_id, std::int64_t id);
    // The user's CVs without their bodies, most recently updated first.
    static std::vector<CvRow> list(Connection& conn, std::int64_t user_id);
    // Title, template, language and body of the user's CV; false when there is none.
    static bool update(Connection& conn, const CvRow& cv, std::int64_t now);
    static bool remove(Connection& conn, std::int64_t user_id, std::int64_t id);
};

}  // namespace vitae::store
