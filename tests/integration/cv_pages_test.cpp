// The member's CV pages over real HTTP, as a browser without JavaScript uses them: the
// list, creating, duplicating and deleting (with its confirmation page), and the editor:
// its form posted back as rendered, each add / remove / move button, unknown fields
// surviving, problems shown next to their fields, the JSON answer the autosave script
// gets, the preview, hostile text, and other members' CVs.
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "auth/account_service.hpp"
#include "core/clock.hpp"
#include "cv/cv_service.hpp"
#include "support/browser.hpp"
#include "support/html_form.hpp"
#include "support/test_app.hpp"

using json = nlohmann::json;
using vitae::test::Browser;
using vitae::test::html_form_fields;

namespace {

constexpr const char* kPassword = "correct horse battery staple";
constexpr const char* kHostile = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>";

json fixture(const std::string& name) {
    std::ifstream in(VITAE_SOURCE_DIR "/tests/fixtures/resume/" + name);
    REQUIRE(in);
    std::stringstream text;
    text << in.rdbuf();
    return json::parse(text.str());
}

// A running app with a signed-in member, and the CV service to arrange and inspect CVs.
struct Site {
    vitae::test::TestApp app;
    vitae::cv::CvService cvs{app.app().database(), vitae::core::unix_now, 50};
    std::int64_t zoe = member("zoe@example.org", "Zoë Ångström");
    Browser browser = signed_in("zoe@example.org");

    std::int64_t member(const std::string& email, const std::string& name = "") {
        return app.app().accounts().create({email, name, "member", kPassword},
                                           vitae::auth::Actor{std::nullopt, "test", ""});
    }

    Browser signed_in(const std::string& email) {
        Browser b(app.port());
        REQUIRE(b.sign_in(email, kPassword)->status == 303);
        REQUIRE(b.get("/cvs")->status == 200);  // loads the session's CSRF token
        return b;
    }

    std::int64_t cv(const json& resume, const std::string& title = "Main CV") {
        return cvs.create(zoe, {.title = title, .resume = resume}).id;
    }

    json resume(std::int64_t id) { return cvs.get(zoe, id).resume; }

    std::string edit_path(std::int64_t id) { return "/cvs/" + std::to_string(id) + "/edit"; }

    // The editor's form exactly as the page renders it.
    httplib::Params rendered_form(std::int64_t id) {
        auto page = browser.get(edit_path(id));
        REQUIRE(page);
        REQUIRE(page->status == 200);
        return html_form_fields(page->body, edit_path(id));
    }

    // Posts the editor's form as a browser does (multipart/form-data).
    httplib::Result save(std::int64_t id, const httplib::Params& form) {
        return browser.post_multipart(edit_path(id), form);
    }

    // Posts the rendered form with `op`; returns the answer (a 303 back to the editor).
    httplib::Result press(std::int64_t id, const std::string& op, httplib::Params form = {}) {
        if (form.empty())
            form = rendered_form(id);
        form.emplace("op", op);
        return save(id, form);
    }
};

void set_field(httplib::Params& form, const std::string& name, const std::string& value) {
    auto it = form.find(name);
    REQUIRE_MESSAGE(it != form.end(), name);
    it->second = value;
}

std::string location(const httplib::Result& res) {
    return res->get_header_value("Location");
}

}  // namespace

