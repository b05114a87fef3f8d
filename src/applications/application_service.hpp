#pragma once
// A member's job applications: create, read, edit, move through statuses (each change kept
// as a dated event), tailor a CV for one, delete, import many at once. Every call is
// scoped to the owner: another member's application is "not found", for admins too.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"

namespace vitae::store {
class Connection;
class Database;
struct ApplicationRow;
}  // namespace vitae::store

namespace vitae::cv {
class CvService;
}

namespace vitae::applications {

// In the order an application usually moves through them (the board's columns).
inline constexpr std::array<std::string_view, 7> kStatuses = {
    "saved", "applied", "interviewing", "offer", "accepted", "rejected", "withdrawn"};

bool is_status(std::string_view status);

struct Contact {
    std::string name{};
    std::string email{};
    std::string phone{};
    std::string role{};  // "recruiter", "hiring manager"...
};

struct StatusEvent {
    std::string status{};
    std::int64_t at = 0;  // unix seconds
    std::optional<std::string> note{};
};

struct Application {
    std::int64_t id = 0;
    std::string company{};
    std::string role{};
    std::string location{};
    std::string job_url{};
    std::string salary{};  // free text: "60-70k EUR"
    std::string source{};  // where the job was found
    std::string status{};
    std::optional<std::string> saved_on{};  // YYYY-MM-DD
    std::optional<std::string> applied_on{};
    std::optional<std::string> follow_up_on{};
    std::vector<Contact> contacts{};
    std::string notes{};
    std::string job_description{};                 // empty in list() results
    std::optional<std::int64_t> cv_id{};           // the CV sent
    std::optional<std::int64_t> tailored_cv_id{};  // the copy made for this job
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;
    std::vector<StatusEvent> events{};  // oldest first; empty in list() results
};

// What a create or an edit sets; what is not given stays as it was (create: empty). An
// empty date clears it; a cv_id holding nullopt clears the link.
struct ApplicationInput {
    std::optional<std::string> company{};
    std::optional<std::string> role{};
    std::optional<std::string> location{};
    std::optional<std::string> job_url{};
    std::optional<std::string> salary{};
    std::optional<std::string> source{};
    std::optional<std::string> status{};
    std::optional<std::string> saved_on{};
    std::optional<std::string> applied_on{};
    std::optional<std::string> follow_up_on{};
    std::optional<std::vector<Contact>> contacts{};
    std::optional<std::string> notes{};
    std::optional<std::string> job_description{};
    std::optional<std::optional<std::int64_t>> cv_id{};
};

// One application of an import, with the row it came from (for the error messages).
struct ImportRow {
    std::size_t row = 0;
    ApplicationInput input{};
};

struct Dashboard {
    std::vector<std::pair<std::string, std::int64_t>> counts;  // every status, in order
    std::int64_t total = 0;
    std::vector<Application> follow_ups;  // due within 7 days, overdue ones included
};

// The most applications one CSV import may hold.
inline constexpr std::size_t kMaxImportRows = 5000;

class ApplicationService {
  public:
    ApplicationService(store::Database& db, cv::CvService& cvs, core::UnixClock clock);

    // Most recently updated first, without job descriptions and events.
    std::vector<Application> list(std::int64_t owner);
    // Everything, job descriptions included, for the CSV export.
    std::vector<Application> export_all(std::int64_t owner);
    // Throws Error(not_found) unless the owner has this application; so do all calls
    // taking an id.
    Application get(std::int64_t owner, std::int64_t id);
    // Company and role are required. Throws Error(bad_request) naming the field for an
    // unknown status, a date that is not YYYY-MM-DD, a URL that is not http(s), text that
    // is too long or not UTF-8, or a cv_id that is not one of the owner's CVs. The status
    // (default saved) is the first event; saved_on defaults to today.
    Application create(std::int64_t owner, const ApplicationInput& input);
    // A changed status appends an event in the same transaction.
    Application update(std::int64_t owner, std::int64_t id, const ApplicationInput& input);
    // Moving to "applied" without an applied_on date sets it to today.
    Application set_status(std::int64_t owner, std::int64_t id, const std::string& status,
                           std::optional<std::string> note = std::nullopt);
    // Copies the owner's CV `cv_id` (CvService::duplicate, titled "<title> for <company>")
    // and links the copy as the application's tailored CV. Returns the application.
    Application tailor(std::int64_t owner, std::int64_t id, std::int64_t cv_id);
    void remove(std::int64_t owner, std::int64_t id);

    // All or nothing, in one transaction: any refusal throws one Error(bad_request)
    // listing "row N: message" for each bad row, and nothing is saved. At most
    // kMaxImportRows. Returns the number created.
    std::size_t import_all(std::int64_t owner, const std::vector<ImportRow>& rows);

    Dashboard dashboard(std::int64_t owner);
    // Today in UTC, YYYY-MM-DD, by the service's clock.
    std::string today() const;

  private:
    store::ApplicationRow owned(store::Connection& conn, std::int64_t owner, std::int64_t id);
    void apply(store::Connection& conn, std::int64_t owner, const ApplicationInput& input,
               store::ApplicationRow& row);
    std::int64_t insert(store::Connection& conn, std::int64_t owner, const ApplicationInput& input);
    Application save(store::Connection& conn, store::ApplicationRow row,
                     std::optional<std::string> note);

    store::Database& db_;
    cv::CvService& cvs_;
    core::UnixClock clock_;
};

}  // namespace vitae::applications
