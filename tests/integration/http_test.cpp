// The HTTP surface of the running server: headers, errors, assets, shutdown.
#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zlib.h>

#include <condition_variable>
#include <fstream>
#include <future>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/error.hpp"
#include "core/log.hpp"
#include "http/rate_limiter.hpp"
#include "support/test_app.hpp"

using vitae::test::TestApp;

namespace {

void check_security_headers(const httplib::Result& res, const std::string& what) {
    INFO("response kind: " << what);
    REQUIRE(res);
    auto csp = res->get_header_value("Content-Security-Policy");
    CHECK(csp.find("script-src 'self'") != std::string::npos);
    CHECK(csp.find("unsafe-inline") == std::string::npos);
    CHECK(csp.find("frame-ancestors 'none'") != std::string::npos);
    CHECK(res->get_header_value("X-Frame-Options") == "DENY");
    CHECK(res->get_header_value("X-Content-Type-Options") == "nosniff");
    CHECK(res->get_header_value("Referrer-Policy") == "same-origin");
    CHECK_FALSE(res->get_header_value("Permissions-Policy").empty());
    CHECK(res->get_header_value("X-Request-Id").size() == 16);
    CHECK_FALSE(res->has_header("Strict-Transport-Security"));  // plain HTTP here
}

std::string gunzip(const std::string& in) {
    z_stream zs{};
    REQUIRE(inflateInit2(&zs, 15 + 16) == Z_OK);
    std::string out(in.size() * 20 + 1024, '\0');
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    zs.avail_in = static_cast<uInt>(in.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    int rc = inflate(&zs, Z_FINISH);
    out.resize(zs.total_out);
    inflateEnd(&zs);
    REQUIRE(rc == Z_STREAM_END);
    return out;
}

std::string asset_url_from_home(httplib::Client& cli, const std::string& needle) {
    auto home = cli.Get("/");
    REQUIRE(home);
    auto pos = home->body.find(needle);
    REQUIRE(pos != std::string::npos);
    auto start = home->body.rfind('"', pos) + 1;
    auto end = home->body.find('"', pos);
    return home->body.substr(start, end - start);
}

// A handler that blocks until released, to hold a request in flight.
struct Gate {
    std::mutex m;
    std::condition_variable cv;
    bool entered = false;
    bool released = false;
    void enter_and_wait() {
        std::unique_lock lock(m);
        entered = true;
        cv.notify_all();
        cv.wait_for(lock, std::chrono::seconds(20), [&] { return released; });
    }
    bool wait_entered() {
        std::unique_lock lock(m);
        return cv.wait_for(lock, std::chrono::seconds(10), [&] { return entered; });
    }
    void release() {
        std::lock_guard lock(m);
        released = true;
        cv.notify_all();
    }
};

// Sends raw bytes and returns everything the server answers before closing.
std::string raw_exchange(int port, const std::string& request) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    timeval tv{10, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    REQUIRE(::send(fd, request.data(), request.size(), MSG_NOSIGNAL) ==
            static_cast<ssize_t>(request.size()));
    std::string out;
    char buf[4096];
    ssize_t n;
    while ((n = ::recv(fd, buf, sizeof buf, 0)) > 0)
        out.append(buf, static_cast<size_t>(n));
    ::close(fd);
    return out;
}

}  // namespace

TEST_SUITE("integration") {
    TEST_CASE("malformed_request_gets_400_with_security_headers_and_request_id") {
        TestApp app;
        std::string answer = raw_exchange(app.port(), "NOT A REQUEST\r\n\r\n");
        CHECK(answer.starts_with("HTTP/1.1 400"));
        CHECK(answer.find("X-Frame-Options: DENY") != std::string::npos);
        CHECK(answer.find("Content-Security-Policy: default-src 'self'") != std::string::npos);
        CHECK(answer.find("X-Request-Id: -") == std::string::npos);
        CHECK(answer.find("X-Request-Id: ") != std::string::npos);
        // The server is still fine.
        auto res = app.client().Get("/healthz");
        REQUIRE(res);
        CHECK(res->status == 200);
    }

    TEST_CASE("security_headers_on_every_response_kind") {
        TestApp app([](vitae::app::App& a) {
            a.router().get("/__test/throw", vitae::http::Access::public_,
                           [](const httplib::Request&, httplib::Response&) {
                               throw std::runtime_error("boom");
                           });
        });
        auto cli = app.client();
        check_security_headers(cli.Get("/healthz"), "json 200");
        check_security_headers(cli.Get("/readyz"), "readiness");
        check_security_headers(cli.Get("/"), "html 200");
        std::string css = asset_url_from_home(cli, "/assets/css/app.");
        auto asset = cli.Get(css);
        check_security_headers(asset, "asset 200");
        check_security_headers(cli.Get(css, {{"If-None-Match", asset->get_header_value("ETag")}}),
                               "asset 304");
        check_security_headers(cli.Get("/no/such/page"), "html 404");
        check_security_headers(cli.Get("/api/v1/nothing"), "json 404");
        check_security_headers(cli.Get("/__test/throw"), "500 from exception");
        std::string big(app.app().config().max_upload_bytes + 1, 'x');
        check_security_headers(cli.Post("/healthz", big, "text/plain"), "413 too large");
    }

    TEST_CASE("healthz_reports_status_timestamp_version_uptime") {
        TestApp app;
        auto cli = app.client();
        auto res = cli.Get("/healthz");
        REQUIRE(res);
        CHECK(res->status == 200);
        CHECK(res->get_header_value("Content-Type") == "application/json");
        auto body = nlohmann::json::parse(res->body);
        CHECK(body["status"] == "ok");
        CHECK(body["version"] == VITAE_VERSION);
        CHECK(body["uptime_s"].is_number_integer());
        CHECK(body["timestamp"].get<std::string>().ends_with("Z"));
    }

    TEST_CASE("readyz_reports_each_check_and_200_when_all_pass") {
        TestApp app;
        auto cli = app.client();
        auto res = cli.Get("/readyz");
        REQUIRE(res);
        CHECK(res->status == 200);
        auto body = nlohmann::json::parse(res->body);
        CHECK(body["status"] == "ready");
        for (const char* check : {"database", "data_dir", "disk"}) {
            CAPTURE(check);
            CHECK(body["checks"][check]["ok"] == true);
            CHECK_FALSE(body["checks"][check]["detail"].get<std::string>().empty());
        }
    }

    TEST_CASE("readyz_is_503_when_free_disk_is_below_the_threshold") {
        vitae::test::TempDir dir;
        auto config = vitae::test::test_config(dir / "data");
        config.min_free_disk_mb = 1ull << 40;  // a petabyte: no test machine has it free
        TestApp app(config);
        auto res = app.client().Get("/readyz");
        REQUIRE(res);
        CHECK(res->status == 503);
        auto body = nlohmann::json::parse(res->body);
        CHECK(body["status"] == "not_ready");
        CHECK(body["checks"]["disk"]["ok"] == false);
        CHECK(body["checks"]["database"]["ok"] == true);
    }

    TEST_CASE("unknown_html_route_gets_html_404_and_api_route_gets_json_404") {
        TestApp app;
        auto cli = app.client();
        auto html = cli.Get("/no/such/page");
        REQUIRE(html);
        CHECK(html->status == 404);
        CHECK(html->get_header_value("Content-Type").starts_with("text/html"));
        CHECK(html->body.find("Not found") != std::string::npos);
        CHECK(html->body.find(html->get_header_value("X-Request-Id")) != std::string::npos);
        CHECK(html->body.find("<script>") == std::string::npos);

        auto api = cli.Get("/api/v1/nothing");
        REQUIRE(api);
        CHECK(api->status == 404);
        CHECK(api->get_header_value("Content-Type") == "application/json");
        auto body = nlohmann::json::parse(api->body);
        CHECK(body["error"]["code"] == "not_found");
        CHECK_FALSE(body["error"]["message"].get<std::string>().empty());
        CHECK(body["error"]["request_id"] == api->get_header_value("X-Request-Id"));
    }

    TEST_CASE("handler_exception_is_500_with_request_id_and_server_keeps_serving") {
        TestApp app([](vitae::app::App& a) {
            a.router().get("/__test/throw", vitae::http::Access::public_,
                           [](const httplib::Request&, httplib::Response&) {
                               throw std::runtime_error("secret internal detail");
                           });
            a.router().get("/api/v1/__test/conflict", vitae::http::Access::public_,
                           [](const httplib::Request&, httplib::Response&) {
                               throw vitae::Error(vitae::ErrorCode::conflict, "already there");
                           });
        });
        auto cli = app.client();
        for (int i = 0; i < 3; ++i) {
            auto res = cli.Get("/__test/throw");
            REQUIRE(res);
            CHECK(res->status == 500);
            CHECK(res->body.find(res->get_header_value("X-Request-Id")) != std::string::npos);
            CHECK(res->body.find("secret internal detail") == std::string::npos);
        }
        auto typed = cli.Get("/api/v1/__test/conflict");
        REQUIRE(typed);
        CHECK(typed->status == 409);
        CHECK(nlohmann::json::parse(typed->body)["error"]["message"] == "already there");
        auto after = cli.Get("/healthz");
        REQUIRE(after);
        CHECK(after->status == 200);
    }

    TEST_CASE("protected_route_answers_401_to_an_anonymous_request") {
        TestApp app([](vitae::app::App& a) {
            a.router().get(
                "/api/v1/__test/private", vitae::http::Access::member,
                vitae::http::AuthedHandler(
                    [](const httplib::Request&, httplib::Response& res,
                       const vitae::auth::Principal&) { res.set_content("leak", "text/plain"); }));
        });
        auto res = app.client().Get("/api/v1/__test/private");
        REQUIRE(res);
        CHECK(res->status == 401);
        CHECK(res->body.find("leak") == std::string::npos);
    }

    TEST_CASE("assets_have_etag_304_immutable_hashed_names_and_gzip") {
        TestApp app;
        auto cli = app.client();
        cli.set_decompress(false);
        std::string css = asset_url_from_home(cli, "/assets/css/app.");
        auto plain = cli.Get(css);
        REQUIRE(plain);
        CHECK(plain->status == 200);
        CHECK(plain->get_header_value("Content-Type") == "text/css; charset=utf-8");
        CHECK(plain->get_header_value("Cache-Control").find("immutable") != std::string::npos);
        CHECK_FALSE(plain->has_header("Content-Encoding"));
        std::string etag = plain->get_header_value("ETag");
        REQUIRE(etag.size() == 18);

        auto again = cli.Get(css, {{"If-None-Match", etag}});
        REQUIRE(again);
        CHECK(again->status == 304);
        CHECK(again->body.empty());

        auto zipped = cli.Get(css, {{"Accept-Encoding", "gzip, deflate, br"}});
        REQUIRE(zipped);
        CHECK(zipped->get_header_value("Content-Encoding") == "gzip");
        CHECK(zipped->get_header_value("Vary") == "Accept-Encoding");
        CHECK(zipped->body.size() < plain->body.size());
        CHECK(gunzip(zipped->body) == plain->body);

        // The unhashed name works too, but must be revalidated.
        auto unhashed = cli.Get("/assets/css/app.css");
        REQUIRE(unhashed);
        CHECK(unhashed->status == 200);
        CHECK(unhashed->get_header_value("Cache-Control") == "no-cache");
        CHECK(unhashed->body == plain->body);

        auto missing = cli.Get("/assets/css/none.css");
        REQUIRE(missing);
        CHECK(missing->status == 404);
        auto escape = cli.Get("/assets/../../etc/passwd");
        REQUIRE(escape);
        CHECK(escape->status >= 400);
    }

    TEST_CASE("assets_dir_flag_serves_edits_from_disk_without_rebuild") {
        vitae::test::TempDir dir;
        std::filesystem::copy(VITAE_SOURCE_DIR "/web_assets", dir / "web_assets",
                              std::filesystem::copy_options::recursive);
        std::filesystem::copy(VITAE_SOURCE_DIR "/templates", dir / "templates",
                              std::filesystem::copy_options::recursive);
        auto config = vitae::test::test_config(dir / "data");
        config.assets_dir = dir.path();
        TestApp app(config);
        auto cli = app.client();
        std::ofstream(dir / "web_assets/css/app.css") << "body { color: red; }\n";
        auto res = cli.Get("/assets/css/app.css");
        REQUIRE(res);
        CHECK(res->body == "body { color: red; }\n");
    }

    TEST_CASE("request_id_header_matches_the_access_log_line") {
        TestApp app;
        auto res = app.client().Get("/healthz");
        REQUIRE(res);
        std::string id = res->get_header_value("X-Request-Id");
        app.stop();  // flushes the log
        vitae::log::flush();
        std::ifstream log(app.data_dir() / "logs" / "vitae.log");
        std::stringstream ss;
        ss << log.rdbuf();
        auto text = ss.str();
        auto pos = text.find("request_id=" + id);
        REQUIRE(pos != std::string::npos);
        auto line_start = text.rfind('\n', pos) + 1;
        std::string line = text.substr(line_start, text.find('\n', pos) - line_start);
        CHECK(line.find("method=GET path=/healthz status=200") != std::string::npos);
        CHECK(line.find("[access]") != std::string::npos);
    }

    TEST_CASE("shutdown_lets_the_in_flight_request_finish") {
        Gate gate;
        TestApp app([&gate](vitae::app::App& a) {
            a.router().get("/__test/slow", vitae::http::Access::public_,
                           [&gate](const httplib::Request&, httplib::Response& res) {
                               gate.enter_and_wait();
                               res.set_content("finished", "text/plain");
                           });
        });
        auto response =
            std::async(std::launch::async, [&] { return app.client().Get("/__test/slow"); });
        REQUIRE(gate.wait_entered());
        auto stopping = std::async(std::launch::async, [&] { app.stop(); });
        // The server stops accepting while the request is still held.
        CHECK(stopping.wait_for(std::chrono::milliseconds(200)) == std::future_status::timeout);
        gate.release();
        auto res = response.get();
        REQUIRE(res);
        CHECK(res->status == 200);
        CHECK(res->body == "finished");
        CHECK(stopping.wait_for(std::chrono::seconds(10)) == std::future_status::ready);
        auto refused = httplib::Client("127.0.0.1", app.port()).Get("/healthz");
        CHECK_FALSE(refused);
    }

    TEST_CASE("shutdown_does_not_wait_for_idle_keep_alive_connections") {
        vitae::test::TempDir dir;
        auto config = vitae::test::test_config(dir / "data");
        config.http_keepalive_timeout_s = 120;
        TestApp app(config);
        auto cli = app.client();
        cli.set_keep_alive(true);
        REQUIRE(cli.Get("/healthz"));
        auto started = std::chrono::steady_clock::now();
        app.stop();
        // An idle connection would hold its worker for the 120 s keep-alive timeout.
        CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(60));
    }
}

TEST_SUITE("integration") {
    TEST_CASE("rate_limited_route_answers_429_with_retry_after") {
        auto limiter =
            std::make_shared<vitae::http::RateLimiter>(vitae::http::RateLimiter::Rule{2, 2.0 / 60});
        TestApp app([limiter](vitae::app::App& a) {
            a.router().get("/api/v1/__test/limited", vitae::http::Access::public_,
                           [limiter](const httplib::Request& req, httplib::Response& res) {
                               limiter->check("ip:" + req.remote_addr);
                               res.set_content("{}", "application/json");
                           });
        });
        auto cli = app.client();
        CHECK(cli.Get("/api/v1/__test/limited")->status == 200);
        CHECK(cli.Get("/api/v1/__test/limited")->status == 200);
        auto refused = cli.Get("/api/v1/__test/limited");
        REQUIRE(refused);
        CHECK(refused->status == 429);
        // One token comes back every 30 s; a slow machine may have spent a little of that.
        int retry = std::stoi(refused->get_header_value("Retry-After"));
        CHECK(retry >= 25);
        CHECK(retry <= 30);
        auto body = nlohmann::json::parse(refused->body);
        CHECK(body["error"]["code"] == "too_many_requests");
    }
}
