#pragma once
// Third-party programs the tests use to read our output back (node, pdftotext, qpdf, …):
// found on PATH, run with a bound, stdout captured.
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "support/child_process.hpp"
#include "support/temp_dir.hpp"

namespace vitae::test {

// The program's full path, or nullopt when PATH has no such executable.
inline std::optional<std::filesystem::path> find_tool(const std::string& name) {
    const char* path = std::getenv("PATH");
    std::string dirs = path ? path : "/usr/bin:/bin";
    for (std::size_t start = 0; start <= dirs.size();) {
        auto end = dirs.find(':', start);
        if (end == std::string::npos)
            end = dirs.size();
        auto candidate = std::filesystem::path(dirs.substr(start, end - start)) / name;
        if (::access(candidate.c_str(), X_OK) == 0)
            return candidate;
        start = end + 1;
    }
    return std::nullopt;
}

struct ToolRun {
    int exit_code = -1;  // -1: it did not finish within the bound (and was killed)
    std::string out;
    std::string err;
};

// Runs `args` (args[0] a name looked up on PATH) with this process's PATH and HOME.
inline ToolRun run_tool(std::vector<std::string> args,
                        std::chrono::milliseconds bound = std::chrono::seconds(60)) {
    auto program = find_tool(args.at(0));
    if (!program)
        return {.exit_code = 127, .out = "", .err = args[0] + ": not found on PATH"};
    args[0] = program->string();
    TempDir scratch;
    ChildOptions options;
    for (const char* name : {"PATH", "HOME", "LANG"}) {
        if (const char* value = std::getenv(name))
            options.env[name] = value;
    }
    ChildProcess child(args, scratch.path() / "stderr", options);
    ToolRun run;
    run.out = child.read_to_end(bound).value_or("");
    run.exit_code = child.wait_exit(bound).value_or(-1);
    run.err = child.stderr_text();
    return run;
}

}  // namespace vitae::test
