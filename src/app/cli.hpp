#pragma once
// The command line: `vitae <command> [flags]`. main() only calls run_cli.
#include <iosfwd>
#include <map>
#include <string>
#include <vector>

namespace vitae::app {

// The streams a command talks through (tests pass string streams).
struct Io {
    std::istream& in;
    std::ostream& out;
    std::ostream& err;
};

// Exit codes: 0 success, 1 failure, 2 usage or configuration error.
int run_cli(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
            std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace vitae::app
