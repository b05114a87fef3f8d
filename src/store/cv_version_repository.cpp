#include "store/cv_version_repository.hpp"

#include "store/connection.hpp"
#include "store/statement.hpp"

namespace vitae::store {

std::int64_t CvVersionRepository::append(Connection& conn, std::int64_t cv_id,
                                         std::string_view title, std::string_view body,
                                         std::int64_t now) {
    // Numbers keep counting after pruning, so "version 7" never names two different saves.
    auto stmt = conn.prepare(
        "INSERT INTO cv_versions (cv_id, number, title, body, created_at) "
        "VALUES (?1, (SELECT coalesce(max(number), 0) + 1 FROM cv_versions WHERE cv_id = ?1), "
        "?2, ?3, ?4) RETURNING number");
    stmt.bind_all(cv_id, title, body, now);
    stmt.step();
    auto number = stmt.column_int64(0);
    stmt.exec();
    return number;
}

std::vector<CvVersionRow> CvVersionRepository::list(Connection& conn, std::int64_t cv_id) {
    auto stmt = conn.prepare(
        "SELECT number, title, created_at FROM cv_versions WHERE cv_id = ?1 "
        "ORDER BY number DESC");
    stmt.bind_all(cv_id);
    std::vector<CvVersionRow> rows;
    while (stmt.step())
        rows.push_back({stmt.column_int64(0), stmt.column_text(1), "", stmt.column_int64(2)});
    return rows;
}

std::optional<CvVersionRow> CvVersionRepository::find(Connection& conn, std::int64_t cv_id,
                                                      std::int64_t number) {
    auto stmt = conn.prepare(
        "SELECT number, title, body, created_at FROM cv_versions "
        "WHERE cv_id = ?1 AND number = ?2");
    stmt.bind_all(cv_id, number);
    if (!stmt.step())
        return std::nullopt;
    return CvVersionRow{stmt.column_int64(0), stmt.column_text(1), stmt.column_text(2),
                        stmt.column_int64(3)};
}

std::int64_t CvVersionRepository::prune(Connection& conn, std::int64_t cv_id, std::int64_t keep) {
    return conn
        .prepare(
            "DELETE FROM cv_versions WHERE cv_id = ?1 AND number <= "
            "(SELECT max(number) FROM cv_versions WHERE cv_id = ?1) - ?2")
        .bind_all(cv_id, keep)
        .exec();
}

}  // namespace vitae::store
