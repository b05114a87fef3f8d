#pragma once
// SQL for job applications and their status history. Every query taking a user id is
// scoped to that owner: another member's application is simply not there.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vitae::store {

class Connection;

struct ApplicationRow {
    std::int64_t id = 0;
    std::int64_t user_id = 0;
    std::string company;
    std::string role;
    std::string location;
    std::string job_url;
    std::string salary;
    std::string source;
    std::string status = "saved";
    std::optional<std::string> saved_on;  // YYYY-MM-DD
    std::optional<std::string> applied_on;
    std::optional<std::string> follow_up_on;
    std::string contacts = "[]";  // JSON array text
    std::string notes;
    std::string job_description;  // empty in list(..., false) rows
    std::optional<std::int64_t> cv_id;
    std::optional<std::int64_t> tailored_cv_id;
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;
};

struct ApplicationEventRow {
    std::string status;
    std::int64_t at = 0;
    std::optional<std::string> note;
};

struct StatusCount {
    std::string status;
    std::int64_t count = 0;
};

class ApplicationRepository {
  public:
    // Inserts row (its id is ignored) and returns the new id.
    static std::int64_t insert(Connection& conn, const ApplicationRow& row, std::int64_t now);
    static std::optional<ApplicationRow> find(Connection& conn, std::int64_t user_id,
                                              std::int64_t id);
    // The user's applications, most recently updated first; job descriptions only when
    // with_description (they can be long and a list does not show them).
    static std::vector<ApplicationRow> list(Connection& conn, std::int64_t user_id,
                                            bool with_description);
    // Every field but id, user_id and created_at; false when the user has no such row.
    static bool update(Connection& conn, const ApplicationRow& row, std::int64_t now);
    static bool remove(Connection& conn, std::int64_t user_id, std::int64_t id);

    static void append_event(Connection& conn, std::int64_t application_id, std::string_view status,
                             std::int64_t at, std::optional<std::string_view> note);
    // Oldest first.
    static std::vector<ApplicationEventRow> events(Connection& conn, std::int64_t application_id);

    static std::vector<StatusCount> count_by_status(Connection& conn, std::int64_t user_id);
    // The user's open applications (not accepted, rejected or withdrawn) with a follow-up
    // date in [from, to] (YYYY-MM-DD), soonest first, without job descriptions.
    static std::vector<ApplicationRow> follow_ups(Connection& conn, std::int64_t user_id,
                                                  std::string_view from, std::string_view to);
};

}  // namespace vitae::store
