#include "applications/application_service.hpp"

#include <doctest/doctest.h>

#include "applications/application_csv.hpp"

#include "core/error.hpp"
#include "cv/cv_service.hpp"
#include "store/database.hpp"
#include "store/migrator.hpp"
#include "store/statement.hpp"
#include "store/user_repository.hpp"
#include "support/fake_clock.hpp"
#include "support/temp_dir.hpp"

namespace vitae::applications {
namespace {

struct Fixture {
    test::TempDir dir;
    store::Database db{dir / "vitae.db"};
    test::FakeClock clock;
    core::UnixClock now = [this] { return clock.now(); };
    cv::CvService cvs{db, now, 10};
    ApplicationService apps{db, cvs, now};
    std::int64_t ada = 0;
    std::int64_t bob = 0;

    Fixture() {
        store::migrate(db);
        ada = user("ada@example.org");
        bob = user("bob@example.org");
    }

    std::int64_t user(const std::string& email) {
        return db.write([&](store::Connection& conn) {
            return store::UserRepository::insert(conn, {email, "", "member", {}}, 1);
        });
    }

    std::int64_t count(const std::string& sql) {
        return db.read([&](store::Connection& conn) {
            auto stmt = conn.prepare(sql);
            stmt.step();
            return stmt.column_int64(0);
        });
    }

    Application acme(std::int64_t owner) {
        return apps.create(owner, {.company = "ACME", .role = "Engineer"});
    }
};

ErrorCode code_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.code();
    }
    FAIL("no error thrown");
    return ErrorCode::internal;
}

std::string message_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    FAIL("no error thrown");
    return "";
}

TEST_CASE("create_keeps_every_field_and_starts_the_history_with_its_status") {
    Fixture f;
    auto cv = f.cvs.create(f.ada, {.title = "Main CV"});
    auto a = f.apps.create(
        f.ada,
        {.company = " ACME ",
         .role = "Engineer",
         .location = "Lisbon",
         .job_url = "https://jobs.example.org/1",
         .salary = "60-70k EUR",
         .source = "referral",
         .status = "applied",
         .follow_up_on = "2027-01-20",
         .contacts = std::vector<Contact>{{"Ana", "ana@acme.example", "+351 1", "recruiter"}},
         .notes = "Ask about remote",
         .job_description = "Build things.",
         .cv_id = std::optional(cv.id)});
    CHECK(a.company == "ACME");
    CHECK(a.status == "applied");
    CHECK(a.saved_on == "2027-01-15");    // today, by the fake clock
    CHECK(a.applied_on == "2027-01-15");  // applied without a date: today
    CHECK(a.follow_up_on == "2027-01-20");
    REQUIRE(a.contacts.size() == 1);
    CHECK(a.contacts[0].role == "recruiter");
    CHECK(a.cv_id == cv.id);
    REQUIRE(a.events.size() == 1);
    CHECK(a.events[0].status == "applied");
    CHECK(a.events[0].at == test::FakeClock::kStart);
    CHECK(f.apps.get(f.ada, a.id).job_description == "Build things.");
}

TEST_CASE("status_changes_are_kept_as_a_history_with_their_times") {
    Fixture f;
    auto a = f.acme(f.ada);
    f.clock.advance(std::chrono::hours(24));
    f.apps.set_status(f.ada, a.id, "applied");
    f.clock.advance(std::chrono::hours(48));
    f.apps.set_status(f.ada, a.id, "interviewing", "first call with Ana");
    f.clock.advance(std::chrono::hours(1));
    f.apps.set_status(f.ada, a.id, "interviewing");   // no change, no event
    f.apps.update(f.ada, a.id, {.status = "offer"});  // an edit moving it counts too

    auto events = f.apps.get(f.ada, a.id).events;
    REQUIRE(events.size() == 4);
    CHECK(events[0].status == "saved");
    CHECK(events[0].at == test::FakeClock::kStart);
    CHECK(events[1].status == "applied");
    CHECK(events[1].at == test::FakeClock::kStart + 86400);
    CHECK(events[2].status == "interviewing");
    CHECK(events[2].at == test::FakeClock::kStart + 3 * 86400);
    CHECK(events[2].note == "first call with Ana");
    CHECK(events[3].status == "offer");
    CHECK(events[3].at == test::FakeClock::kStart + 3 * 86400 + 3600);
    CHECK(f.apps.get(f.ada, a.id).applied_on == "2027-01-16");
}

