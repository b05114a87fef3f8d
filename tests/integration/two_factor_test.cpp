// Two-factor sign-in over real HTTP: enrolling in the browser, the RFC 6238 window at step
// boundaries, replays, recovery codes, throttling, and two-factor made mandatory for admins.
#include <doctest/doctest.h>

#include <regex>

#include "auth/account_service.hpp"
#include "auth/second_factor.hpp"
#include "auth/totp.hpp"
#include "support/browser.hpp"
#include "support/fake_clock.hpp"
#include "support/sqlite_file.hpp"
#include "support/test_app.hpp"

using vitae::test::Browser;
using vitae::test::FakeClock;
using vitae::test::query_value;
using vitae::test::TestApp;

namespace {

constexpr const char* kPassword = "correct horse battery staple";
constexpr std::int64_t kStep = vitae::auth::Totp::kPeriodSeconds;

// A server whose clocks move only when the test says so.
struct Site {
    FakeClock clock;
    TestApp app{std::vector<std::string>{}, clock.options()};

    std::int64_t add_user(const std::string& email, const std::string& role = "member") {
        return app.app().accounts().create({email, "", role, kPassword},
                                           vitae::auth::Actor{std::nullopt, "test", ""});
    }
    std::string db_value(const std::string& sql) {
        return query_value(app.data_dir() / "vitae.db", sql);
    }
    std::int64_t audit_count(const std::string& action) {
        return std::stoll(
            db_value("SELECT count(*) FROM audit_log WHERE action = '" + action + "'"));
    }

    // Moves at least five minutes on (every code used so far is then in the past) to a time
    // `offset` seconds after a step boundary (a multiple of 30 s); offset may be negative.
    void move_to_boundary(std::int64_t offset) {
        clock.advance(std::chrono::minutes(5));
        std::int64_t delta = ((offset - clock.now()) % kStep + kStep) % kStep;
        clock.advance(std::chrono::seconds(delta));
    }
};

std::string code_at(const std::string& secret, std::int64_t unix_time) {
    return vitae::auth::Totp().code_at(secret, unix_time);
}

std::string location(const httplib::Result& res) {
    return res->get_header_value("Location");
}

struct Enrolment {
    std::string secret;
    std::vector<std::string> recovery_codes;
};

// Enrols the signed-in browser: starts, reads the key off the page as a person typing it
// into their app would, and confirms with the app's current code.
Enrolment enrol(Browser& b, Site& site) {
    REQUIRE(b.get("/account/two-factor")->status == 200);
    auto started = b.post("/account/two-factor/start");
    REQUIRE(started->status == 303);
    REQUIRE(location(started) == "/account/two-factor");
    auto page = b.get("/account/two-factor");
    REQUIRE(page->status == 200);
    CHECK(page->body.find("<svg") != std::string::npos);
    static const std::regex kSecret(R"re(id="totp-secret"[^>]*>([A-Z2-7]{32})<)re");
    std::smatch m;
    REQUIRE(std::regex_search(page->body, m, kSecret));
    Enrolment out{m[1].str(), {}};

    auto confirmed =
        b.post("/account/two-factor/confirm", {{"code", code_at(out.secret, site.clock.now())}});
    REQUIRE(confirmed->status == 200);
    static const std::regex kCode(
        R"re(<li><code>([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})</code></li>)re");
    for (std::sregex_iterator it(confirmed->body.begin(), confirmed->body.end(), kCode), end;
         it != end; ++it)
        out.recovery_codes.push_back((*it)[1].str());
    REQUIRE(out.recovery_codes.size() == 10);
    return out;
}

// A fresh browser that has given the right password and now owes a code.
Browser password_step(Site& site, const std::string& email) {
    Browser b(site.app.port());
    auto res = b.sign_in(email, kPassword);
    REQUIRE(res->status == 303);
    REQUIRE(location(res).starts_with("/login/two-factor"));
    REQUIRE(b.get("/login/two-factor")->status == 200);
    return b;
}

httplib::Result send_code(Browser& b, const std::string& code) {
    return b.post("/login/two-factor", {{"code", code}, {"next", "/account"}});
}

Browser signed_in(Site& site, const std::string& email) {
    Browser b(site.app.port());
    REQUIRE(b.sign_in(email, kPassword)->status == 303);
    return b;
}

constexpr const char* kAda = "ada@example.org";

// A member who has turned two-factor on in `browser`, which stays signed in.
struct Member {
    Browser browser;
    Enrolment enrolment;
};

Member enrolled_member(Site& site) {
    site.add_user(kAda);
    Browser b = signed_in(site, kAda);
    Enrolment enrolment = enrol(b, site);
    return {std::move(b), std::move(enrolment)};
}

// The status GET /account answers to a browser holding only this session cookie.
int account_status_with(Site& site, const std::string& session_cookie) {
    Browser b(site.app.port());
    b.set_cookie("vitae_session", session_cookie);
    return b.get("/account")->status;
}

}  // namespace

