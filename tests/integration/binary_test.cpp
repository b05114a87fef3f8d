// The real `vitae` binary as an operator runs it: serve, signals, lock, config, doctor.
#include <doctest/doctest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <regex>

#include <httplib.h>

#include "support/binary.hpp"

using namespace vitae::test;  // NOLINT: the binary helpers read best unqualified

TEST_SUITE("integration") {
    TEST_CASE("sigterm_stops_the_binary_cleanly_with_exit_0") {
        TempDir dir;
        auto served = serve(dir, dir / "data");
        httplib::Client cli("127.0.0.1", served.port);
        auto res = cli.Get("/healthz");
        REQUIRE(res);
        CHECK(res->status == 200);
        served.child->signal(SIGTERM);
        auto code = served.child->wait_exit(kBound);
        REQUIRE(code);
        CHECK(*code == 0);
        // A clean close checkpoints the WAL into the database file.
        std::error_code ec;
        auto wal = std::filesystem::file_size(dir / "data" / "vitae.db-wal", ec);
        CHECK((ec || wal == 0));
        CHECK_FALSE(served.child->stderr_text().find("ERROR") != std::string::npos);
    }

    TEST_CASE("second_instance_on_the_same_data_dir_refuses_to_start") {
        TempDir dir;
        auto first = serve(dir, dir / "data");
        auto second = run(dir, {"serve", "--port", "0", "--data-dir", (dir / "data").string()});
        CHECK(second.code != 0);
        CHECK(second.err.find("another vitae process (pid " + std::to_string(first.child->pid()) +
                              ")") != std::string::npos);
        // The first one is unharmed.
        auto res = httplib::Client("127.0.0.1", first.port).Get("/healthz");
        REQUIRE(res);
        CHECK(res->status == 200);
    }

    TEST_CASE("lock_is_released_when_the_holder_is_killed") {
        TempDir dir;
        {
            auto first = serve(dir, dir / "data");
            first.child->signal(SIGKILL);
            REQUIRE(first.child->wait_exit(kBound));
        }
        auto second = serve(dir, dir / "data");
        auto res = httplib::Client("127.0.0.1", second.port).Get("/healthz");
        REQUIRE(res);
        CHECK(res->status == 200);
    }

    TEST_CASE("readyz_fails_when_the_data_dir_is_not_writable") {
        TempDir dir;
        auto data = dir / "data";
        std::filesystem::create_directories(data);
        ChildOptions options{.env = base_env()};
        // Root writes through any mode bits, so as root the server runs as nobody.
        if (::geteuid() == 0) {
            options.run_as = 65534;
            REQUIRE(::chown(dir.path().c_str(), 65534, 65534) == 0);
            REQUIRE(::chown(data.c_str(), 65534, 65534) == 0);
        }
        auto served = serve(dir, data, options);
        httplib::Client cli("127.0.0.1", served.port);
        auto ready = cli.Get("/readyz");
        REQUIRE(ready);
        CHECK(ready->status == 200);

        REQUIRE(::chmod(data.c_str(), 0555) == 0);
        auto blocked = cli.Get("/readyz");
        REQUIRE(blocked);
        CHECK(blocked->status == 503);
        auto body = nlohmann::json::parse(blocked->body);
        CHECK(body["checks"]["data_dir"]["ok"] == false);
        CHECK(body["checks"]["data_dir"]["detail"].get<std::string>().find("not writable") !=
              std::string::npos);

        REQUIRE(::chmod(data.c_str(), 0750) == 0);
        auto recovered = cli.Get("/readyz");
        REQUIRE(recovered);
        CHECK(recovered->status == 200);
    }

    TEST_CASE("bad_config_values_stop_startup_naming_key_and_source") {
        TempDir dir;
        auto port = run(dir, {"serve", "--port", "70000"});
        CHECK(port.code == 2);
        CHECK(port.err.find("VITAE_PORT") != std::string::npos);
        CHECK(port.err.find("--port") != std::string::npos);

        auto env = base_env();
        env["MAX_UPLOAD_BYTES"] = "-5";
        auto size = run(dir, {"serve"}, env);
        CHECK(size.code == 2);
        CHECK(size.err.find("MAX_UPLOAD_BYTES") != std::string::npos);
        CHECK(size.err.find("env") != std::string::npos);

        std::ofstream(dir / "vitae.conf") << "LOG_FORMAT=xml\n";
        auto file = run(dir, {"serve", "--config", (dir / "vitae.conf").string()});
        CHECK(file.code == 2);
        CHECK(file.err.find("LOG_FORMAT") != std::string::npos);
        CHECK(file.err.find("vitae.conf:1") != std::string::npos);

        auto missing = run(dir, {"serve", "--config", (dir / "nope.conf").string()});
        CHECK(missing.code == 2);
        CHECK(missing.err.find("nope.conf") != std::string::npos);
        CHECK_FALSE(std::filesystem::exists(dir / "data"));  // nothing was created
    }

    TEST_CASE("config_command_shows_values_and_their_sources") {
        TempDir dir;
        std::ofstream(dir / "vitae.conf") << "# comment\nVITAE_PORT=9001\nLOG_LEVEL=debug\n";
        auto env = base_env();
        env["LOG_LEVEL"] = "warn";
        auto res =
            run(dir, {"config", "--config", (dir / "vitae.conf").string(), "--addr", "::1"}, env);
        CHECK(res.code == 0);
        CHECK(std::regex_search(res.out, std::regex(R"(VITAE_PORT\s+9001\s+.*vitae\.conf:2)")));
        CHECK(std::regex_search(res.out, std::regex(R"(LOG_LEVEL\s+warn\s+.*env)")));
        CHECK(std::regex_search(res.out, std::regex(R"(VITAE_ADDR\s+::1\s+.*--addr)")));
        CHECK(std::regex_search(res.out, std::regex(R"(LOG_FORMAT\s+text\s+.*default)")));
    }

    TEST_CASE("version_and_help_and_unknown_command") {
        TempDir dir;
        auto version = run(dir, {"version"});
        CHECK(version.code == 0);
        CHECK(version.out == std::string("vitae ") + VITAE_VERSION + "\n");
        auto help = run(dir, {"--help"});
        CHECK(help.code == 0);
        for (const char* word : {"serve", "migrate", "config", "doctor", "--data-dir", "--port"}) {
            CAPTURE(word);
            CHECK(help.out.find(word) != std::string::npos);
        }
        auto unknown = run(dir, {"frobnicate"});
        CHECK(unknown.code == 2);
        CHECK(unknown.err.find("unknown command") != std::string::npos);
    }

    TEST_CASE("migrate_command_applies_once_then_reports_up_to_date") {
        TempDir dir;
        auto args = std::vector<std::string>{"migrate", "--data-dir", (dir / "data").string()};
        auto first = run(dir, args);
        CHECK(first.code == 0);
        CHECK(first.out.find("applied 0001_init.sql") != std::string::npos);
        auto second = run(dir, args);
        CHECK(second.code == 0);
        CHECK(second.out.find("up to date") != std::string::npos);
    }

    TEST_CASE("doctor_passes_on_a_fresh_dir_and_fails_when_the_port_is_taken") {
        TempDir dir;
        auto data = (dir / "data").string();
        auto fresh =
            run(dir, {"doctor", "--data-dir", data, "--port", "0", "--min-free-disk-mb", "0"});
        INFO(fresh.out << fresh.err);
        CHECK(fresh.code == 0);
        CHECK(fresh.out.find("all checks passed") != std::string::npos);

        httplib::Server blocker;
        int taken = blocker.bind_to_any_port("127.0.0.1");
        REQUIRE(taken > 0);
        auto busy = run(dir, {"doctor", "--data-dir", data, "--port", std::to_string(taken),
                              "--min-free-disk-mb", "0"});
        CHECK(busy.code == 1);
        CHECK(busy.out.find("FAIL  port") != std::string::npos);
    }

    TEST_CASE("doctor_fails_on_a_corrupt_database") {
        TempDir dir;
        auto data = dir / "data";
        std::filesystem::create_directories(data);
        std::ofstream(data / "vitae.db") << std::string(8192, 'x');
        auto res = run(
            dir, {"doctor", "--data-dir", data.string(), "--port", "0", "--min-free-disk-mb", "0"});
        CHECK(res.code == 1);
        CHECK(res.out.find("FAIL  database") != std::string::npos);
    }
}