TEST_CASE("unknown_status_is_refused_with_a_message_and_changes_nothing") {
    Fixture f;
    auto a = f.acme(f.ada);
    CHECK(message_of([&] {
              f.apps.set_status(f.ada, a.id, "hired");
          }).find("Unknown status \"hired\"") != std::string::npos);
    CHECK(code_of([&] {
              f.apps.create(f.ada, {.company = "X", .role = "Y", .status = "Saved"});
          }) == ErrorCode::bad_request);
    CHECK(f.apps.get(f.ada, a.id).events.size() == 1);
    CHECK(f.count("SELECT count(*) FROM applications") == 1);
}

TEST_CASE("bad_fields_are_refused_by_name") {
    Fixture f;
    auto refuse = [&](ApplicationInput in, const std::string& words) {
        in.company = in.company.value_or("ACME");
        in.role = in.role.value_or("Engineer");
        CAPTURE(words);
        CHECK(message_of([&] { f.apps.create(f.ada, in); }).find(words) != std::string::npos);
    };
    refuse({.company = "  "}, "\"company\" is required");
    refuse({.saved_on = "2027-02-30"}, "\"saved_on\" must be a date");
    refuse({.follow_up_on = "15/01/2027"}, "\"follow_up_on\" must be a date");
    refuse({.job_url = "javascript:alert(1)"}, "\"job_url\" must be a web address");
    refuse({.role = std::string(201, 'x')}, "\"role\" is longer than 200");
    refuse({.notes = std::string("\xff\xfe")}, "\"notes\" is not UTF-8");
    refuse({.contacts = std::vector<Contact>{{"A | B", "", "", ""}}}, "cannot contain |");
    CHECK(f.count("SELECT count(*) FROM applications") == 0);
}

TEST_CASE("another_members_application_is_not_found") {
    Fixture f;
    auto a = f.acme(f.ada);
    CHECK(code_of([&] { f.apps.get(f.bob, a.id); }) == ErrorCode::not_found);
    CHECK(code_of([&] { f.apps.update(f.bob, a.id, {.role = "Boss"}); }) == ErrorCode::not_found);
    CHECK(code_of([&] { f.apps.set_status(f.bob, a.id, "offer"); }) == ErrorCode::not_found);
    CHECK(code_of([&] { f.apps.remove(f.bob, a.id); }) == ErrorCode::not_found);
    auto bobs_cv = f.cvs.create(f.bob, {.title = "Bob's"});
    CHECK(code_of([&] { f.apps.tailor(f.bob, a.id, bobs_cv.id); }) == ErrorCode::not_found);
    CHECK(f.apps.list(f.bob).empty());
    CHECK(f.apps.get(f.ada, a.id).role == "Engineer");
}

TEST_CASE("a_cv_link_must_name_one_of_the_owners_cvs") {
    Fixture f;
    auto bobs_cv = f.cvs.create(f.bob, {.title = "Bob's"});
    CHECK(message_of([&] {
              f.apps.create(f.ada,
                            {.company = "A", .role = "B", .cv_id = std::optional(bobs_cv.id)});
          }).find("not one of your CVs") != std::string::npos);
    auto a = f.acme(f.ada);
    auto ada_cv = f.cvs.create(f.ada, {.title = "Ada's"});
    CHECK(f.apps.update(f.ada, a.id, {.cv_id = std::optional(ada_cv.id)}).cv_id == ada_cv.id);
    CHECK_FALSE(f.apps.update(f.ada, a.id, {.cv_id = std::optional<std::int64_t>()}).cv_id);
}

TEST_CASE("tailor_copies_the_cv_and_links_the_copy") {
    Fixture f;
    auto cv = f.cvs.create(
        f.ada, {.title = "Main CV", .resume = {{"basics", {{"name", "Ada Lovelace"}}}}});
    auto a = f.acme(f.ada);
    auto tailored = f.apps.tailor(f.ada, a.id, cv.id);
    REQUIRE(tailored.tailored_cv_id);
    CHECK(*tailored.tailored_cv_id != cv.id);
    CHECK(tailored.cv_id == cv.id);  // no CV was chosen yet: the source becomes the one used
    auto copy = f.cvs.get(f.ada, *tailored.tailored_cv_id);
    CHECK(copy.title == "Main CV for ACME");
    CHECK(copy.parent_id == cv.id);
    CHECK(copy.resume == cv.resume);
    CHECK(f.apps.get(f.ada, a.id).tailored_cv_id == copy.id);
}

