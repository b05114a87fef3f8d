// Share links over real HTTP: a member makes, lists and revokes links to a CV; a visitor
// without an account opens them, with or without a password; dead links all look alike.
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

#include "auth/account_service.hpp"
#include "core/crypto.hpp"
#include "cv/cv_service.hpp"
#include "support/browser.hpp"
#include "support/fake_clock.hpp"
#include "support/resume_fixture.hpp"
#include "support/sqlite_file.hpp"
#include "support/temp_dir.hpp"
#include "support/test_app.hpp"
#include "support/tool.hpp"

using nlohmann::json;
using vitae::test::Browser;
using vitae::test::FakeClock;

namespace {

constexpr const char* kPassword = "correct horse battery staple";
constexpr const char* kLinkPassword = "shared secret for acme";

json fixture() {
    return vitae::test::resume_fixture("every_section.json");
}

// A running app on a fake clock, with Ada (who owns CVs) signed in.
struct Site {
    FakeClock clock;
    vitae::test::TestApp app{std::vector<std::string>{}, clock.options()};
    vitae::cv::CvService cvs{app.app().database(), [this] { return clock.now(); }, 50};
    std::int64_t ada = member("ada@example.org", "Ada Account-Name");
    Browser owner = signed_in("ada@example.org");

    std::int64_t member(const std::string& email, const std::string& name = "") {
        return app.app().accounts().create({email, name, "member", kPassword},
                                           vitae::auth::Actor{std::nullopt, "test", ""});
    }

    Browser signed_in(const std::string& email) {
        Browser b(app.port());
        REQUIRE(b.sign_in(email, kPassword)->status == 303);
        REQUIRE(b.get("/account")->status == 200);
        return b;
    }

    std::int64_t cv(const json& resume = fixture(), const std::string& title = "For Acme only",
                    const std::string& template_name = "classic") {
        return cvs.create(ada, {.title = title, .template_name = template_name, .resume = resume})
            .id;
    }

    std::string share_path(std::int64_t cv_id) {
        return "/cvs/" + std::to_string(cv_id) + "/share";
    }

