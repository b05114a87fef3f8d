#pragma once
// SQL for CV share links and their password grants. Tokens and grants are stored only as
// SHA-256 hashes; whether a link still works (revoked, expired) is the service's call.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vitae::store {

class Connection;

struct CvShareRow {
    std::int64_t id = 0;
    std::int64_t cv_id = 0;
    std::int64_t owner_id = 0;  // the CV's user, joined in
    std::string name;
    std::optional<std::string> password_hash;
    std::int64_t created_at = 0;
    std::optional<std::int64_t> expires_at;
    std::optional<std::int64_t> revoked_at;
    std::int64_t view_count = 0;
    std::optional<std::int64_t> last_viewed_at;
};

struct NewCvShareRow {
    std::int64_t cv_id = 0;
    std::string_view name;
    std::string_view token_hash;
    std::optional<std::string> password_hash;
    std::optional<std::int64_t> expires_at;
};

class CvShareRepository {
  public:
    static std::int64_t insert(Connection& conn, const NewCvShareRow& share, std::int64_t now);
    // The link with this token hash, revoked and expired ones included.
    static std::optional<CvShareRow> find_by_token_hash(Connection& conn,
                                                        std::string_view token_hash);
    // Every link of the CV, newest first.
    static std::vector<CvShareRow> list_for_cv(Connection& conn, std::int64_t cv_id);
    // Returns false when the CV has no such unrevoked link. Its grants go with it.
    static bool revoke(Connection& conn, std::int64_t cv_id, std::int64_t id, std::int64_t now);
    static void record_view(Connection& conn, std::int64_t id, std::int64_t now);

    // Stores a grant's hash for the link, dropping the link's grants that have run out.
    static void insert_grant(Connection& conn, std::int64_t share_id, std::string_view grant_hash,
                             std::int64_t expires_at, std::int64_t now);
    // True when the grant was issued for this link and has not run out.
    static bool grant_valid(Connection& conn, std::int64_t share_id, std::string_view grant_hash,
                            std::int64_t now);
};

}  // namespace vitae::store
