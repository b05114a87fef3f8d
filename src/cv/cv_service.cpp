#include "cv/cv_service.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>

#include "core/error.hpp"
#include "core/utf8.hpp"
#include "cv/resume.hpp"
#include "store/cv_repository.hpp"
#include "store/cv_version_repository.hpp"
#include "store/database.hpp"

namespace vitae::cv {

namespace {

constexpr std::array<std::string_view, 3> kTemplates = {"classic", "modern", "ats"};
constexpr std::size_t kMaxTitle = 200;

[[noreturn]] void refuse(const std::string& message) {
    throw Error(ErrorCode::bad_request, message);
}

std::string normalize_title(std::string_view title) {
    auto first = title.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        refuse("Give the CV a title.");
    title = title.substr(first, title.find_last_not_of(" \t\r\n") - first + 1);
    auto length = core::utf8_code_points(title);
    if (!length)
        refuse("The title is not UTF-8 text.");
    if (*length > kMaxTitle)
        refuse("The title is longer than 200 characters.");
    return std::string(title);
}

std::string checked_template(const std::string& name) {
    if (std::find(kTemplates.begin(), kTemplates.end(), name) == kTemplates.end())
        refuse("\"template\" must be classic, modern or ats.");
    return name;
}

std::string checked_language(const std::string& tag) {
    if (!is_language_tag(tag))
        refuse("\"language\" must be a language tag such as en or pt-BR.");
    return tag;
}

// "Title (copy)", or the title as it is when the suffix would make it too long.
std::string copy_title(const std::string& title) {
    constexpr std::string_view kSuffix = " (copy)";
    if (core::utf8_code_points(title).value_or(kMaxTitle) + kSuffix.size() > kMaxTitle)
        return title;
    return title + std::string(kSuffix);
}

std::string stored_body(const nlohmann::json& resume) {
    check_storable(resume);
    return resume.dump();
}

Cv to_cv(const store::CvRow& row, bool with_body) {
    return {row.id,
            row.title,
            row.template_name,
            row.language,
            row.parent_id,
            with_body ? nlohmann::json::parse(row.body) : nlohmann::json(),
            row.created_at,
            row.updated_at};
}

}  // namespace

CvService::CvService(store::Database& db, core::UnixClock clock, int keep_versions)
    : db_(db), clock_(std::move(clock)), keep_versions_(keep_versions) {}

store::CvRow CvService::owned(store::Connection& conn, std::int64_t owner, std::int64_t id) {
    auto row = store::CvRepository::find(conn, owner, id);
    if (!row)
        throw Error(ErrorCode::not_found, "No such CV.");
    return *row;
}

// Writes the row and its next version, then prunes: one transaction, so a CV and its
// history never disagree.
Cv CvService::save(store::Connection& conn, store::CvRow row) {
    auto now = clock_();
    store::CvRepository::update(conn, row, now);
    store::CvVersionRepository::append(conn, row.id, row.title, row.body, now);
    store::CvVersionRepository::prune(conn, row.id, keep_versions_);
    row.updated_at = now;
    return to_cv(row, true);
}

std::vector<Cv> CvService::list(std::int64_t owner) {
    auto rows = db_.read([&](store::Connection& c) { return store::CvRepository::list(c, owner); });
    std::vector<Cv> out;
    for (const auto& row : rows)
        out.push_back(to_cv(row, false));
    return out;
}

Cv CvService::get(std::int64_t owner, std::int64_t id) {
    return to_cv(db_.read([&](store::Connection& c) { return owned(c, owner, id); }), true);
}

Cv CvService::create(std::int64_t owner, const NewCv& cv) {
    auto id = db_.write([&](store::Connection& c) { return create_in(c, owner, cv); });
    return get(owner, id);
}

std::int64_t CvService::create_in(store::Connection& conn, std::int64_t owner, const NewCv& cv) {
    auto title = normalize_title(cv.title);
    auto template_name = checked_template(cv.template_name);
    auto language = checked_language(cv.language);
    auto body = stored_body(cv.resume);
    auto now = clock_();
    auto id = store::CvRepository::insert(
        conn, {owner, title, template_name, language, std::nullopt, body}, now);
    store::CvVersionRepository::append(conn, id, title, body, now);
    return id;
}

Cv CvService::update(std::int64_t owner, std::int64_t id, const CvChanges& changes) {
    auto title = changes.title ? std::optional(normalize_title(*changes.title)) : std::nullopt;
    auto template_name = changes.template_name
                             ? std::optional(checked_template(*changes.template_name))
                             : std::nullopt;
    auto language =
        changes.language ? std::optional(checked_language(*changes.language)) : std::nullopt;
    auto body = changes.resume ? std::optional(stored_body(*changes.resume)) : std::nullopt;
    return db_.write([&](store::Connection& c) {
        auto row = owned(c, owner, id);
        row.title = title.value_or(row.title);
        row.template_name = template_name.value_or(row.template_name);
        row.language = language.value_or(row.language);
        row.body = body.value_or(row.body);
        return save(c, std::move(row));
    });
}

std::vector<CvVersion> CvService::versions(std::int64_t owner, std::int64_t id) {
    auto rows = db_.read([&](store::Connection& c) {
        owned(c, owner, id);
        return store::CvVersionRepository::list(c, id);
    });
    std::vector<CvVersion> out;
    for (const auto& row : rows)
        out.push_back({row.number, row.title, row.created_at});
    return out;
}

namespace {

store::CvVersionRow version_or_404(store::Connection& c, std::int64_t id, std::int64_t number) {
    auto version = store::CvVersionRepository::find(c, id, number);
    if (!version) {
        throw Error(ErrorCode::not_found,
                    "This CV has no version " + std::to_string(number) + " (any more).");
    }
    return *version;
}

nlohmann::json snapshot(const store::CvVersionRow& v) {
    return {{"title", v.title}, {"resume", nlohmann::json::parse(v.body)}};
}

}  // namespace

std::vector<FieldChange> CvService::diff(std::int64_t owner, std::int64_t id, std::int64_t from,
                                         std::int64_t to) {
    auto [a, b] = db_.read([&](store::Connection& c) {
        owned(c, owner, id);
        if (from <= 0 || to <= 0)
            refuse("Name two versions to compare: ?from=N&to=M (see /versions).");
        return std::pair(version_or_404(c, id, from), version_or_404(c, id, to));
    });
    return cv::diff(snapshot(a), snapshot(b));
}

Cv CvService::restore(std::int64_t owner, std::int64_t id, std::int64_t number) {
    return db_.write([&](store::Connection& c) {
        auto row = owned(c, owner, id);
        auto version = version_or_404(c, id, number);
        row.title = version.title;
        row.body = version.body;
        return save(c, std::move(row));
    });
}

Cv CvService::duplicate(std::int64_t owner, std::int64_t id) {
    auto copy_id = db_.write([&](store::Connection& c) {
        auto row = owned(c, owner, id);
        auto title = copy_title(row.title);
        auto now = clock_();
        auto new_id = store::CvRepository::insert(
            c, {owner, title, row.template_name, row.language, row.id, row.body}, now);
        store::CvVersionRepository::append(c, new_id, title, row.body, now);
        return new_id;
    });
    return get(owner, copy_id);
}

void CvService::remove(std::int64_t owner, std::int64_t id) {
    db_.write([&](store::Connection& c) {
        if (!store::CvRepository::remove(c, owner, id))
            throw Error(ErrorCode::not_found, "No such CV.");
    });
}

}  // namespace vitae::cv
