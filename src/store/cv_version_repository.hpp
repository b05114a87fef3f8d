#pragma once
// SQL for the saved versions of a CV. Callers check the CV's owner first (CvRepository).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vitae::store {

class Connection;

struct CvVersionRow {
    std::int64_t number = 0;
    std::string title;
    std::string body;  // empty in list() rows
    std::int64_t created_at = 0;
};

class CvVersionRepository {
  public:
    // Appends the next version (1 for the first) and returns its number.
    static std::int64_t append(Connection& conn, std::int64_t cv_id, std::string_view title,
                               std::string_view body, std::int64_t now);
    // Newest first, without bodies.
    static std::vector<CvVersionRow> list(Connection& conn, std::int64_t cv_id);
    static std::optional<CvVersionRow> find(Connection& conn, std::int64_t cv_id,
                                            std::int64_t number);
    // Deletes all but the `keep` newest versions; returns how many went.
    static std::int64_t prune(Connection& conn, std::int64_t cv_id, std::int64_t keep);
};

}  // namespace vitae::store
