#pragma once
// A member's CVs: create, read, save (every save keeps a version), compare and restore
// versions, duplicate, delete. Every call is scoped to the owner: another member's CV is
// "not found", for admins too.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "cv/resume_diff.hpp"

namespace vitae::store {
class Connection;
class Database;
struct CvRow;
}  // namespace vitae::store

namespace vitae::cv {

struct Cv {
    std::int64_t id = 0;
    std::string title;
    std::string template_name;
    std::string language;
    std::optional<std::int64_t> parent_id;  // the CV this one was duplicated from
    nlohmann::json resume;                  // null in list() results
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;
};

struct NewCv {
    std::string title;
    std::string template_name = "classic";
    std::string language = "en";
    nlohmann::json resume = nlohmann::json::object();
};

// What a save changes; what is not given stays as it was.
struct CvChanges {
    std::optional<std::string> title{};
    std::optional<std::string> template_name{};
    std::optional<std::string> language{};
    std::optional<nlohmann::json> resume{};
};

struct CvVersion {
    std::int64_t number = 0;
    std::string title;
    std::int64_t created_at = 0;
};

class CvService {
  public:
    // keep_versions: CV_VERSIONS_KEEP, the versions kept per CV.
    CvService(store::Database& db, core::UnixClock clock, int keep_versions);

    std::vector<Cv> list(std::int64_t owner);
    // Throws Error(not_found) unless the owner has this CV; so do all calls taking an id.
    Cv get(std::int64_t owner, std::int64_t id);
    // Throws Error(bad_request) for an empty or over-long title, an unknown template or
    // language tag, or a résumé check_storable() refuses. Version 1 is the created CV.
    Cv create(std::int64_t owner, const NewCv& cv);
    // create() inside the caller's write transaction, for imports that must land whole or
    // not at all. Returns the new id.
    std::int64_t create_in(store::Connection& conn, std::int64_t owner, const NewCv& cv);
    Cv update(std::int64_t owner, std::int64_t id, const CvChanges& changes);
    // Newest first.
    std::vector<CvVersion> versions(std::int64_t owner, std::int64_t id);
    // Per-field changes from version `from` to version `to`, over {"title", "resume"}.
    // Error(bad_request) when either number is not positive.
    std::vector<FieldChange> diff(std::int64_t owner, std::int64_t id, std::int64_t from,
                                  std::int64_t to);
    // Saves version `number`'s title and résumé as the CV's newest version.
    Cv restore(std::int64_t owner, std::int64_t id, std::int64_t number);
    // A new CV with the same content whose parent_id is `id`.
    Cv duplicate(std::int64_t owner, std::int64_t id);
    void remove(std::int64_t owner, std::int64_t id);

  private:
    store::CvRow owned(store::Connection& conn, std::int64_t owner, std::int64_t id);
    Cv save(store::Connection& conn, store::CvRow row);

    store::Database& db_;
    core::UnixClock clock_;
    int keep_versions_;
};

}  // namespace vitae::cv
