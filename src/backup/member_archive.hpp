#pragma once
// A member's own data as one JSON file: every CV, every application with its status
// history, and (once the review engine lands) reviews. Members take it to another Vitae
// or keep it as a copy; importing it adds to what the member has and never replaces or
// merges anything.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string_view>

namespace vitae::store {
class Database;
}
namespace vitae::cv {
class CvService;
}
namespace vitae::applications {
class ApplicationService;
}

namespace vitae::backup {

inline constexpr std::string_view kMemberArchiveFormat = "vitae-member-data";
inline constexpr int kMemberArchiveVersion = 1;
inline constexpr std::size_t kMaxArchivedCvs = 1000;

struct ImportCounts {
    std::size_t cvs = 0;
    std::size_t applications = 0;
};

class MemberArchive {
  public:
    MemberArchive(store::Database& db, cv::CvService& cvs,
                  applications::ApplicationService& applications);

    // {"format", "version", "exported_at", "cvs": [...], "applications": [...], "reviews": []}
    nlohmann::json export_all(std::int64_t owner);

    // All or nothing, in one transaction: a refusal throws one Error(bad_request) that
    // lists "cvs[N]: ..." / "applications[N]: ..." for every bad item, and nothing is
    // saved. CV links of applications are mapped to the new CVs.
    ImportCounts import_all(std::int64_t owner, const nlohmann::json& archive);

  private:
    store::Database& db_;
    cv::CvService& cvs_;
    applications::ApplicationService& applications_;
};

}  // namespace vitae::backup