    // Makes a link on the share page; returns the token from the link shown once.
    std::string create_link(std::int64_t cv_id, httplib::Params form = {}) {
        REQUIRE(owner.get(share_path(cv_id))->status == 200);
        if (!form.count("expires"))
            form.emplace("expires", "30");
        auto res = owner.post(share_path(cv_id), form);
        REQUIRE(res);
        REQUIRE(res->status == 200);
        static const std::regex kLink(
            R"re(id="new-link"[^>]*value="([^"]*)/s/([A-Za-z0-9_-]+)")re");
        std::smatch m;
        REQUIRE(std::regex_search(res->body, m, kLink));
        CHECK(m[1].str() == "http://127.0.0.1:" + std::to_string(app.port()));
        return m[2].str();
    }

    std::string db(const std::string& sql) {
        return vitae::test::query_value(app.data_dir() / "vitae.db", sql);
    }

    std::string link_id(const std::string& token) {
        return db("SELECT id FROM cv_shares WHERE token_hash = '" + vitae::core::sha256_hex(token) +
                  "'");
    }

    std::string views_of(const std::string& token) {
        return db("SELECT view_count FROM cv_shares WHERE id = " + link_id(token));
    }

    httplib::Result revoke(Browser& as, std::int64_t cv_id, const std::string& id) {
        return as.post(share_path(cv_id) + "/" + id + "/revoke");
    }
};

// A browser without an account, as the person the link was sent to.
Browser visitor(Site& site) {
    return Browser(site.app.port());
}

// The body with its request id blanked, so two error pages can be compared whole.
std::string without_request_id(const std::string& body) {
    static const std::regex kId(R"re(<code class="request-id">[^<]*</code>)re");
    return std::regex_replace(body, kId, "<code class=\"request-id\"></code>");
}

void check_private_headers(const httplib::Result& res) {
    CHECK(res->get_header_value("Cache-Control") == "no-store");
    CHECK(res->get_header_value("X-Robots-Tag").find("noindex") != std::string::npos);
    CHECK(res->get_header_value("Referrer-Policy") == "no-referrer");
}

// GET /s/{token} with the password form: posts `password`, returns the response.
httplib::Result type_password(Browser& b, const std::string& token, const std::string& password) {
    auto form = b.get("/s/" + token);
    REQUIRE(form);
    REQUIRE(form->status == 200);
    REQUIRE(form->body.find("name=\"password\"") != std::string::npos);
    return b.post("/s/" + token, {{"password", password}});
}

// The text of a PDF as poppler's pdftotext reads it back.
std::string pdf_text(const std::string& pdf) {
    vitae::test::TempDir dir;
    auto file = dir.path() / "cv.pdf";
    std::ofstream(file, std::ios::binary) << pdf;
    auto run = vitae::test::run_tool({"pdftotext", "-enc", "UTF-8", file.string(), "-"});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    return run.out;
}

// A visitor who has typed the link's password.
Browser unlocked(Site& site, const std::string& token) {
    Browser guest = visitor(site);
    REQUIRE(type_password(guest, token, kLinkPassword)->status == 303);
    return guest;
}

}  // namespace

TEST_SUITE("integration") {
    TEST_CASE("a_member_creates_lists_and_revokes_share_links_and_each_is_shown_once") {
        Site site;
        auto cv = site.cv();
        auto page = site.owner.get(site.share_path(cv));
        REQUIRE(page->status == 200);
        CHECK(page->body.find("This CV has no share links.") != std::string::npos);
        CHECK(page->body.find("For Acme only") != std::string::npos);

        std::string first = site.create_link(cv, {{"name", "Acme recruiter"}});
        site.clock.advance(std::chrono::seconds(60));
        std::string second = site.create_link(cv, {{"name", "Globex"}, {"expires", ""}});
        CHECK(first != second);
        CHECK(first.size() == 43);

        auto listed = site.owner.get(site.share_path(cv));
        CHECK(listed->body.find(first) == std::string::npos);  // never shown again
        CHECK(listed->body.find(second) == std::string::npos);
        CHECK(listed->body.find("Acme recruiter") != std::string::npos);
        CHECK(listed->body.find("Globex") != std::string::npos);
        CHECK(listed->body.find("2027-02-14 07:46 UTC") != std::string::npos);  // 30 days on
        CHECK(listed->body.find("2027-01-15 07:46 UTC") != std::string::npos);  // created
        CHECK(listed->body.find("Active") != std::string::npos);
        // Newest first.
        CHECK(listed->body.find("Globex") < listed->body.find("Acme recruiter"));

        Browser guest = visitor(site);
        CHECK(guest.get("/s/" + first)->status == 200);
        CHECK(guest.get("/s/" + second)->status == 200);

        std::string id = site.db("SELECT id FROM cv_shares WHERE name = 'Acme recruiter'");
        auto revoked = site.revoke(site.owner, cv, id);
        CHECK(revoked->status == 303);
        CHECK(revoked->get_header_value("Location") ==
              "/cvs/" + std::to_string(cv) + "/share?done=revoked");
        CHECK(guest.get("/s/" + first)->status == 404);
        CHECK(guest.get("/s/" + second)->status == 200);  // the other link still works
        auto after = site.owner.get(site.share_path(cv) + "?done=revoked");
        CHECK(after->body.find("The link was revoked.") != std::string::npos);
        CHECK(after->body.find("Revoked") != std::string::npos);
        CHECK(site.revoke(site.owner, cv, id)->status == 404);

        CHECK(site.db("SELECT count(*) FROM audit_log WHERE action = 'share.create'") == "2");
        CHECK(site.db("SELECT count(*) FROM audit_log WHERE action = 'share.revoke'") == "1");
        CHECK(site.db("SELECT actor FROM audit_log WHERE action = 'share.revoke'") ==
              "ada@example.org");
    }

    TEST_CASE("only_the_sha256_of_a_share_token_or_grant_reaches_the_database_files") {
        Site site;
        auto cv = site.cv();
        std::string token = site.create_link(cv, {{"password", kLinkPassword}});
        Browser guest = unlocked(site, token);
        std::string grant = guest.cookie("vitae_share");
        REQUIRE(grant.size() == 43);

        CHECK(site.db("SELECT token_hash FROM cv_shares") == vitae::core::sha256_hex(token));
        CHECK(site.db("SELECT grant_hash FROM cv_share_grants") == vitae::core::sha256_hex(grant));
        CHECK(site.db("SELECT password_hash LIKE '$argon2id$%' FROM cv_shares") == "1");
        auto db_file = site.app.data_dir() / "vitae.db";
        CHECK_FALSE(vitae::test::database_files_contain(db_file, token));
        CHECK_FALSE(vitae::test::database_files_contain(db_file, grant));
        CHECK_FALSE(vitae::test::database_files_contain(db_file, kLinkPassword));
    }

    TEST_CASE("each_page_view_counts_once_but_head_requests_and_the_stylesheet_do_not") {
        Site site;
        auto cv = site.cv();
        std::string token = site.create_link(cv);
        CHECK(site.views_of(token) == "0");
        CHECK(site.owner.get(site.share_path(cv))->body.find("Never") != std::string::npos);

        Browser guest = visitor(site);
        auto page = guest.get("/s/" + token);
        REQUIRE(page->status == 200);
        site.clock.advance(std::chrono::seconds(3600));
        CHECK(guest.get("/s/" + token)->status == 200);
        CHECK(site.views_of(token) == "2");

        auto head = guest.client().Head("/s/" + token);
        REQUIRE(head);
        CHECK(head->status == 200);
        std::smatch css;
        REQUIRE(
            std::regex_search(page->body, css, std::regex(R"re(href="(/cv-templates/[^"]+)")re")));
        CHECK(guest.get(css[1].str())->status == 200);
        CHECK(site.views_of(token) == "2");

        auto listed = site.owner.get(site.share_path(cv));
        CHECK(listed->body.find("<td class=\"num\">2</td>") != std::string::npos);
        CHECK(listed->body.find("2027-01-15 08:46 UTC") != std::string::npos);  // last view
    }

    TEST_CASE("a_share_link_stops_working_when_it_expires") {
        Site site;
        auto cv = site.cv();
        std::string token = site.create_link(cv, {{"expires", "1"}});
        Browser guest = visitor(site);
        site.clock.advance(std::chrono::seconds(86400 - 1));
        CHECK(guest.get("/s/" + token)->status == 200);
        site.clock.advance(std::chrono::seconds(1));
        CHECK(guest.get("/s/" + token)->status == 404);
        auto listed = site.owner.get(site.share_path(cv));
        CHECK(listed->body.find("Expired") != std::string::npos);
        CHECK(listed->body.find("/revoke") == std::string::npos);  // nothing left to revoke
    }

    TEST_CASE("a_password_link_asks_for_it_once_and_the_grant_opens_that_link_only") {
        Site site;
        auto cv = site.cv();
        std::string token = site.create_link(cv, {{"password", kLinkPassword}});
        std::string other = site.create_link(cv, {{"password", kLinkPassword}});
        Browser guest = visitor(site);

        auto form = guest.get("/s/" + token);
        REQUIRE(form->status == 200);
        check_private_headers(form);
        CHECK(form->body.find("Zoë Ångström") == std::string::npos);  // nothing of the CV yet
        CHECK(site.views_of(token) == "0");

        auto wrong = guest.post("/s/" + token, {{"password", "not the password at all"}});
        CHECK(wrong->status == 401);
        CHECK(wrong->body.find("That password is not right.") != std::string::npos);
        CHECK(wrong->body.find("Zoë Ångström") == std::string::npos);
        CHECK(guest.cookie("vitae_share").empty());

        auto right = guest.post("/s/" + token, {{"password", kLinkPassword}});
        REQUIRE(right->status == 303);
        CHECK(right->get_header_value("Location") == "/s/" + token);
        std::string set_cookie = right->get_header_value("Set-Cookie");
        CHECK(set_cookie.starts_with("vitae_share="));
        CHECK(set_cookie.find("; Path=/s/" + token + ";") != std::string::npos);
        CHECK(set_cookie.find("HttpOnly") != std::string::npos);
        CHECK(set_cookie.find("SameSite=Lax") != std::string::npos);
        CHECK(set_cookie.find("Max-Age=43200") != std::string::npos);

        auto shown = guest.get("/s/" + token);
        REQUIRE(shown->status == 200);
        CHECK(shown->body.find("Zoë Ångström") != std::string::npos);
        CHECK(guest.get("/s/" + token)->status == 200);  // not asked again
        CHECK(site.views_of(token) == "2");

        // The same grant sent to another link of the same CV opens nothing there.
        auto elsewhere = guest.get("/s/" + other);
        REQUIRE(elsewhere->status == 200);
        CHECK(elsewhere->body.find("name=\"password\"") != std::string::npos);
        CHECK(elsewhere->body.find("Zoë Ångström") == std::string::npos);
        CHECK(site.views_of(other) == "0");

        // A forged grant opens nothing either.
        Browser forger = visitor(site);
        forger.set_cookie("vitae_share", std::string(43, 'A'));
        CHECK(forger.get("/s/" + token)->body.find("Zoë Ångström") == std::string::npos);

        // The grant runs out after 12 hours; the password is asked again.
        site.clock.advance(std::chrono::seconds(12 * 3600));
        CHECK(guest.get("/s/" + token)->body.find("name=\"password\"") != std::string::npos);

        // Revoking the link ends its grants too.
        REQUIRE(type_password(guest, token, kLinkPassword)->status == 303);
        std::string id = site.link_id(token);
        REQUIRE(site.owner.get(site.share_path(cv))->status == 200);
        REQUIRE(site.revoke(site.owner, cv, id)->status == 303);
        CHECK(guest.get("/s/" + token)->status == 404);
        CHECK(site.db("SELECT count(*) FROM cv_share_grants WHERE share_id = " + id) == "0");
    }

    TEST_CASE("guessing_a_link_password_is_throttled_per_link_even_for_the_right_password") {
        Site site;
        auto cv = site.cv();
        std::string token = site.create_link(cv, {{"password", kLinkPassword}});
        Browser guest = visitor(site);
        REQUIRE(guest.get("/s/" + token)->status == 200);

        // Wrong guesses until the first 429.
        int refused = 0;
        auto guess = [&] {
            return guest.post("/s/" + token,
                              {{"password", "wrong guess number " + std::to_string(refused)}});
        };
        auto last = guess();
        for (; last && last->status == 401 && refused < 10; last = guess())
            ++refused;
        REQUIRE(last);
        REQUIRE(last->status == 429);
        CHECK(refused == 6);  // 5 free failures, the 6th starts a wait
        CHECK(last->get_header_value("Retry-After") == "1");
        check_private_headers(last);

        // While the wait lasts, not even the right password is tried.
        auto right = guest.post("/s/" + token, {{"password", kLinkPassword}});
        CHECK(right->status == 429);
        CHECK(guest.cookie("vitae_share").empty());
        CHECK(site.db("SELECT count(*) FROM audit_log WHERE action = 'signin.throttled'") == "1");

        site.clock.advance(std::chrono::seconds(1));
        CHECK(guest.post("/s/" + token, {{"password", kLinkPassword}})->status == 303);
    }

    TEST_CASE("revoked_expired_and_unknown_links_answer_the_same_404") {
        Site site;
        auto cv = site.cv();
        std::string revoked = site.create_link(cv, {{"password", kLinkPassword}});
        std::string expired = site.create_link(cv, {{"expires", "1"}});
        std::string id = site.link_id(revoked);
        REQUIRE(site.revoke(site.owner, cv, id)->status == 303);
        site.clock.advance(std::chrono::seconds(86400));
        std::string unknown = vitae::core::sha256_hex("nothing").substr(0, 43);

        Browser guest = visitor(site);
        REQUIRE(guest.get("/login")->status == 200);  // a CSRF cookie for the form posts
        std::vector<std::string> gets, posts;
        for (const auto& token : {revoked, expired, unknown, std::string("short")}) {
            CAPTURE(token);
            auto get = guest.get("/s/" + token);
            REQUIRE(get->status == 404);
            check_private_headers(get);
            gets.push_back(without_request_id(get->body));
            auto post = guest.post("/s/" + token, {{"password", kLinkPassword}});
            REQUIRE(post->status == 404);
            posts.push_back(without_request_id(post->body));
        }
        for (std::size_t i = 1; i < gets.size(); ++i) {
            CHECK(gets[i] == gets[0]);
            CHECK(posts[i] == posts[0]);
        }
        // The same page as any address that never existed.
        CHECK(without_request_id(guest.get("/no/such/page")->body) == gets[0]);
        CHECK(site.db("SELECT sum(view_count) FROM cv_shares") == "0");
    }

    TEST_CASE("a_shared_page_shows_the_cv_escaped_and_nothing_else_of_the_owner") {
        Site site;
        auto hostile = vitae::test::map_strings(fixture(), [](const std::string& old) {
            return json("<script>alert(1)</script>" + old);
        });
        auto cv = site.cv(hostile, "Secret title for Initech", "modern");
        site.cv(json{{"basics", {{"name", "Other CV person"}}}}, "My other CV");
        std::string token = site.create_link(cv);

        Browser guest = visitor(site);
        auto page = guest.get("/s/" + token);
        REQUIRE(page->status == 200);
        check_private_headers(page);
        CHECK(page->get_header_value("Content-Security-Policy").find("script-src 'self'") !=
              std::string::npos);
        const std::string& html = page->body;
        CHECK(html.find("<script") == std::string::npos);  // not theirs, and none of ours
        CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;Zoë Ångström") != std::string::npos);
        CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;Nordlys Data AB") !=
              std::string::npos);
        CHECK(html.find("cv-modern") != std::string::npos);  // the CV's own template
        CHECK(html.find("<meta name=\"robots\" content=\"noindex") != std::string::npos);
        for (const char* private_text :
             {"ada@example.org", "Ada Account-Name", "Secret title for Initech", "My other CV",
              "Other CV person", "/cvs", "/account", "/logout", "/admin", "name=\"csrf\"",
              "Sign out", "Sign in"}) {
            CAPTURE(private_text);
            CHECK(html.find(private_text) == std::string::npos);
        }

        // The stylesheet it links, and nothing inline (the CSP forbids it).
        CHECK(html.find("<style") == std::string::npos);
        CHECK(html.find("style=") == std::string::npos);
        std::smatch css;
        REQUIRE(std::regex_search(
            html, css, std::regex(R"re(href="(/cv-templates/modern\.css\?v=[0-9a-f]{16})")re")));
        auto sheet = guest.get(css[1].str());
        REQUIRE(sheet->status == 200);
        CHECK(sheet->get_header_value("Content-Type").starts_with("text/css"));
        CHECK(sheet->get_header_value("Cache-Control").find("immutable") != std::string::npos);

        // Signed in as the owner, the page is no different: still nothing of the account.
        auto as_owner = site.owner.get("/s/" + token);
        REQUIRE(as_owner->status == 200);
        CHECK(as_owner->body.find("ada@example.org") == std::string::npos);
        CHECK(as_owner->body.find("/account") == std::string::npos);
    }

    TEST_CASE("another_member_cannot_list_create_or_revoke_links_of_my_cv") {
        Site site;
        auto cv = site.cv();
        std::string token = site.create_link(cv, {{"name", "Acme recruiter"}});
        std::string id = site.db("SELECT id FROM cv_shares");
        auto bob_id = site.member("bob@example.org");
        Browser bob = site.signed_in("bob@example.org");

        auto list = bob.get(site.share_path(cv));
        CHECK(list->status == 404);
        CHECK(list->body.find("Acme recruiter") == std::string::npos);
        CHECK(bob.post(site.share_path(cv), {{"expires", "30"}})->status == 404);
        CHECK(site.revoke(bob, cv, id)->status == 404);
        // Nor through a CV of his own: the link must belong to the CV in the path.
        auto bobs_cv = site.cvs.create(bob_id, {.title = "Bob's"}).id;
        CHECK(site.revoke(bob, bobs_cv, id)->status == 404);
        CHECK(bob.get("/cvs/99999999999999999999999/share")->status == 404);

        CHECK(site.db("SELECT count(*) FROM cv_shares") == "1");
        CHECK(site.db("SELECT revoked_at FROM cv_shares") == "NULL");
        CHECK(site.db("SELECT count(*) FROM audit_log WHERE action LIKE 'share.%'") == "1");
        CHECK(visitor(site).get("/s/" + token)->status == 200);
    }

    TEST_CASE("deleting_a_cv_deletes_its_share_links") {
        Site site;
        auto cv = site.cv();
        std::string token = site.create_link(cv, {{"password", kLinkPassword}});
        Browser guest = unlocked(site, token);
        site.cvs.remove(site.ada, cv);
        CHECK(site.db("SELECT count(*) FROM cv_shares") == "0");
        CHECK(site.db("SELECT count(*) FROM cv_share_grants") == "0");
        CHECK(guest.get("/s/" + token)->status == 404);
    }

    TEST_CASE("a_refused_share_form_says_why_and_stores_nothing") {
        Site site;
        auto cv = site.cv();
        REQUIRE(site.owner.get(site.share_path(cv))->status == 200);
        struct Case {
            httplib::Params form;
            const char* message;
        };
        const std::vector<Case> cases = {
            {{{"password", "short"}, {"expires", "30"}}, "at least 10 characters"},
            {{{"password", "password123"}, {"expires", "30"}}, "too common"},
            {{{"expires", "3650"}}, "Choose when the link expires"},
            {{{"name", "two\nlines"}, {"expires", "30"}}, "line breaks"},
        };
        for (const auto& c : cases) {
            CAPTURE(c.message);
            auto res = site.owner.post(site.share_path(cv), c.form);
            REQUIRE(res);
            CHECK(res->status == 400);
            CHECK(res->body.find(c.message) != std::string::npos);
            CHECK(res->body.find("id=\"new-link\"") == std::string::npos);
        }
        CHECK(site.db("SELECT count(*) FROM cv_shares") == "0");
        CHECK(site.db("SELECT count(*) FROM audit_log WHERE action = 'share.create'") == "0");
    }

    TEST_CASE("the_shared_pdf_needs_no_account_and_behind_a_password_only_the_links_grant") {
        Site site;
        auto cv = site.cv();
        std::string open = site.create_link(cv);
        std::string locked = site.create_link(cv, {{"password", kLinkPassword}});
        Browser guest = visitor(site);

        auto page = guest.get("/s/" + open);
        REQUIRE(page->status == 200);
        CHECK(page->body.find("href=\"/s/" + open + "/cv.pdf\"") != std::string::npos);
        auto pdf = guest.get("/s/" + open + "/cv.pdf");
        REQUIRE(pdf->status == 200);
        check_private_headers(pdf);
        CHECK(pdf->get_header_value("Content-Type") == "application/pdf");
        CHECK(pdf->get_header_value("Content-Disposition").starts_with("attachment"));
        CHECK(pdf->body.starts_with("%PDF-"));
        std::string text = pdf_text(pdf->body);
        CHECK(text.find("Zoë Ångström") != std::string::npos);
        CHECK(text.find("Nordlys Data AB") != std::string::npos);
        CHECK(text.find("For Acme only") == std::string::npos);  // the CV's title stays private
        CHECK(site.views_of(open) == "1");                       // the page, not the download

        CHECK(pdf->get_header_value("Content-Disposition") ==
              "attachment; filename=\"zo-ngstr-m-cv.pdf\"");
        auto letter = guest.get("/s/" + open + "/cv.pdf?paper=letter");
        CHECK(letter->status == 200);
        CHECK(letter->body.starts_with("%PDF-"));
        CHECK(letter->body != pdf->body);
        CHECK(guest.get("/s/" + open + "/cv.pdf?paper=a3")->status == 400);

        // Behind the password: the form first, then the download with the link's grant.
        auto asked = guest.get("/s/" + locked + "/cv.pdf");
        CHECK(asked->status == 303);
        CHECK(asked->get_header_value("Location") == "/s/" + locked);
        Browser trusted = unlocked(site, locked);
        auto granted = trusted.get("/s/" + locked + "/cv.pdf");
        REQUIRE(granted->status == 200);
        CHECK(granted->body.starts_with("%PDF-"));

        REQUIRE(site.revoke(site.owner, cv, site.link_id(open))->status == 303);
        CHECK(guest.get("/s/" + open + "/cv.pdf")->status == 404);
        CHECK(visitor(site)
                  .get("/s/" + vitae::core::sha256_hex("x").substr(0, 43) + "/cv.pdf")
                  ->status == 404);
    }
}
