// GET /cv-templates/{name}.css: the stylesheets pages link instead of inlining (CSP).
#include <doctest/doctest.h>

#include "support/test_app.hpp"

TEST_SUITE("integration") {
    TEST_CASE("the_stylesheet_of_each_built_in_cv_template_is_public_and_cacheable") {
        vitae::test::TestApp app;
        auto cli = app.client();
        for (const char* name : {"classic", "modern", "ats"}) {
            CAPTURE(name);
            auto css = cli.Get(std::string("/cv-templates/") + name + ".css");
            REQUIRE(css);
            CHECK(css->status == 200);
            CHECK(css->get_header_value("Content-Type") == "text/css; charset=utf-8");
            CHECK(css->body.find(std::string(".cv-") + name) != std::string::npos);
            CHECK(css->get_header_value("Cache-Control") == "no-cache");  // revalidated
            std::string etag = css->get_header_value("ETag");
            REQUIRE(etag.size() == 18);
            auto again =
                cli.Get(std::string("/cv-templates/") + name + ".css", {{"If-None-Match", etag}});
            CHECK(again->status == 304);
            // Named with its hash, as pages link it, it is cached for good.
            auto hashed =
                cli.Get(std::string("/cv-templates/") + name + ".css?v=" + etag.substr(1, 16));
            CHECK(hashed->get_header_value("Cache-Control").find("immutable") != std::string::npos);
            auto stale = cli.Get(std::string("/cv-templates/") + name + ".css?v=0000000000000000");
            CHECK(stale->get_header_value("Cache-Control") == "no-cache");
        }
    }

    TEST_CASE("only_built_in_cv_templates_have_a_stylesheet") {
        vitae::test::TestApp app;
        auto cli = app.client();
        for (const char* path : {"/cv-templates/nope.css", "/cv-templates/classic.html",
                                 "/cv-templates/../layout.css", "/cv-templates/CLASSIC.css"}) {
            CAPTURE(path);
            auto res = cli.Get(path);
            REQUIRE(res);
            CHECK(res->status == 404);
            CHECK(res->body.find(".cv-classic") == std::string::npos);
        }
    }
}
