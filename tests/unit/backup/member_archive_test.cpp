#include "backup/member_archive.hpp"

#include <doctest/doctest.h>

#include "applications/application_service.hpp"
#include "core/error.hpp"
#include "cv/cv_service.hpp"
#include "store/database.hpp"
#include "store/migrator.hpp"
#include "store/user_repository.hpp"
#include "support/fake_clock.hpp"
#include "support/resume_fixture.hpp"
#include "support/temp_dir.hpp"

namespace vitae::backup {
namespace {

using nlohmann::json;

struct Fixture {
    test::TempDir dir;
    store::Database db{dir / "vitae.db"};
    test::FakeClock clock;
    core::UnixClock now = [this] { return clock.now(); };
    cv::CvService cvs{db, now, 10};
    applications::ApplicationService apps{db, cvs, now};
    MemberArchive archive{db, cvs, apps};
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

    // Ada: two CVs, an application that used the first and was tailored into a third,
    // moved through three statuses a day apart; and one more application.
    void fill_ada() {
        auto main = cvs.create(ada, {.title = "Main",
                                     .template_name = "modern",
                                     .language = "de",
                                     .resume = test::resume_fixture("rich.json")});
        cvs.create(ada, {.title = "Short"});
        auto a = apps.create(
            ada, {.company = "ACME, Inc.",
                  .role = "Engineer",
                  .contacts = std::vector<applications::Contact>{{"Eve", "eve@acme.example",
                                                                  "+1 555", "recruiter"}},
                  .notes = "line one\nline two",
                  .job_description = "Build things.",
                  .cv_id = main.id});
        clock.advance(std::chrono::hours(24));
        apps.set_status(ada, a.id, "applied");
        clock.advance(std::chrono::hours(24));
        apps.set_status(ada, a.id, "interviewing", "phone screen");
        apps.tailor(ada, a.id, main.id);
        apps.create(ada, {.company = "Globex", .role = "Lead", .status = "saved"});
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

// What must survive a move between accounts: everything but ids and the moments the
// database assigns.
json portable(json archive) {
    std::map<std::int64_t, std::string> titles;
    for (auto& cv : archive["cvs"]) {
        titles[cv["id"].get<std::int64_t>()] = cv["title"];
        for (const char* key : {"id", "created_at", "updated_at"})
            cv.erase(key);
    }
    for (auto& a : archive["applications"]) {
        for (const char* key : {"cv_id", "tailored_cv_id"}) {
            if (!a[key].is_null())
                a[key] = titles[a[key].get<std::int64_t>()];
        }
        for (const char* key : {"id", "created_at", "updated_at"})
            a.erase(key);
    }
    archive.erase("exported_at");
    std::sort(archive["cvs"].begin(), archive["cvs"].end(),
              [](const json& x, const json& y) { return x["title"] < y["title"]; });
    std::sort(archive["applications"].begin(), archive["applications"].end(),
              [](const json& x, const json& y) { return x["company"] < y["company"]; });
    return archive;
}

}  // namespace

TEST_CASE("member_archive_moves_cvs_applications_history_and_links_to_another_member") {
    Fixture f;
    f.fill_ada();
    auto exported = f.archive.export_all(f.ada);
    CHECK(exported["format"] == "vitae-member-data");
    CHECK(exported["cvs"].size() == 3);
    CHECK(exported["applications"].size() == 2);
    CHECK(exported["reviews"] == json::array());

    // Through text, as a member's file would travel.
    auto counts = f.archive.import_all(f.bob, json::parse(exported.dump()));
    CHECK(counts.cvs == 3);
    CHECK(counts.applications == 2);
    auto again = f.archive.export_all(f.bob);
    CHECK(portable(again) == portable(exported));

    // The links point at Bob's new CVs, not at Ada's ids.
    for (const auto& a : f.apps.list(f.bob)) {
        if (a.cv_id)
            CHECK_NOTHROW(f.cvs.get(f.bob, *a.cv_id));
        if (a.tailored_cv_id)
            CHECK_NOTHROW(f.cvs.get(f.bob, *a.tailored_cv_id));
    }
    CHECK(f.cvs.list(f.ada).size() == 3);  // the source is untouched
}

TEST_CASE("member_archive_keeps_each_status_event_with_its_original_moment") {
    Fixture f;
    f.fill_ada();
    f.archive.import_all(f.bob, f.archive.export_all(f.ada));
    auto acme = f.apps.list(f.bob);
    auto it =
        std::find_if(acme.begin(), acme.end(), [](auto& a) { return a.company == "ACME, Inc."; });
    REQUIRE(it != acme.end());
    auto events = f.apps.get(f.bob, it->id).events;
    REQUIRE(events.size() == 3);
    CHECK(events[0].status == "saved");
    CHECK(events[1].status == "applied");
    CHECK(events[2].status == "interviewing");
    CHECK(events[2].note == "phone screen");
    CHECK(events[2].at - events[0].at == 2 * 24 * 3600);
}

TEST_CASE("member_archive_import_is_all_or_nothing_and_names_every_bad_item") {
    Fixture f;
    f.fill_ada();
    auto archive = f.archive.export_all(f.ada);
    archive["cvs"][1]["template"] = "baroque";
    archive["applications"][0]["status"] = "hired";
    archive["applications"][1]["events"] =
        json::array({{{"status", "saved"}, {"at", "yesterday"}}});
    try {
        f.archive.import_all(f.bob, archive);
        FAIL("a bad archive was imported");
    } catch (const Error& e) {
        CHECK(e.code() == ErrorCode::bad_request);
        std::string message = e.what();
        CHECK(message.find("cvs[1]: \"template\"") != std::string::npos);
        CHECK(message.find("applications[0]") != std::string::npos);
        CHECK(message.find("applications[1]") != std::string::npos);
    }
    CHECK(f.cvs.list(f.bob).empty());
    CHECK(f.apps.list(f.bob).empty());
}

TEST_CASE("member_archive_refuses_other_files_and_links_to_cvs_it_does_not_hold") {
    Fixture f;
    CHECK(code_of([&] { f.archive.import_all(f.bob, json::array()); }) == ErrorCode::bad_request);
    CHECK(code_of([&] {
              f.archive.import_all(f.bob, {{"format", "jsonresume"}});
          }) == ErrorCode::bad_request);
    CHECK(code_of([&] {
              f.archive.import_all(f.bob, {{"format", "vitae-member-data"}, {"version", 2}});
          }) == ErrorCode::bad_request);
    CHECK(code_of([&] {
              f.archive.import_all(
                  f.bob,
                  {{"format", "vitae-member-data"}, {"version", 1}, {"cvs", {{"title", "x"}}}});
          }) == ErrorCode::bad_request);

    // Ada's CV id in Bob's file must not link Bob's application to Ada's CV.
    auto adas = f.cvs.create(f.ada, {.title = "Ada's"});
    json archive = {{"format", "vitae-member-data"},
                    {"version", 1},
                    {"applications", {{{"company", "X"}, {"role", "Y"}, {"cv_id", adas.id}}}}};
    CHECK(code_of([&] { f.archive.import_all(f.bob, archive); }) == ErrorCode::bad_request);
    CHECK(f.apps.list(f.bob).empty());
}

}  // namespace vitae::backup
