// Entry point: parses nothing itself; the CLI lives in app/cli.
#include <iostream>

#include "app/cli.hpp"
#include "core/config.hpp"

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    return vitae::app::run_cli(args, vitae::core::process_environment(), std::cin, std::cout,
                               std::cerr);
}