TEST_SUITE("integration") {
    TEST_CASE("my_cvs_lists_the_members_own_cvs_with_edit_duplicate_export_and_delete") {
        Site site;
        auto id = std::to_string(site.cv(json::object(), "Backend roles"));
        auto other = site.member("other@example.org");
        site.cvs.create(other, {.title = "Someone else's CV"});

        auto page = site.browser.get("/cvs");
        REQUIRE(page->status == 200);
        CHECK(page->body.find("Backend roles") != std::string::npos);
        CHECK(page->body.find("Someone else") == std::string::npos);
        CHECK(page->body.find("href=\"/cvs/" + id + "/edit\"") != std::string::npos);
        CHECK(page->body.find("action=\"/cvs/" + id + "/duplicate\"") != std::string::npos);
        for (const char* format : {"pdf", "docx", "json", "html", "txt"}) {
            CHECK(page->body.find("/cvs/" + id + "/export?format=" + format) != std::string::npos);
        }
        CHECK(page->body.find("href=\"/cvs/" + id + "/delete\"") != std::string::npos);
        CHECK(page->body.find("href=\"/cvs\" aria-current=\"page\">CVs<") != std::string::npos);
    }

    TEST_CASE("new_cv_form_creates_a_starter_cv_and_opens_its_editor") {
        Site site;
        REQUIRE(site.browser.get("/cvs/new")->status == 200);
        auto res = site.browser.post(
            "/cvs/new", {{"title", "Academic CV"}, {"template", "modern"}, {"start", "starter"}});
        REQUIRE(res->status == 303);
        auto cvs = site.cvs.list(site.zoe);
        REQUIRE(cvs.size() == 1);
        CHECK(location(res) == site.edit_path(cvs[0].id));
        auto cv = site.cvs.get(site.zoe, cvs[0].id);
        CHECK(cv.title == "Academic CV");
        CHECK(cv.template_name == "modern");
        CHECK(cv.resume["basics"] == json{{"name", "Zoë Ångström"}, {"email", "zoe@example.org"}});
        CHECK(cv.resume["work"] == json::array({json::object()}));

        res = site.browser.post("/cvs/new", {{"title", "Blank"}, {"start", "empty"}});
        REQUIRE(res->status == 303);
        auto blank = site.cvs.list(site.zoe);
        REQUIRE(blank.size() == 2);
        for (const auto& c : blank) {
            if (c.title == "Blank")
                CHECK(site.resume(c.id) == json::object());
        }
    }

    TEST_CASE("new_cv_without_a_title_is_refused_in_the_form_and_nothing_is_created") {
        Site site;
        site.browser.get("/cvs/new");
        auto res = site.browser.post("/cvs/new", {{"title", "  "}, {"template", "ats"}});
        REQUIRE(res->status == 400);
        CHECK(res->body.find("Give the CV a title.") != std::string::npos);
        CHECK(res->body.find("value=\"ats\" checked") != std::string::npos);
        CHECK(site.cvs.list(site.zoe).empty());
    }

    TEST_CASE("duplicate_makes_a_copy_that_remembers_its_parent") {
        Site site;
        auto id = site.cv(fixture("every_section.json"), "Original");
        auto res = site.browser.post("/cvs/" + std::to_string(id) + "/duplicate");
        REQUIRE(res->status == 303);
        CHECK(location(res) == "/cvs?done=duplicated");
        auto list = site.cvs.list(site.zoe);
        REQUIRE(list.size() == 2);
        auto copy = list[0].id == id ? list[1] : list[0];
        CHECK(copy.title == "Original (copy)");
        CHECK(copy.parent_id == id);
        CHECK(site.resume(copy.id) == site.resume(id));
        CHECK(site.browser.get("/cvs?done=duplicated")->body.find("Original (copy)") !=
              std::string::npos);
    }

    TEST_CASE("delete_shows_a_confirmation_page_and_deletes_only_on_its_post") {
        Site site;
        auto id = site.cv(json::object(), "Old CV");
        std::string path = "/cvs/" + std::to_string(id) + "/delete";
        auto confirm = site.browser.get(path);
        REQUIRE(confirm->status == 200);
        CHECK(confirm->body.find("Delete “Old CV”?") != std::string::npos);
        CHECK(confirm->body.find("action=\"" + path + "\"") != std::string::npos);
        CHECK(site.cvs.list(site.zoe).size() == 1);

        auto res = site.browser.post(path);
        REQUIRE(res->status == 303);
        CHECK(location(res) == "/cvs?done=deleted");
        CHECK(site.cvs.list(site.zoe).empty());
        CHECK(site.browser.get(site.edit_path(id))->status == 404);
    }

    TEST_CASE("another_members_cv_is_not_found_on_every_cv_page_and_stays_unchanged") {
        Site site;
        auto id = site.cv(fixture("every_section.json"));
        auto before = site.cvs.get(site.zoe, id);
        site.member("mallory@example.org");
        Browser mallory = site.signed_in("mallory@example.org");
        std::string cv = "/cvs/" + std::to_string(id);
        for (const auto& path : {cv + "/edit", cv + "/preview", cv + "/delete"})
            CHECK(mallory.get(path)->status == 404);
        for (const auto& path : {cv + "/edit", cv + "/duplicate", cv + "/delete"}) {
            CAPTURE(path);
            CHECK(mallory.post(path, {{"_sections", "basics"}, {"basics[name]", "Mallory"}})
                      ->status == 404);
        }
        auto after = site.cvs.get(site.zoe, id);
        CHECK(after.resume == before.resume);
        CHECK(after.updated_at == before.updated_at);
        CHECK(site.cvs.list(site.member("x@example.org")).empty());
    }

    TEST_CASE("editor_shows_a_field_for_every_section_of_json_resume") {
        Site site;
        auto id = site.cv(fixture("every_section.json"));
        auto form = site.rendered_form(id);
        for (const char* name : {"basics[name]",
                                 "basics[label]",
                                 "basics[email]",
                                 "basics[phone]",
                                 "basics[url]",
                                 "basics[summary]",
                                 "basics[location][city]",
                                 "basics[location][countryCode]",
                                 "basics[profiles][0][network]",
                                 "basics[profiles][1][url]",
                                 "work[0][name]",
                                 "work[0][highlights][2]",
                                 "volunteer[0][organization]",
                                 "education[0][courses][1]",
                                 "awards[1][awarder]",
                                 "certificates[0][issuer]",
                                 "publications[1][releaseDate]",
                                 "skills[1][keywords][3]",
                                 "languages[3][fluency]",
                                 "interests[0][keywords][1]",
                                 "references[0][reference]",
                                 "projects[0][roles][1]",
                                 "projects[1][endDate]",
                                 "title",
                                 "template",
                                 "language"}) {
            CAPTURE(std::string(name));
            CHECK(form.count(name) == 1);
        }
        CHECK(form.find("work[1][name]")->second == "Αλέξανδρος Systems Ε.Π.Ε.");
        CHECK(form.find("references[0][name]")->second == "Пётр Иванович Смирнов");
        CHECK(form.count("_sections") == 13);
    }

    TEST_CASE("posting_the_editor_form_as_rendered_keeps_the_document_identical") {
        for (std::string name : {"rich.json", "every_section.json"}) {
            CAPTURE(name);
            Site site;
            auto original = fixture(name);
            auto id = site.cv(original);
            auto versions = site.cvs.versions(site.zoe, id).size();
            auto res = site.save(id, site.rendered_form(id));
            REQUIRE(res->status == 303);
            CHECK(location(res) == site.edit_path(id) + "?done=saved");
            CHECK(site.resume(id) == original);
            CHECK(site.cvs.versions(site.zoe, id).size() == versions);  // nothing changed
        }
    }

    TEST_CASE("unknown_fields_and_fields_of_other_types_survive_an_editor_save") {
        Site site;
        json stored = {
            {"x-vitae-test", {{"kept", true}}},
            {"meta", {{"theme", "elegant"}}},
            {"basics",
             {{"name", "Zoë"},
              {"x-pronouns", "she/her"},
              {"location", {{"city", "Oslo"}, {"x-geo", 1}}}}},
            {"work",
             {{{"name", "First"}, {"x-team", "Storage"}, {"highlights", {"a", "b"}}},
              {{"name", "Second"}, {"x-team", "Payments"}, {"highlights", {1, "mixed"}}}}},
            {"education", {{{"institution", "KTH"}, {"score", 4.8}}}},
            {"skills", "not a list"},
        };
        auto id = site.cv(stored);
        auto form = site.rendered_form(id);
        CHECK(form.count("work[1][highlights][0]") == 0);  // not texts: not shown
        CHECK(form.count("education[0][score]") == 0);     // a number: not shown
        set_field(form, "work[0][name]", "First, renamed");
        set_field(form, "basics[location][city]", "Bergen");
        auto res = site.press(id, "move_down:work:0", form);
        REQUIRE(res->status == 303);

        json expected = stored;
        expected["work"] = json::array({stored["work"][1], stored["work"][0]});
        expected["work"][1]["name"] = "First, renamed";
        expected["basics"]["location"]["city"] = "Bergen";
        CHECK(site.resume(id) == expected);
    }

    TEST_CASE("each_editor_button_works_without_javascript") {
        Site site;
        auto id = site.cv({{"work",
                            {{{"name", "A"}, {"highlights", {"a1", "a2", "a3"}}},
                             {{"name", "B"}},
                             {{"name", "C"}}}},
                           {"basics", {{"name", "Zoë"}}}});
        auto editor = site.edit_path(id);
        auto names = [&] {
            std::vector<std::string> out;
            auto resume = site.resume(id);
            for (const auto& w : resume["work"])
                out.push_back(w.value("name", ""));
            return out;
        };

        auto res = site.press(id, "add:work");
        CHECK(location(res) == editor + "?at=work-3-name#work-3-name");
        CHECK(site.resume(id)["work"][3] == json::object());

        res = site.press(id, "remove:work:3");
        CHECK(location(res) == editor + "?at=work-add#work-add");
        CHECK(names() == std::vector<std::string>{"A", "B", "C"});

        res = site.press(id, "move_up:work:2");
        CHECK(location(res) == editor + "?at=work-1-up#work-1-up");
        CHECK(names() == std::vector<std::string>{"A", "C", "B"});

        res = site.press(id, "move_up:work:1");  // to the top: focus moves to "down"
        CHECK(location(res) == editor + "?at=work-0-down#work-0-down");
        CHECK(names() == std::vector<std::string>{"C", "A", "B"});

        res = site.press(id, "move_down:work:1");
        CHECK(location(res) == editor + "?at=work-2-up#work-2-up");
        CHECK(names() == std::vector<std::string>{"C", "B", "A"});

        res = site.press(id, "add:work.2.highlights");
        CHECK(location(res) == editor + "?at=work-2-highlights-3#work-2-highlights-3");
        CHECK(site.resume(id)["work"][2]["highlights"] == json{"a1", "a2", "a3", ""});

        res = site.press(id, "move_up:work.2.highlights:1");
        CHECK(location(res) == editor + "?at=work-2-highlights-0-down#work-2-highlights-0-down");
        CHECK(site.resume(id)["work"][2]["highlights"] == json{"a2", "a1", "a3", ""});

        res = site.press(id, "move_down:work.2.highlights:0");
        CHECK(site.resume(id)["work"][2]["highlights"] == json{"a1", "a2", "a3", ""});

        res = site.press(id, "remove:work.2.highlights:3");
        CHECK(location(res) == editor + "?at=work-2-highlights-add#work-2-highlights-add");
        CHECK(site.resume(id)["work"][2]["highlights"] == json{"a1", "a2", "a3"});

        res = site.press(id, "add:basics.profiles");
        CHECK(location(res) == editor + "?at=basics-profiles-0-network#basics-profiles-0-network");
        CHECK(site.resume(id)["basics"]["profiles"] == json::array({json::object()}));

        res = site.press(id, "add:skills");
        res = site.press(id, "add:skills.0.keywords");
        CHECK(site.resume(id)["skills"] == json::array({json{{"keywords", json::array({""})}}}));
    }

    TEST_CASE("the_editor_focuses_the_control_a_button_round_trip_names") {
        Site site;
        auto id = site.cv({{"work", {{{"name", "A"}}, {{"name", "B"}}}}});
        auto page = site.browser.get(site.edit_path(id) + "?at=work-1-up");
        REQUIRE(page->status == 200);
        CHECK(page->body.find("id=\"work-1-up\" class=\"button button-small\" data-op=\"move_up\" "
                              "autofocus") != std::string::npos);
        CHECK(page->body.find("autofocus") == page->body.rfind("autofocus"));  // only there
    }

    TEST_CASE("an_unknown_editor_button_is_refused_and_nothing_is_saved") {
        Site site;
        auto id = site.cv({{"work", {{{"name", "A"}}}}});
        auto versions = site.cvs.versions(site.zoe, id).size();
        for (std::string op : {"add:nonsense", "remove:work", "add:work.0.name", "explode:work:0",
                               "add:basics", "move_up:work:x", "add:work.0.highlights:1"}) {
            CAPTURE(op);
            auto form = site.rendered_form(id);
            set_field(form, "work[0][name]", "changed");
            CHECK(site.press(id, op, form)->status == 400);
        }
        CHECK(site.resume(id)["work"][0]["name"] == "A");
        CHECK(site.cvs.versions(site.zoe, id).size() == versions);
    }

    TEST_CASE("validation_problems_show_next_to_their_fields_and_the_draft_is_saved") {
        Site site;
        auto id = site.cv(json::object());
        auto form = site.rendered_form(id);
        form.emplace("work[0][_from]", "");
        form.emplace("work[0][name]", "Nordlys");
        form.emplace("work[0][startDate]", "March 2019");
        set_field(form, "basics[email]", "not-an-email");
        auto res = site.save(id, form);
        REQUIRE(res->status == 303);
        CHECK(site.resume(id)["work"][0]["startDate"] == "March 2019");

        auto page = site.browser.get(location(res));
        REQUIRE(page->status == 200);
        const auto& html = page->body;
        CHECK(html.find("id=\"work-0-startDate\" name=\"work[0][startDate]\" type=\"text\" "
                        "value=\"March 2019\"") != std::string::npos);
        CHECK(html.find("aria-invalid=\"true\" aria-describedby=\"work-0-startDate-hint "
                        "work-0-startDate-error\"") != std::string::npos);
        CHECK(html.find("id=\"work-0-startDate-error\" data-problem>must be a date") !=
              std::string::npos);
        CHECK(html.find("<a href=\"#basics-email\">Email</a> must be an email address") !=
              std::string::npos);
        CHECK(html.find("<a href=\"#work-0-startDate\">Start date (job 1)</a>") !=
              std::string::npos);
    }

    TEST_CASE("the_autosave_post_answers_json_with_the_problems_of_the_saved_draft") {
        Site site;
        auto id = site.cv({{"work", {{{"name", "A"}}}}});
        auto form = site.rendered_form(id);
        set_field(form, "work[0][startDate]", "yesterday");
        set_field(form, "title", "Autosaved");
        form.erase("csrf");  // scripts send the token in a header
        json fields = json::array();
        for (const auto& [name, value] : form)
            fields.push_back({name, value});
        std::string body = json{{"fields", fields}}.dump();
        auto cli = site.app.client();
        httplib::Headers headers = {
            {"Cookie", "vitae_session=" + site.browser.cookie("vitae_session")},
            {"Accept", "application/json"},
            {"X-CSRF-Token", site.browser.csrf()}};
        auto res = cli.Post(site.edit_path(id), headers, body, "application/json");
        REQUIRE(res);
        REQUIRE(res->status == 200);
        CHECK(res->get_header_value("Content-Type") == "application/json");
        auto answer = json::parse(res->body);
        CHECK(answer["saved"] == true);
        CHECK(answer["title"] == "Autosaved");
        CHECK(answer["updated_at"].get<std::string>().size() == 20);
        REQUIRE(answer["problems"].size() == 1);
        CHECK(answer["problems"][0]["path"] == "work[0].startDate");
        CHECK(answer["problems"][0]["id"] == "work-0-startDate");
        CHECK(answer["problems"][0]["label"] == "Start date (job 1)");
        CHECK(site.resume(id)["work"][0]["startDate"] == "yesterday");

        headers.erase("X-CSRF-Token");
        CHECK(cli.Post(site.edit_path(id), headers, body, "application/json")->status == 403);
        headers.emplace("X-CSRF-Token", site.browser.csrf());
        CHECK(
            cli.Post(site.edit_path(id), headers, "{\"fields\": 3}", "application/json")->status ==
            400);
    }

    TEST_CASE("a_form_past_the_multipart_part_limit_saves_through_the_script_only") {
        Site site;
        json many = json::array();
        for (int i = 0; i < 300; ++i)
            many.push_back({{"name", "Paper " + std::to_string(i)}, {"publisher", "ACM"}});
        auto id = site.cv({{"publications", many}});
        auto page = site.browser.get(site.edit_path(id));
        CHECK(page->body.find("<noscript>") != std::string::npos);  // warns without script
        CHECK(site.browser.get(site.edit_path(site.cv(json::object())))->body.find("<noscript>") ==
              std::string::npos);

        auto form = html_form_fields(page->body, site.edit_path(id));
        REQUIRE(form.size() > 1024);
        set_field(form, "publications[299][name]", "The last paper");
        auto before = site.resume(id);
        CHECK(site.save(id, form)->status == 400);  // cpp-httplib: at most 1024 parts
        CHECK(site.resume(id) == before);

        json fields = json::array();
        for (const auto& [name, value] : form) {
            if (name != "csrf")
                fields.push_back({name, value});
        }
        auto cli = site.app.client();
        auto res = cli.Post(site.edit_path(id),
                            {{"Cookie", "vitae_session=" + site.browser.cookie("vitae_session")},
                             {"Accept", "application/json"},
                             {"X-CSRF-Token", site.browser.csrf()}},
                            json{{"fields", fields}}.dump(), "application/json");
        REQUIRE(res->status == 200);
        CHECK(site.resume(id)["publications"][299]["name"] == "The last paper");
        CHECK(site.resume(id)["publications"].size() == 300);
    }

    TEST_CASE("a_refused_title_keeps_the_resume_edits_of_the_same_save") {
        Site site;
        auto id = site.cv({{"work", {{{"name", "A"}}}}}, "Kept title");
        auto form = site.rendered_form(id);
        set_field(form, "title", "");
        set_field(form, "work[0][name]", "Renamed");
        auto res = site.save(id, form);
        REQUIRE(res->status == 400);
        CHECK(res->body.find("Give the CV a title.") != std::string::npos);
        auto cv = site.cvs.get(site.zoe, id);
        CHECK(cv.title == "Kept title");
        CHECK(cv.resume["work"][0]["name"] == "Renamed");
    }

    TEST_CASE("hostile_text_is_escaped_in_the_editor_the_list_and_the_preview") {
        Site site;
        auto id =
            site.cv({{"basics", {{"name", kHostile}, {"summary", kHostile}}},
                     {"work", {{{"name", kHostile}, {"highlights", json::array({kHostile})}}}}},
                    kHostile);
        std::string cv = "/cvs/" + std::to_string(id);
        for (const auto& path :
             {cv + "/edit", cv + "/preview", std::string("/cvs"), cv + "/delete"}) {
            CAPTURE(path);
            auto page = site.browser.get(path);
            REQUIRE(page->status == 200);
            CHECK(page->body.find("<script>alert") == std::string::npos);
            CHECK(page->body.find("<img src=x") == std::string::npos);
            CHECK(page->body.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
        }
        // Escaped, the values still come back unchanged when the form is posted.
        auto before = site.resume(id);
        REQUIRE(site.save(id, site.rendered_form(id))->status == 303);
        CHECK(site.resume(id) == before);
    }

    TEST_CASE("only_the_preview_may_be_framed_and_it_links_its_template_stylesheet") {
        Site site;
        auto id = site.cv(fixture("rich.json"));
        auto editor = site.browser.get(site.edit_path(id));
        CHECK(editor->get_header_value("X-Frame-Options") == "DENY");
        CHECK(editor->body.find("<iframe id=\"cv-preview\" class=\"cv-preview-frame\" src=\"/cvs/" +
                                std::to_string(id) + "/preview\"") != std::string::npos);

        auto preview = site.browser.get("/cvs/" + std::to_string(id) + "/preview");
        REQUIRE(preview->status == 200);
        CHECK(preview->get_header_value("X-Frame-Options") == "SAMEORIGIN");
        auto csp = preview->get_header_value("Content-Security-Policy");
        CHECK(csp.find("frame-ancestors 'self'") != std::string::npos);
        CHECK(csp.find("default-src 'none'") != std::string::npos);
        CHECK(csp.find("script") == std::string::npos);  // no script runs there at all
        CHECK(preview->body.find("<article class=\"cv cv-classic\">") != std::string::npos);
        CHECK(preview->body.find("ООО «Северный код»") != std::string::npos);
        CHECK(preview->body.find("<style") == std::string::npos);
        CHECK(preview->body.find(" style=") == std::string::npos);

        auto at = preview->body.find("href=\"/cv-templates/classic.css?v=");
        REQUIRE(at != std::string::npos);
        auto href = preview->body.substr(at + 6, preview->body.find('"', at + 6) - at - 6);
        auto css = site.browser.get(href);
        REQUIRE(css->status == 200);
        CHECK(css->get_header_value("Content-Type") == "text/css; charset=utf-8");
        CHECK(css->body.find(".cv-classic") != std::string::npos);
        CHECK(css->get_header_value("Cache-Control").find("immutable") != std::string::npos);

        auto form = site.rendered_form(id);
        set_field(form, "template", "modern");
        REQUIRE(site.save(id, form)->status == 303);
        auto modern = site.browser.get("/cvs/" + std::to_string(id) + "/preview");
        CHECK(modern->body.find("<article class=\"cv cv-modern\">") != std::string::npos);
        CHECK(modern->body.find("href=\"/cv-templates/modern.css?v=") != std::string::npos);
    }
}