TEST_CASE("deleting_a_cv_clears_the_applications_links_and_keeps_the_application") {
    Fixture f;
    auto cv = f.cvs.create(f.ada, {.title = "Main CV"});
    auto a = f.acme(f.ada);
    auto tailored = f.apps.tailor(f.ada, a.id, cv.id);
    f.cvs.remove(f.ada, *tailored.tailored_cv_id);
    auto after = f.apps.get(f.ada, a.id);
    CHECK_FALSE(after.tailored_cv_id);
    CHECK(after.cv_id == cv.id);
    f.cvs.remove(f.ada, cv.id);
    CHECK_FALSE(f.apps.get(f.ada, a.id).cv_id);
}

TEST_CASE("deleting_an_application_deletes_its_history") {
    Fixture f;
    auto a = f.acme(f.ada);
    f.apps.set_status(f.ada, a.id, "applied");
    f.apps.remove(f.ada, a.id);
    CHECK(code_of([&] { f.apps.get(f.ada, a.id); }) == ErrorCode::not_found);
    CHECK(f.count("SELECT count(*) FROM application_events") == 0);
}

TEST_CASE("import_saves_all_rows_or_none_and_numbers_the_bad_ones") {
    Fixture f;
    std::vector<ImportRow> rows = {
        {2, {.company = "A", .role = "One"}},
        {3, {.company = "B", .role = "Two", .status = "maybe"}},
        {4, {.company = "C", .role = "Three"}},
        {6, {.company = "", .role = "Four"}},
    };
    auto message = message_of([&] { f.apps.import_all(f.ada, rows); });
    CHECK(message.find("row 3: Unknown status \"maybe\"") != std::string::npos);
    CHECK(message.find("row 6: \"company\" is required") != std::string::npos);
    CHECK(message.find("row 2") == std::string::npos);
    CHECK(f.count("SELECT count(*) FROM applications") == 0);
    CHECK(f.count("SELECT count(*) FROM application_events") == 0);

    rows.erase(rows.begin() + 1);
    rows.pop_back();
    CHECK(f.apps.import_all(f.ada, rows) == 2);
    CHECK(f.apps.list(f.ada).size() == 2);
}

TEST_CASE("import_refuses_more_rows_than_the_cap") {
    Fixture f;
    std::vector<ImportRow> rows(kMaxImportRows + 1, {0, {.company = "A", .role = "B"}});
    CHECK(message_of([&] { f.apps.import_all(f.ada, rows); }).find("at most 5000") !=
          std::string::npos);
    CHECK(f.count("SELECT count(*) FROM applications") == 0);
}

TEST_CASE("a_csv_of_the_full_5000_rows_imports_in_one_go") {
    Fixture f;
    std::string csv = "company,role,status,notes\r\n";
    for (std::size_t i = 0; i < kMaxImportRows; ++i)
        csv += "\"Company " + std::to_string(i) + "\",Engineer,applied,\"a, b\"\r\n";
    CHECK(f.apps.import_all(f.ada, parse_csv(csv)) == kMaxImportRows);
    CHECK(f.count("SELECT count(*) FROM applications") == 5000);
    CHECK(f.count("SELECT count(*) FROM application_events WHERE status = 'applied'") == 5000);
}

TEST_CASE("dashboard_counts_by_status_and_lists_follow_ups_due_within_a_week") {
    Fixture f;  // today is 2027-01-15
    f.apps.create(f.ada, {.company = "A", .role = "due", .follow_up_on = "2027-01-21"});
    f.apps.create(
        f.ada, {.company = "B", .role = "late", .status = "applied", .follow_up_on = "2027-01-10"});
    f.apps.create(f.ada, {.company = "C", .role = "later", .follow_up_on = "2027-01-22"});
    f.apps.create(
        f.ada,
        {.company = "D", .role = "closed", .status = "rejected", .follow_up_on = "2027-01-16"});
    f.apps.create(f.bob, {.company = "E", .role = "bob's", .follow_up_on = "2027-01-16"});
    auto d = f.apps.dashboard(f.ada);
    CHECK(d.total == 4);
    REQUIRE(d.counts.size() == kStatuses.size());
    CHECK(d.counts[0] == std::pair<std::string, std::int64_t>{"saved", 2});
    CHECK(d.counts[1] == std::pair<std::string, std::int64_t>{"applied", 1});
    CHECK(d.counts[5] == std::pair<std::string, std::int64_t>{"rejected", 1});
    REQUIRE(d.follow_ups.size() == 2);
    CHECK(d.follow_ups[0].role == "late");
    CHECK(d.follow_ups[1].role == "due");
}

}  // namespace
}  // namespace vitae::applications
