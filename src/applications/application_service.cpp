#include "applications/application_service.hpp"

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>
#include <utility>

#include "applications/application_fields.hpp"
#include "core/error.hpp"
#include "cv/cv_service.hpp"
#include "store/application_repository.hpp"
#include "store/cv_repository.hpp"
#include "store/database.hpp"

namespace vitae::applications {

namespace {

[[noreturn]] void refuse(const std::string& message) {
    throw Error(ErrorCode::bad_request, message);
}

// A day as YYYY-MM-DD, `days` after the unix time `now` (UTC).
std::string day_of(std::int64_t now, int days = 0) {
    auto t =
        std::chrono::system_clock::time_point(std::chrono::seconds(now)) + std::chrono::days(days);
    return core::format_utc(t, "%Y-%m-%d");
}

nlohmann::json contacts_json(const std::vector<Contact>& contacts) {
    auto out = nlohmann::json::array();
    for (const auto& c : contacts)
        out.push_back({{"name", c.name}, {"email", c.email}, {"phone", c.phone}, {"role", c.role}});
    return out;
}

std::vector<Contact> contacts_of(const std::string& text) {
    std::vector<Contact> out;
    for (const auto& c : nlohmann::json::parse(text)) {
        out.push_back(
            {c.value("name", ""), c.value("email", ""), c.value("phone", ""), c.value("role", "")});
    }
    return out;
}

Application to_application(const store::ApplicationRow& r) {
    return {r.id,
            r.company,
            r.role,
            r.location,
            r.job_url,
            r.salary,
            r.source,
            r.status,
            r.saved_on,
            r.applied_on,
            r.follow_up_on,
            contacts_of(r.contacts),
            r.notes,
            r.job_description,
            r.cv_id,
            r.tailored_cv_id,
            r.created_at,
            r.updated_at,
            {}};
}

std::vector<Application> to_applications(const std::vector<store::ApplicationRow>& rows) {
    std::vector<Application> out;
    out.reserve(rows.size());
    for (const auto& row : rows)
        out.push_back(to_application(row));
    return out;
}

// Sets `to` from `from` when given, checked by `check`.
template <class Check>
void take(const std::optional<std::string>& from, std::string& to, Check check) {
    if (from)
        to = check(*from);
}

void take_date(const std::optional<std::string>& from, std::optional<std::string>& to,
               std::string_view field) {
    if (!from)
        return;
    auto day = checked_date(*from, field);
    to = day.empty() ? std::nullopt : std::optional(day);
}

// "Main CV for ACME", or the duplicate's own title when that would be too long.
std::string tailored_title(const std::string& title, const std::string& company) {
    auto wanted = title + " for " + company;
    return core_length(wanted) <= kMaxTitle ? wanted : title;
}

}  // namespace

bool is_status(std::string_view status) {
    return std::find(kStatuses.begin(), kStatuses.end(), status) != kStatuses.end();
}

ApplicationService::ApplicationService(store::Database& db, cv::CvService& cvs,
                                       core::UnixClock clock)
    : db_(db), cvs_(cvs), clock_(std::move(clock)) {}

std::string ApplicationService::today() const {
    return day_of(clock_());
}

store::ApplicationRow ApplicationService::owned(store::Connection& conn, std::int64_t owner,
                                                std::int64_t id) {
    auto row = store::ApplicationRepository::find(conn, owner, id);
    if (!row)
        throw Error(ErrorCode::not_found, "No such application.");
    return *row;
}

// Every field given is checked before any is taken; a CV link must name one of the
// owner's own CVs (the foreign key alone would accept anybody's).
void ApplicationService::apply(store::Connection& conn, std::int64_t owner,
                               const ApplicationInput& in, store::ApplicationRow& row) {
    take(in.company, row.company, [](const std::string& s) { return required_line(s, "company"); });
    take(in.role, row.role, [](const std::string& s) { return required_line(s, "role"); });
    take(in.location, row.location, [](const std::string& s) { return line(s, "location"); });
    take(in.job_url, row.job_url, [](const std::string& s) { return checked_url(s); });
    take(in.salary, row.salary, [](const std::string& s) { return line(s, "salary"); });
    take(in.source, row.source, [](const std::string& s) { return line(s, "source"); });
    take(in.status, row.status, [](const std::string& s) { return checked_status(s); });
    take(in.notes, row.notes, [](const std::string& s) { return text(s, "notes", kMaxNotes); });
    take(in.job_description, row.job_description,
         [](const std::string& s) { return text(s, "job_description", kMaxJobDescription); });
    take_date(in.saved_on, row.saved_on, "saved_on");
    take_date(in.applied_on, row.applied_on, "applied_on");
    take_date(in.follow_up_on, row.follow_up_on, "follow_up_on");
    if (in.contacts)
        row.contacts = contacts_json(checked_contacts(*in.contacts)).dump();
    if (in.cv_id) {
        if (*in.cv_id && !store::CvRepository::find(conn, owner, **in.cv_id))
            refuse("\"cv_id\" is not one of your CVs.");
        row.cv_id = *in.cv_id;
    }
}

std::int64_t ApplicationService::insert(store::Connection& conn, std::int64_t owner,
                                        const ApplicationInput& input) {
    if (!input.company)
        refuse("\"company\" is required.");
    if (!input.role)
        refuse("\"role\" is required.");
    store::ApplicationRow row;
    row.user_id = owner;
    apply(conn, owner, input, row);
    auto now = clock_();
    if (!row.saved_on)
        row.saved_on = day_of(now);
    if (row.status == "applied" && !row.applied_on)
        row.applied_on = day_of(now);
    auto id = store::ApplicationRepository::insert(conn, row, now);
    store::ApplicationRepository::append_event(conn, id, row.status, now, std::nullopt);
    return id;
}

// Writes the row; a status it changes becomes an event in the same transaction, so an
// application and its history never disagree.
Application ApplicationService::save(store::Connection& conn, store::ApplicationRow row,
                                     std::optional<std::string> note) {
    auto before = owned(conn, row.user_id, row.id);
    auto now = clock_();
    bool moved = before.status != row.status;
    if (moved && row.status == "applied" && !row.applied_on)
        row.applied_on = day_of(now);
    store::ApplicationRepository::update(conn, row, now);
    if (moved)
        store::ApplicationRepository::append_event(conn, row.id, row.status, now, note);
    row.updated_at = now;
    auto out = to_application(row);
    for (auto& e : store::ApplicationRepository::events(conn, row.id))
        out.events.push_back({std::move(e.status), e.at, std::move(e.note)});
    return out;
}

std::vector<Application> ApplicationService::list(std::int64_t owner) {
    return to_applications(db_.read(
        [&](store::Connection& c) { return store::ApplicationRepository::list(c, owner, false); }));
}

std::vector<Application> ApplicationService::export_all(std::int64_t owner) {
    return to_applications(db_.read(
        [&](store::Connection& c) { return store::ApplicationRepository::list(c, owner, true); }));
}

Application ApplicationService::get(std::int64_t owner, std::int64_t id) {
    return db_.read([&](store::Connection& c) {
        auto out = to_application(owned(c, owner, id));
        for (auto& e : store::ApplicationRepository::events(c, id))
            out.events.push_back({std::move(e.status), e.at, std::move(e.note)});
        return out;
    });
}

Application ApplicationService::create(std::int64_t owner, const ApplicationInput& input) {
    auto id = db_.write([&](store::Connection& c) { return insert(c, owner, input); });
    return get(owner, id);
}

Application ApplicationService::update(std::int64_t owner, std::int64_t id,
                                       const ApplicationInput& input) {
    return db_.write([&](store::Connection& c) {
        auto row = owned(c, owner, id);
        apply(c, owner, input, row);
        return save(c, std::move(row), std::nullopt);
    });
}

Application ApplicationService::set_status(std::int64_t owner, std::int64_t id,
                                           const std::string& status,
                                           std::optional<std::string> note) {
    if (note)
        note = text(*note, "note", kMaxLine);
    return db_.write([&](store::Connection& c) {
        auto row = owned(c, owner, id);
        row.status = checked_status(status);
        return save(c, std::move(row), note && !note->empty() ? note : std::nullopt);
    });
}

// The copy is made by CvService (its versions and parent link included) before the
// link: if the application vanished meanwhile, the copy is deleted again.
Application ApplicationService::tailor(std::int64_t owner, std::int64_t id, std::int64_t cv_id) {
    auto application = get(owner, id);
    auto source = cvs_.get(owner, cv_id);
    auto copy = cvs_.duplicate(owner, cv_id);
    try {
        cvs_.update(owner, copy.id, {.title = tailored_title(source.title, application.company)});
        return db_.write([&](store::Connection& c) {
            auto row = owned(c, owner, id);
            row.tailored_cv_id = copy.id;
            if (!row.cv_id)
                row.cv_id = cv_id;
            return save(c, std::move(row), std::nullopt);
        });
    } catch (...) {
        cvs_.remove(owner, copy.id);
        throw;
    }
}

void ApplicationService::remove(std::int64_t owner, std::int64_t id) {
    db_.write([&](store::Connection& c) {
        if (!store::ApplicationRepository::remove(c, owner, id))
            throw Error(ErrorCode::not_found, "No such application.");
    });
}

std::size_t ApplicationService::import_all(std::int64_t owner, const std::vector<ImportRow>& rows) {
    if (rows.size() > kMaxImportRows)
        refuse("An import holds at most " + std::to_string(kMaxImportRows) + " applications.");
    return db_.write([&](store::Connection& c) {
        std::vector<std::string> problems;
        for (const auto& [row, input] : rows) {
            try {
                insert(c, owner, input);
            } catch (const Error& e) {
                if (e.code() != ErrorCode::bad_request)
                    throw;
                problems.push_back("row " + std::to_string(row) + ": " + e.what());
            }
        }
        // Throwing rolls every insert back: nothing of a bad file is kept.
        if (!problems.empty())
            refuse(join_problems(problems));
        return rows.size();
    });
}

Dashboard ApplicationService::dashboard(std::int64_t owner) {
    auto now = clock_();
    auto [counts, follow_ups] = db_.read([&](store::Connection& c) {
        return std::pair(store::ApplicationRepository::count_by_status(c, owner),
                         store::ApplicationRepository::follow_ups(c, owner, "", day_of(now, 6)));
    });
    Dashboard d;
    for (auto status : kStatuses) {
        auto it = std::find_if(counts.begin(), counts.end(),
                               [&](const auto& s) { return s.status == status; });
        std::int64_t n = it == counts.end() ? 0 : it->count;
        d.counts.emplace_back(std::string(status), n);
        d.total += n;
    }
    d.follow_ups = to_applications(follow_ups);
    return d;
}

}  // namespace vitae::applications
