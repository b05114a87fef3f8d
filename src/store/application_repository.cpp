#include "store/application_repository.hpp"

#include "store/connection.hpp"
#include "store/statement.hpp"

namespace vitae::store {

namespace {

// The columns read_row() expects, in order; `description` stands for job_description so
// lists can leave the long text out.
std::string columns(std::string_view description) {
    return "id, user_id, company, role, location, job_url, salary, source, status, saved_on, "
           "applied_on, follow_up_on, contacts, notes, " +
           std::string(description) + ", cv_id, tailored_cv_id, created_at, updated_at";
}

ApplicationRow read_row(const Statement& s) {
    ApplicationRow r;
    r.id = s.column_int64(0);
    r.user_id = s.column_int64(1);
    r.company = s.column_text(2);
    r.role = s.column_text(3);
    r.location = s.column_text(4);
    r.job_url = s.column_text(5);
    r.salary = s.column_text(6);
    r.source = s.column_text(7);
    r.status = s.column_text(8);
    r.saved_on = s.column_optional_text(9);
    r.applied_on = s.column_optional_text(10);
    r.follow_up_on = s.column_optional_text(11);
    r.contacts = s.column_text(12);
    r.notes = s.column_text(13);
    r.job_description = s.column_text(14);
    r.cv_id = s.column_optional_int64(15);
    r.tailored_cv_id = s.column_optional_int64(16);
    r.created_at = s.column_int64(17);
    r.updated_at = s.column_int64(18);
    return r;
}

std::vector<ApplicationRow> read_all(Statement& stmt) {
    std::vector<ApplicationRow> rows;
    while (stmt.step())
        rows.push_back(read_row(stmt));
    return rows;
}

}  // namespace

std::int64_t ApplicationRepository::insert(Connection& conn, const ApplicationRow& r,
                                           std::int64_t now) {
    conn.prepare(
            "INSERT INTO applications (user_id, company, role, location, job_url, salary, "
            "source, status, saved_on, applied_on, follow_up_on, contacts, notes, "
            "job_description, cv_id, tailored_cv_id, created_at, updated_at) VALUES (?1, ?2, "
            "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?17)")
        .bind_all(r.user_id, r.company, r.role, r.location, r.job_url, r.salary, r.source, r.status,
                  r.saved_on, r.applied_on, r.follow_up_on, r.contacts, r.notes, r.job_description,
                  r.cv_id, r.tailored_cv_id, now)
        .exec();
    return conn.last_insert_rowid();
}

std::optional<ApplicationRow> ApplicationRepository::find(Connection& conn, std::int64_t user_id,
                                                          std::int64_t id) {
    auto stmt = conn.prepare("SELECT " + columns("job_description") +
                             " FROM applications WHERE id = ?1 AND user_id = ?2");
    stmt.bind_all(id, user_id);
    if (!stmt.step())
        return std::nullopt;
    return read_row(stmt);
}

std::vector<ApplicationRow> ApplicationRepository::list(Connection& conn, std::int64_t user_id,
                                                        bool with_description) {
    auto stmt = conn.prepare("SELECT " + columns(with_description ? "job_description" : "''") +
                             " FROM applications WHERE user_id = ?1 "
                             "ORDER BY updated_at DESC, id DESC");
    stmt.bind_all(user_id);
    return read_all(stmt);
}

bool ApplicationRepository::update(Connection& conn, const ApplicationRow& r, std::int64_t now) {
    return conn.prepare(
                   "UPDATE applications SET company = ?3, role = ?4, location = ?5, job_url = ?6, "
                   "salary = ?7, source = ?8, status = ?9, saved_on = ?10, applied_on = ?11, "
                   "follow_up_on = ?12, contacts = ?13, notes = ?14, job_description = ?15, "
                   "cv_id = ?16, tailored_cv_id = ?17, updated_at = ?18 "
                   "WHERE id = ?1 AND user_id = ?2")
               .bind_all(r.id, r.user_id, r.company, r.role, r.location, r.job_url, r.salary,
                         r.source, r.status, r.saved_on, r.applied_on, r.follow_up_on, r.contacts,
                         r.notes, r.job_description, r.cv_id, r.tailored_cv_id, now)
               .exec() > 0;
}

bool ApplicationRepository::remove(Connection& conn, std::int64_t user_id, std::int64_t id) {
    return conn.prepare("DELETE FROM applications WHERE id = ?1 AND user_id = ?2")
               .bind_all(id, user_id)
               .exec() > 0;
}

void ApplicationRepository::append_event(Connection& conn, std::int64_t application_id,
                                         std::string_view status, std::int64_t at,
                                         std::optional<std::string_view> note) {
    conn.prepare(
            "INSERT INTO application_events (application_id, status, at, note) "
            "VALUES (?1, ?2, ?3, ?4)")
        .bind_all(application_id, status, at, note)
        .exec();
}

std::vector<ApplicationEventRow> ApplicationRepository::events(Connection& conn,
                                                               std::int64_t application_id) {
    auto stmt = conn.prepare(
        "SELECT status, at, note FROM application_events WHERE application_id = ?1 "
        "ORDER BY at, id");
    stmt.bind_all(application_id);
    std::vector<ApplicationEventRow> rows;
    while (stmt.step())
        rows.push_back({stmt.column_text(0), stmt.column_int64(1), stmt.column_optional_text(2)});
    return rows;
}

std::vector<StatusCount> ApplicationRepository::count_by_status(Connection& conn,
                                                                std::int64_t user_id) {
    auto stmt = conn.prepare(
        "SELECT status, count(*) FROM applications WHERE user_id = ?1 GROUP BY status");
    stmt.bind_all(user_id);
    std::vector<StatusCount> rows;
    while (stmt.step())
        rows.push_back({stmt.column_text(0), stmt.column_int64(1)});
    return rows;
}

std::vector<ApplicationRow> ApplicationRepository::follow_ups(Connection& conn,
                                                              std::int64_t user_id,
                                                              std::string_view from,
                                                              std::string_view to) {
    auto stmt =
        conn.prepare("SELECT " + columns("''") +
                     " FROM applications WHERE user_id = ?1 AND follow_up_on BETWEEN ?2 AND ?3 "
                     "AND status NOT IN ('accepted', 'rejected', 'withdrawn') "
                     "ORDER BY follow_up_on, id");
    stmt.bind_all(user_id, from, to);
    return read_all(stmt);
}

}  // namespace vitae::store
