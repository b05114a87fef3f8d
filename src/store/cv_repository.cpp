#include "store/cv_repository.hpp"

#include "store/connection.hpp"
#include "store/statement.hpp"

namespace vitae::store {

namespace {

CvRow read_row(const Statement& s) {
    return {s.column_int64(0), s.column_int64(1), s.column_text(2),
            s.column_text(3),  s.column_text(4),  s.column_optional_int64(5),
            s.column_text(6),  s.column_int64(7), s.column_int64(8)};
}

}  // namespace

std::int64_t CvRepository::insert(Connection& conn, const NewCvRow& cv, std::int64_t now) {
    conn.prepare(
            "INSERT INTO cvs (user_id, title, template, language, parent_id, body, created_at, "
            "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)")
        .bind_all(cv.user_id, cv.title, cv.template_name, cv.language, cv.parent_id, cv.body, now)
        .exec();
    return conn.last_insert_rowid();
}

std::optional<CvRow> CvRepository::find(Connection& conn, std::int64_t user_id, std::int64_t id) {
    auto stmt = conn.prepare(
        "SELECT id, user_id, title, template, language, parent_id, body, created_at, updated_at "
        "FROM cvs WHERE id = ?1 AND user_id = ?2");
    stmt.bind_all(id, user_id);
    if (!stmt.step())
        return std::nullopt;
    return read_row(stmt);
}

std::vector<CvRow> CvRepository::list(Connection& conn, std::int64_t user_id) {
    auto stmt = conn.prepare(
        "SELECT id, user_id, title, template, language, parent_id, '', created_at, updated_at "
        "FROM cvs WHERE user_id = ?1 ORDER BY updated_at DESC, id DESC");
    stmt.bind_all(user_id);
    std::vector<CvRow> rows;
    while (stmt.step())
        rows.push_back(read_row(stmt));
    return rows;
}

bool CvRepository::update(Connection& conn, const CvRow& cv, std::int64_t now) {
    return conn.prepare(
                   "UPDATE cvs SET title = ?3, template = ?4, language = ?5, body = ?6, "
                   "updated_at = ?7 WHERE id = ?1 AND user_id = ?2")
               .bind_all(cv.id, cv.user_id, cv.title, cv.template_name, cv.language, cv.body, now)
               .exec() > 0;
}

bool CvRepository::remove(Connection& conn, std::int64_t user_id, std::int64_t id) {
    return conn.prepare("DELETE FROM cvs WHERE id = ?1 AND user_id = ?2")
               .bind_all(id, user_id)
               .exec() > 0;
}

}  // namespace vitae::store
