#pragma once
// SQL for the originals of CV imports. Every lookup is scoped to the owning user: an
// upload of somebody else is simply not there.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vitae::store {

class Connection;

struct UploadRow {
    std::int64_t id = 0;
    std::int64_t user_id = 0;
    std::string sha256;  // lowercase hex; names the file
    std::int64_t size = 0;
    std::string media_type;
    std::string kind;           // pdf, docx, json, text
    std::string original_name;  // for display and download names only
    std::optional<std::int64_t> cv_id;
    std::int64_t created_at = 0;
};

class UploadRepository {
  public:
    // Takes every field but id (and cv_id, which starts NULL); returns the new id.
    static std::int64_t insert(Connection& conn, const UploadRow& upload);
    static std::optional<UploadRow> find(Connection& conn, std::int64_t user_id, std::int64_t id);
    // The newest upload saved as this CV of this user.
    static std::optional<UploadRow> find_by_cv(Connection& conn, std::int64_t user_id,
                                               std::int64_t cv_id);
    // Links an unsaved upload to the CV made from it; false when it is not the user's or
    // is linked already.
    static bool link_cv(Connection& conn, std::int64_t user_id, std::int64_t id,
                        std::int64_t cv_id);
    // Deletes rows without a CV created before `cutoff`; returns the hashes they named.
    static std::vector<std::string> delete_unsaved_before(Connection& conn, std::int64_t cutoff);
    static bool hash_in_use(Connection& conn, std::string_view sha256);
};

}  // namespace vitae::store