TEST_SUITE("integration") {
    TEST_CASE("enrolment_turns_two_factor_on_only_with_a_right_code_and_rotates_the_session") {
        Site site;
        site.add_user(kAda);
        Browser b = signed_in(site, kAda);
        auto account = b.get("/account");
        CHECK(account->body.find("Set up two-factor") != std::string::npos);

        REQUIRE(b.post("/account/two-factor/start")->status == 303);
        auto page = b.get("/account/two-factor");
        static const std::regex kSecret(R"re(id="totp-secret"[^>]*>([A-Z2-7]{32})<)re");
        std::smatch m;
        REQUIRE(std::regex_search(page->body, m, kSecret));
        std::string secret = m[1].str();
        CHECK(page->body.find("role=\"img\"") != std::string::npos);  // the QR code
        // Kept server-side as pending; sign-in does not ask for a code yet.
        CHECK(site.db_value("SELECT secret FROM totp_enrolments") == secret);
        CHECK(site.db_value("SELECT totp_secret FROM users") == "NULL");

        auto wrong = b.post("/account/two-factor/confirm",
                            {{"code", code_at(secret, site.clock.now() + 3 * kStep)}});
        CHECK(wrong->status == 400);
        CHECK(wrong->body.find("That code is not right") != std::string::npos);
        CHECK(site.db_value("SELECT totp_secret FROM users") == "NULL");

        std::string before = b.cookie("vitae_session");
        REQUIRE_FALSE(before.empty());
        std::string code = code_at(secret, site.clock.now());
        auto confirmed = b.post("/account/two-factor/confirm", {{"code", code}});
        REQUIRE(confirmed->status == 200);
        CHECK(confirmed->body.find("shown only this once") != std::string::npos);
        std::string after = b.cookie("vitae_session");
        CHECK(after != before);
        CHECK(site.db_value("SELECT totp_secret FROM users") == secret);
        CHECK(site.db_value("SELECT count(*) FROM totp_enrolments") == "0");
        CHECK(site.audit_count("2fa.enable") == 1);

        // The old session id is dead; the new one and its CSRF token work.
        CHECK(account_status_with(site, before) == 303);
        auto now_on = b.get("/account");
        REQUIRE(now_on->status == 200);
        CHECK(now_on->body.find("10 unused recovery codes") != std::string::npos);
        CHECK(b.post("/account/tokens", {{"name", "after rotation"}})->status == 200);

        // The confirming code is spent: it cannot sign in someone who watched it typed.
        Browser thief = password_step(site, kAda);
        CHECK(send_code(thief, code)->status == 401);
    }

    TEST_CASE("an_unconfirmed_enrolment_expires_and_never_turns_two_factor_on") {
        Site site;
        site.add_user(kAda);
        Browser b = signed_in(site, kAda);
        b.get("/account/two-factor");
        REQUIRE(b.post("/account/two-factor/start")->status == 303);
        std::string secret = site.db_value("SELECT secret FROM totp_enrolments");
        REQUIRE(secret.size() == 32);

        site.clock.advance(std::chrono::seconds(vitae::auth::SecondFactor::kEnrolmentTtlS));
        auto page = b.get("/account/two-factor");
        CHECK(page->body.find(secret) == std::string::npos);
        CHECK(page->body.find("/account/two-factor/start") != std::string::npos);
        auto late =
            b.post("/account/two-factor/confirm", {{"code", code_at(secret, site.clock.now())}});
        CHECK(late->status == 400);
        CHECK(late->body.find("expired") != std::string::npos);
        CHECK(site.db_value("SELECT totp_secret FROM users") == "NULL");
        CHECK(site.audit_count("2fa.enable") == 0);
    }

    TEST_CASE("totp_codes_one_step_either_side_of_a_step_boundary_are_accepted_two_are_not") {
        Site site;
        auto ada = enrolled_member(site);
        std::string secret = ada.enrolment.secret;

        struct Trial {
            std::int64_t offset;      // seconds after a step boundary B when the code is sent
            std::int64_t code_shift;  // the code is the one for B + code_shift
            bool accepted;
        };
        // At B the current step is B/30; one second earlier it is the step before.
        const Trial trials[] = {
            {0, 0, true},          {0, -kStep, true},
            {0, kStep, true},      {0, -kStep - 1, false},
            {0, 2 * kStep, false}, {-1, -1, true},
            {-1, 0, true},         {-1, -kStep - 1, true},
            {-1, kStep, false},    {-1, -2 * kStep - 1, false},
        };
        for (const auto& t : trials) {
            CAPTURE(t.offset);
            CAPTURE(t.code_shift);
            site.move_to_boundary(t.offset);
            std::int64_t boundary = site.clock.now() - t.offset;
            REQUIRE(boundary % kStep == 0);
            Browser b = password_step(site, kAda);
            auto res = send_code(b, code_at(secret, boundary + t.code_shift));
            CHECK(res->status == (t.accepted ? 303 : 401));
            if (t.accepted) {
                CHECK(location(res) == "/account");
                continue;
            }
            // A refused code leaves the sign-in waiting; the right code still completes it.
            CHECK(res->body.find("That code is not right") != std::string::npos);
            CHECK(send_code(b, code_at(secret, site.clock.now()))->status == 303);
            CHECK(b.get("/account")->status == 200);
        }
    }

    TEST_CASE("a_totp_code_signs_in_once_and_older_steps_stay_refused") {
        Site site;
        auto ada = enrolled_member(site);
        std::string secret = ada.enrolment.secret;
        site.move_to_boundary(10);
        std::int64_t now = site.clock.now();

        Browser a = password_step(site, kAda);
        CHECK(send_code(a, code_at(secret, now))->status == 303);
        Browser replay = password_step(site, kAda);
        CHECK(send_code(replay, code_at(secret, now))->status == 401);
        // Still inside the window, but not after the step already used.
        CHECK(send_code(replay, code_at(secret, now - kStep))->status == 401);
        CHECK(send_code(replay, code_at(secret, now + kStep))->status == 303);
        CHECK(replay.get("/account")->status == 200);
    }

    TEST_CASE("each_recovery_code_signs_in_once") {
        Site site;
        auto ada = enrolled_member(site);
        auto codes = ada.enrolment.recovery_codes;
        std::string stored = site.db_value("SELECT recovery_code_hashes FROM users");
        for (const auto& code : codes)
            CHECK(stored.find(code) == std::string::npos);

        Browser a = password_step(site, kAda);
        CHECK(send_code(a, codes[0])->status == 303);
        CHECK(a.get("/account")->body.find("9 unused recovery codes") != std::string::npos);

        Browser again = password_step(site, kAda);
        CHECK(send_code(again, codes[0])->status == 401);
        // Typed as people copy them off paper: capitals, no dashes.
        std::string shouted = std::regex_replace(codes[1], std::regex("-"), "");
        for (char& c : shouted)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        CHECK(send_code(again, shouted)->status == 303);
    }

    TEST_CASE("wrong_codes_are_throttled_per_account_with_retry_after") {
        Site site;
        auto ada = enrolled_member(site);
        std::string secret = ada.enrolment.secret;
        site.move_to_boundary(5);

        Browser b = password_step(site, kAda);
        std::string wrong = code_at(secret, site.clock.now() + 10 * kStep);
        // Five failures are free; the sixth is still judged and starts a wait.
        for (int i = 1; i <= 6; ++i) {
            CAPTURE(i);
            CHECK(send_code(b, wrong)->status == 401);
        }
        auto held = send_code(b, code_at(secret, site.clock.now()));
        CHECK(held->status == 429);
        CHECK(held->body.find("Too many failed attempts") != std::string::npos);
        int retry_after = std::stoi(held->get_header_value("Retry-After"));
        CHECK(retry_after >= 1);

        // Per account, not per session: a new sign-in of the same account waits too.
        Browser other = password_step(site, kAda);
        CHECK(send_code(other, code_at(secret, site.clock.now()))->status == 429);
        CHECK(site.audit_count("signin.throttled") >= 1);

        // Past the wait (and the form's rate limit), the right code gets through.
        site.clock.advance(std::chrono::seconds(60 + retry_after));
        CHECK(send_code(other, code_at(secret, site.clock.now()))->status == 303);
    }

    TEST_CASE("a_session_owing_its_second_factor_opens_no_member_page_and_is_replaced") {
        Site site;
        auto ada = enrolled_member(site);
        std::string secret = ada.enrolment.secret;
        site.move_to_boundary(0);

        Browser b = password_step(site, kAda);
        std::string pending = b.cookie("vitae_session");
        REQUIRE_FALSE(pending.empty());
        auto blocked = b.get("/account");
        CHECK(blocked->status == 303);
        CHECK(location(blocked).starts_with("/login"));
        CHECK(b.get("/account/two-factor")->status == 303);

        REQUIRE(send_code(b, code_at(secret, site.clock.now()))->status == 303);
        CHECK(b.cookie("vitae_session") != pending);
        CHECK(b.get("/account")->status == 200);
        CHECK(account_status_with(site, pending) == 303);
    }

    TEST_CASE("new_recovery_codes_need_the_password_and_replace_the_old_ones") {
        Site site;
        auto ada = enrolled_member(site);
        Browser& b = ada.browser;
        auto old_codes = ada.enrolment.recovery_codes;
        b.get("/account/two-factor");

        auto refused = b.post("/account/two-factor/recovery-codes",
                              {{"current_password", "not my password at all"}});
        CHECK(refused->status == 400);
        CHECK(refused->body.find("current password is not right") != std::string::npos);
        CHECK(site.audit_count("2fa.recovery_codes") == 0);

        auto fresh =
            b.post("/account/two-factor/recovery-codes", {{"current_password", kPassword}});
        REQUIRE(fresh->status == 200);
        static const std::regex kCode(R"re(<li><code>([a-z2-9-]{14})</code></li>)re");
        std::smatch m;
        REQUIRE(std::regex_search(fresh->body, m, kCode));
        CHECK(site.audit_count("2fa.recovery_codes") == 1);

        Browser old_one = password_step(site, kAda);
        CHECK(send_code(old_one, old_codes[0])->status == 401);
        CHECK(send_code(old_one, m[1].str())->status == 303);
    }

    TEST_CASE("a_member_turns_two_factor_off_with_their_password") {
        Site site;
        auto ada = enrolled_member(site);
        Browser& b = ada.browser;
        b.get("/account/two-factor");

        auto refused = b.post("/account/two-factor/disable", {{"current_password", "wrong one!"}});
        CHECK(refused->status == 400);
        CHECK(site.db_value("SELECT totp_secret IS NOT NULL FROM users") == "1");

        auto off = b.post("/account/two-factor/disable", {{"current_password", kPassword}});
        CHECK(off->status == 303);
        CHECK(location(off) == "/account/two-factor?done=off");
        CHECK(site.db_value("SELECT totp_secret FROM users") == "NULL");
        CHECK(site.db_value("SELECT recovery_code_hashes FROM users") == "[]");
        CHECK(site.audit_count("2fa.disable") == 1);
        CHECK(site.audit_count("2fa.enable") == 1);

        Browser plain(site.app.port());
        auto res = plain.sign_in(kAda, kPassword);
        CHECK(res->status == 303);
        CHECK(location(res) == "/");
    }

    TEST_CASE("required_admin_two_factor_holds_admins_without_it_to_enrolment") {
        Site site;
        site.add_user("root@example.org", "admin");
        site.add_user("mia@example.org");
        Browser admin = signed_in(site, "root@example.org");
        admin.get("/account");
        auto token_page = admin.post("/account/tokens", {{"name", "backup script"}});
        std::smatch m;
        REQUIRE(std::regex_search(token_page->body, m, std::regex("(vitae_[A-Za-z0-9_-]{43})")));
        std::string token = m[1].str();

        auto settings = admin.get("/admin/settings");
        REQUIRE(settings->status == 200);
        CHECK(settings->body.find("name=\"require_admin_2fa\"") != std::string::npos);
        Browser member = signed_in(site, "mia@example.org");
        member.get("/account");
        CHECK(member.post("/admin/settings/security", {{"require_admin_2fa", "1"}})->status == 403);
        CHECK(admin.post("/admin/settings/security", {{"require_admin_2fa", "yes"}})->status ==
              400);

        auto saved = admin.post("/admin/settings/security", {{"require_admin_2fa", "1"}});
        CHECK(saved->status == 303);
        CHECK(site.db_value("SELECT value FROM settings WHERE key = 'require_admin_2fa'") == "1");
        CHECK(site.audit_count("settings.require_admin_2fa") == 1);

        // Every page, and every form, leads to enrolment; nothing else happens.
        for (const char* path : {"/admin/settings", "/account"}) {
            CAPTURE(path);
            auto res = admin.get(path);
            CHECK(res->status == 303);
            CHECK(location(res) == "/account/two-factor");
        }
        auto held_form = admin.post("/account/tokens", {{"name", "sneaky"}});
        CHECK(held_form->status == 303);
        CHECK(location(held_form) == "/account/two-factor");
        CHECK(site.db_value("SELECT count(*) FROM api_tokens") == "1");
        auto enrol_page = admin.get("/account/two-factor");
        CHECK(enrol_page->status == 200);
        CHECK(enrol_page->body.find("must use two-factor sign-in") != std::string::npos);

        // Scripts are not held back; members are not affected.
        auto me = httplib::Client("127.0.0.1", site.app.port())
                      .Get("/api/v1/me", {{"Authorization", "Bearer " + token}});
        CHECK(me->status == 200);
        CHECK(member.get("/account")->status == 200);

        // Signing out stays possible, and signing in again leads back to enrolment.
        admin.get("/account/two-factor");
        CHECK(location(admin.post("/logout")) == "/login");
        Browser returning = signed_in(site, "root@example.org");
        CHECK(location(returning.get("/account")) == "/account/two-factor");

        enrol(returning, site);
        CHECK(returning.get("/account")->status == 200);
        CHECK(returning.get("/admin/settings")->status == 200);

        returning.get("/account/two-factor");
        auto refused =
            returning.post("/account/two-factor/disable", {{"current_password", kPassword}});
        CHECK(refused->status == 403);
        CHECK(refused->body.find("must keep two-factor sign-in on") != std::string::npos);
        CHECK(site.db_value("SELECT totp_secret IS NOT NULL FROM users WHERE role = 'admin'") ==
              "1");
        CHECK(site.audit_count("2fa.disable") == 0);

        returning.get("/admin/settings");
        CHECK(returning.post("/admin/settings/security")->status == 303);
        CHECK(site.db_value("SELECT value FROM settings WHERE key = 'require_admin_2fa'") == "0");
        returning.get("/account/two-factor");
        CHECK(returning.post("/account/two-factor/disable", {{"current_password", kPassword}})
                  ->status == 303);
        CHECK(site.audit_count("2fa.disable") == 1);
    }
}
