#pragma once
// Running the real `vitae` binary from tests: serve it, or run one command to its end.
#include <doctest/doctest.h>

#include <memory>
#include <regex>

#include "support/child_process.hpp"
#include "support/temp_dir.hpp"

namespace vitae::test {

constexpr auto kBound = std::chrono::seconds(20);

inline std::map<std::string, std::string> base_env() {
    std::map<std::string, std::string> env = {{"PATH", "/usr/bin:/bin"}};
    if (const char* asan = std::getenv("ASAN_OPTIONS"))
        env["ASAN_OPTIONS"] = asan;
    return env;
}

inline std::vector<std::string> serve_args(const std::filesystem::path& data) {
    return {VITAE_BINARY, "serve",      "--addr",      "127.0.0.1",          "--port",
            "0",          "--data-dir", data.string(), "--min-free-disk-mb", "0"};
}

inline int port_of(const std::string& line) {
    std::smatch m;
    std::regex re(R"(http://127\.0\.0\.1:(\d+))");
    REQUIRE(std::regex_search(line, m, re));
    return std::stoi(m[1].str());
}

struct Served {
    std::unique_ptr<ChildProcess> child;
    int port = 0;
};

inline Served serve(const TempDir& dir, const std::filesystem::path& data,
                    ChildOptions options = {}) {
    if (options.env.empty())
        options.env = base_env();
    auto child = std::make_unique<ChildProcess>(serve_args(data), dir / "stderr.txt", options);
    auto line = child->wait_for_line("running on", kBound);
    INFO("stderr: " << child->stderr_text());
    REQUIRE(line);
    return {std::move(child), port_of(*line)};
}

struct RunResult {
    int code;
    std::string out;
    std::string err;
};

inline RunResult run(const TempDir& dir, std::vector<std::string> args,
                     std::map<std::string, std::string> env = base_env(),
                     std::optional<std::string> stdin_data = std::nullopt) {
    args.insert(args.begin(), VITAE_BINARY);
    ChildProcess child(args, dir / "run-stderr.txt", {.env = env, .stdin_data = stdin_data});
    std::string out;
    while (auto line = child.wait_for_line("", kBound))
        out += *line + "\n";
    auto code = child.wait_exit(kBound);
    REQUIRE(code);
    return {*code, out, child.stderr_text()};
}

}  // namespace vitae::test
