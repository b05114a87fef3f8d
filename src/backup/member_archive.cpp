#include "backup/member_archive.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "applications/application_json.hpp"
#include "applications/application_service.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "cv/cv_service.hpp"
#include "store/database.hpp"

namespace vitae::backup {

namespace {

using nlohmann::json;

// Old CV id (in the file) -> new CV id (in this database).
using CvIds = std::map<std::int64_t, std::int64_t>;

[[noreturn]] void refuse(const std::string& message) {
    throw Error(ErrorCode::bad_request, message);
}

json cv_json(const cv::Cv& cv) {
    return {{"id", cv.id},
            {"title", cv.title},
            {"template", cv.template_name},
            {"language", cv.language},
            {"created_at", core::iso8601_utc(cv.created_at)},
            {"updated_at", core::iso8601_utc(cv.updated_at)},
            {"resume", cv.resume}};
}

const json& list_of(const json& archive, const char* key) {
    static const json kEmpty = json::array();
    auto it = archive.find(key);
    if (it == archive.end())
        return kEmpty;
    if (!it->is_array())
        refuse("\"" + std::string(key) + "\" must be a list.");
    return *it;
}

void check_header(const json& archive) {
    if (!archive.is_object() || archive.value("format", "") != kMemberArchiveFormat)
        refuse("This is not a Vitae data export (its \"format\" is not \"" +
               std::string(kMemberArchiveFormat) + "\").");
    if (archive.value("version", 0) != kMemberArchiveVersion)
        refuse("This export has a version this Vitae cannot read (it reads version " +
               std::to_string(kMemberArchiveVersion) + ").");
}

std::string string_field(const json& item, const char* key, const char* fallback) {
    auto it = item.find(key);
    if (it == item.end())
        return fallback;
    if (!it->is_string())
        refuse("\"" + std::string(key) + "\" must be a string.");
    return it->get<std::string>();
}

cv::NewCv new_cv(const json& item) {
    if (!item.is_object())
        refuse("a CV must be a JSON object.");
    auto resume = item.find("resume");
    if (resume == item.end() || !resume->is_object())
        refuse("\"resume\" must be a JSON Resume object.");
    return {string_field(item, "title", ""), string_field(item, "template", "classic"),
            string_field(item, "language", "en"), *resume};
}

// The CV a file's id now is; a link to a CV the file does not hold is refused rather than
// pointed at whatever has that id here.
std::optional<std::int64_t> mapped(const json& item, const char* key, const CvIds& ids) {
    auto it = item.find(key);
    if (it == item.end() || it->is_null())
        return std::nullopt;
    auto found = it->is_number_integer() ? ids.find(it->get<std::int64_t>()) : ids.end();
    if (found == ids.end())
        refuse("\"" + std::string(key) + "\" names no CV of this file.");
    return found->second;
}

// The API shape minus what the database assigns; CV links mapped.
applications::ApplicationInput application_input(const json& item, const CvIds& ids) {
    if (!item.is_object())
        refuse("an application must be a JSON object.");
    json writable = item;
    for (const char* key : {"id", "created_at", "updated_at", "events", "tailored_cv_id"})
        writable.erase(key);
    writable.erase("cv_id");
    auto input = applications::input_from_json(writable);
    input.cv_id = mapped(item, "cv_id", ids);
    return input;
}

// Runs add(item) for each item, collecting "<what>[N]: message" for each refusal.
template <typename Add>
void each_item(const json& items, const char* what, std::vector<std::string>& problems, Add add) {
    for (std::size_t i = 0; i < items.size(); ++i) {
        try {
            add(items[i]);
        } catch (const Error& e) {
            if (e.code() != ErrorCode::bad_request)
                throw;
            problems.push_back(std::string(what) + "[" + std::to_string(i) + "]: " + e.what());
        }
    }
}

}  // namespace

MemberArchive::MemberArchive(store::Database& db, cv::CvService& cvs,
                             applications::ApplicationService& applications)
    : db_(db), cvs_(cvs), applications_(applications) {}

json MemberArchive::export_all(std::int64_t owner) {
    auto cvs = json::array();
    for (const auto& listed : cvs_.list(owner))
        cvs.push_back(cv_json(cvs_.get(owner, listed.id)));
    auto applications = json::array();
    for (const auto& listed : applications_.list(owner))
        applications.push_back(applications::to_json(applications_.get(owner, listed.id), true));
    return {{"format", kMemberArchiveFormat},
            {"version", kMemberArchiveVersion},
            {"exported_at", core::iso8601_utc(core::unix_now())},
            {"cvs", cvs},
            {"applications", applications},
            {"reviews", json::array()}};
}

ImportCounts MemberArchive::import_all(std::int64_t owner, const json& archive) {
    check_header(archive);
    const json& cvs = list_of(archive, "cvs");
    const json& applications = list_of(archive, "applications");
    if (cvs.size() > kMaxArchivedCvs || applications.size() > applications::kMaxImportRows)
        refuse("An import holds at most " + std::to_string(kMaxArchivedCvs) + " CVs and " +
               std::to_string(applications::kMaxImportRows) + " applications.");
    return db_.write([&](store::Connection& c) {
        std::vector<std::string> problems;
        CvIds ids;
        each_item(cvs, "cvs", problems, [&](const json& item) {
            auto id = cvs_.create_in(c, owner, new_cv(item));
            if (auto old = item.find("id"); old != item.end() && old->is_number_integer())
                ids[old->get<std::int64_t>()] = id;
        });
        each_item(applications, "applications", problems, [&](const json& item) {
            auto input = application_input(item, ids);
            auto history = applications::events_from_json(item.value("events", json::array()));
            applications_.restore_in(c, owner, input, mapped(item, "tailored_cv_id", ids), history);
        });
        // Throwing rolls every insert back: nothing of a bad file is kept.
        if (!problems.empty()) {
            std::string message = "Nothing was imported:";
            for (const auto& p : problems)
                message += "\n" + p;
            refuse(message);
        }
        return ImportCounts{cvs.size(), applications.size()};
    });
}

}  // namespace vitae::backup
