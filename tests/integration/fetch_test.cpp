// net::fetch against real HTTP servers on loopback: the SSRF guard, redirects, limits.
#include "net/fetcher.hpp"

#include <doctest/doctest.h>

#include <string>

#include "applications/job_description_fetch.hpp"
#include "core/error.hpp"
#include "net/page_fetch.hpp"
#include "support/local_site.hpp"

namespace vitae::net {
namespace {

using test::LocalSite;

FetchPolicy allowing(const char* ranges) {
    FetchPolicy policy;
    policy.allow = core::parse_ip_ranges(ranges, "test");
    return policy;
}

struct Failure {
    ErrorCode code;
    std::string message;
};

template <class F>
Failure failure_of(F&& f) {
    try {
        f();
    } catch (const Error& e) {
        return {e.code(), e.what()};
    }
    FAIL("expected a vitae::Error");
    return {ErrorCode::internal, ""};
}

Failure fetch_failure(const std::string& url, const FetchPolicy& policy = {}) {
    return failure_of([&] { fetch(url, policy); });
}

bool contains(const std::string& text, const char* part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST_SUITE("integration") {
    TEST_CASE("fetch_refuses_a_loopback_site_by_default_and_reads_it_when_allowed") {
        LocalSite site;
        int hits = 0;
        site.server().Get("/job", [&](const httplib::Request& req, httplib::Response& res) {
            ++hits;
            res.set_content("<p>hi " + req.get_header_value("User-Agent") + "</p>",
                            "text/html; charset=utf-8");
        });
        site.start();

        const auto refused = fetch_failure(site.url("/job"));
        CHECK(refused.code == ErrorCode::bad_request);
        CHECK(refused.message ==
              "127.0.0.1 is this machine (loopback); Vitae does not fetch from it.");
        CHECK(hits == 0);

        const auto page = fetch(site.url("/job"), allowing("127.0.0.1/32"));
        CHECK(page.status == 200);
        CHECK(page.content_type == "text/html; charset=utf-8");
        CHECK(page.body == "<p>hi " + user_agent() + "</p>");
        CHECK(page.final_url == site.url("/job"));
        CHECK(user_agent().starts_with("Vitae/"));
        CHECK(hits == 1);
    }

    TEST_CASE("fetch_refuses_a_name_that_resolves_to_loopback") {
        LocalSite site;
        int hits = 0;
        site.server().Get("/", [&](const httplib::Request&, httplib::Response& res) {
            ++hits;
            res.set_content("x", "text/plain");
        });
        site.start();
        const auto refused = fetch_failure("http://localhost:" + std::to_string(site.port()) + "/");
        CHECK(refused.code == ErrorCode::bad_request);
        CHECK(contains(refused.message, "loopback"));
        CHECK(hits == 0);
    }

    TEST_CASE("fetch_refuses_private_and_metadata_addresses_before_connecting") {
        // The guard runs where curl would open the socket, so these send no packet: the
        // error is the guard's, not a timeout or "connection refused".
        const auto private_net = fetch_failure("http://10.0.0.1/");
        CHECK(private_net.code == ErrorCode::bad_request);
        CHECK(private_net.message ==
              "10.0.0.1 is on a private network; Vitae does not fetch from it.");
        const auto metadata = fetch_failure("http://169.254.169.254/latest/meta-data");
        CHECK(metadata.code == ErrorCode::bad_request);
        CHECK(contains(metadata.message, "169.254.169.254 is link-local"));
        const auto mapped = fetch_failure("http://[::ffff:10.0.0.1]/");
        CHECK(contains(mapped.message, "private network"));
        const auto ula = fetch_failure("http://[fd00::1]:8080/");
        CHECK(contains(ula.message, "private network"));
    }

    TEST_CASE("fetch_refuses_schemes_other_than_http_and_https") {
        for (const char* url : {"ftp://example.com/job.txt", "file:///etc/passwd",
                                "gopher://127.0.0.1:70/", "dict://127.0.0.1:11211/"}) {
            CAPTURE(url);
            const auto refused = fetch_failure(url, allowing("127.0.0.0/8"));
            CHECK(refused.code == ErrorCode::bad_request);
            CHECK(contains(refused.message, "only http:// and https://"));
        }
        CHECK(fetch_failure("not a url").code == ErrorCode::bad_request);
    }

    TEST_CASE("fetch_checks_the_address_of_every_redirect") {
        LocalSite site;
        site.server().Get("/to-other", [&](const httplib::Request&, httplib::Response& res) {
            res.set_redirect("http://127.0.0.2:" + std::to_string(site.port()) + "/");
        });
        site.server().Get("/to-v6", [&](const httplib::Request&, httplib::Response& res) {
            res.set_redirect("http://[::1]:" + std::to_string(site.port()) + "/");
        });
        site.server().Get("/to-metadata", [](const httplib::Request&, httplib::Response& res) {
            res.set_redirect("http://169.254.169.254/latest/meta-data");
        });
        site.server().Get("/to-file", [](const httplib::Request&, httplib::Response& res) {
            res.set_redirect("file:///etc/passwd");
        });
        site.server().Get("/hop", [](const httplib::Request&, httplib::Response& res) {
            res.set_redirect("/final");
        });
        site.server().Get("/final", [](const httplib::Request&, httplib::Response& res) {
            res.set_content("arrived", "text/plain");
        });
        site.server().Get("/loop", [](const httplib::Request&, httplib::Response& res) {
            res.set_redirect("/loop");
        });
        site.start();
        const auto policy = allowing("127.0.0.1/32");

        const auto other = fetch_failure(site.url("/to-other"), policy);
        CHECK(other.message ==
              "127.0.0.2 is this machine (loopback); Vitae does not fetch from it.");
        CHECK(contains(fetch_failure(site.url("/to-v6"), policy).message,
                       "::1 is this machine (loopback)"));
        CHECK(contains(fetch_failure(site.url("/to-metadata"), policy).message, "link-local"));
        CHECK(contains(fetch_failure(site.url("/to-file"), policy).message,
                       "other than http:// or https://"));
        CHECK(contains(fetch_failure(site.url("/loop"), policy).message, "more than 5 times"));

        const auto hop = fetch(site.url("/hop"), policy);
        CHECK(hop.body == "arrived");
        CHECK(hop.final_url == site.url("/final"));
    }

    TEST_CASE("fetch_refuses_a_body_over_the_limit_with_or_without_a_length") {
        LocalSite site;
        const std::string big(4096, 'x');
        site.server().Get("/sized", [&](const httplib::Request&, httplib::Response& res) {
            res.set_content(big, "text/plain");
        });
        site.server().Get("/chunked", [&](const httplib::Request&, httplib::Response& res) {
            res.set_chunked_content_provider("text/plain",
                                             [&](size_t offset, httplib::DataSink& sink) {
                                                 if (offset >= 64 * 1024) {
                                                     sink.done();
                                                     return true;
                                                 }
                                                 sink.write(big.data(), big.size());
                                                 return true;
                                             });
        });
        site.start();
        auto policy = allowing("127.0.0.1/32");
        policy.max_bytes = 1024;
        for (const char* path : {"/sized", "/chunked"}) {
            CAPTURE(path);
            const auto refused = fetch_failure(site.url(path), policy);
            CHECK(refused.code == ErrorCode::bad_request);
            CHECK(refused.message ==
                  "The page is larger than 1 KiB; Vitae reads at most that much.");
        }
        policy.max_bytes = 4096;
        CHECK(fetch(site.url("/sized"), policy).body == big);
    }

    TEST_CASE("fetch_gives_up_on_a_site_that_does_not_answer_in_time") {
        LocalSite site;
        site.server().Get("/slow", [&](const httplib::Request&, httplib::Response& res) {
            site.hold();  // until the test has seen the client give up
            res.set_content("too late", "text/plain");
        });
        site.start();
        auto policy = allowing("127.0.0.1/32");
        policy.total_timeout = std::chrono::milliseconds(300);
        const auto refused = fetch_failure(site.url("/slow"), policy);
        site.release();
        CHECK(refused.code == ErrorCode::unavailable);
        CHECK(refused.message ==
              "127.0.0.1 did not answer within 300 ms; try again later or paste the text.");
    }

    TEST_CASE("page_text_reads_html_and_plain_text_and_refuses_other_types") {
        LocalSite site;
        site.server().Get("/job.html", [](const httplib::Request&, httplib::Response& res) {
            res.set_content(
                "<html><head><title>Data Analyst</title><script>alert(1)</script>"
                "<style>p{}</style></head><body><nav>Menu</nav><h1>Data Analyst</h1>"
                "<p>SQL &amp; Python.</p><ul><li>Dashboards</li></ul></body></html>",
                "text/html");
        });
        site.server().Get("/job.txt", [](const httplib::Request&, httplib::Response& res) {
            res.set_content("Nurse\nNight shifts", "text/plain; charset=utf-8");
        });
        site.server().Get("/job.pdf", [](const httplib::Request&, httplib::Response& res) {
            res.set_content("%PDF-1.7", "application/pdf");
        });
        site.server().Get("/gone", [](const httplib::Request&, httplib::Response& res) {
            res.status = 404;
            res.set_content("no", "text/plain");
        });
        site.start();
        const auto policy = allowing("127.0.0.1/32");

        const auto html = fetch_page_text(site.url("/job.html"), policy);
        CHECK(html.title == "Data Analyst");
        CHECK(html.text == "Data Analyst\n\nSQL & Python.\n\n- Dashboards");
        CHECK(fetch_page_text(site.url("/job.txt"), policy).text == "Nurse\nNight shifts");

        const auto pdf = failure_of([&] { fetch_page_text(site.url("/job.pdf"), policy); });
        CHECK(pdf.code == ErrorCode::unsupported_media);
        CHECK(contains(pdf.message, "application/pdf"));
        const auto gone = failure_of([&] { fetch_page_text(site.url("/gone"), policy); });
        CHECK(gone.code == ErrorCode::bad_request);
        CHECK(contains(gone.message, "404"));
    }

    TEST_CASE("job_description_is_the_title_and_text_of_the_advert") {
        LocalSite site;
        site.server().Get("/advert", [](const httplib::Request&, httplib::Response& res) {
            res.set_content(
                "<title>Nurse - City Hospital</title><nav>Jobs</nav>"
                "<main><p>Night shifts.</p><ul><li>Registered</li></ul></main>",
                "text/html");
        });
        site.server().Get("/same", [](const httplib::Request&, httplib::Response& res) {
            res.set_content("<title>Nurse</title><h1>Nurse</h1><p>Days.</p>", "text/html");
        });
        site.server().Get("/script-only", [](const httplib::Request&, httplib::Response& res) {
            res.set_content("<div id=app></div><script>render()</script>", "text/html");
        });
        site.start();
        const auto policy = allowing("127.0.0.1/32");
        CHECK(applications::fetch_job_description(site.url("/advert"), policy) ==
              "Nurse - City Hospital\n\nNight shifts.\n\n- Registered");
        CHECK(applications::fetch_job_description(site.url("/same"), policy) == "Nurse\n\nDays.");
        const auto empty = failure_of(
            [&] { applications::fetch_job_description(site.url("/script-only"), policy); });
        CHECK(empty.code == ErrorCode::bad_request);
        CHECK(contains(empty.message, "Paste the job description"));
        // The guard holds here too.
        CHECK(failure_of([&] {
                  applications::fetch_job_description(site.url("/advert"), {});
              }).message == "127.0.0.1 is this machine (loopback); Vitae does not fetch from it.");
    }
}

}  // namespace vitae::net
