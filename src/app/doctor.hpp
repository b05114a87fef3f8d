#pragma once
// `vitae doctor`: pre-flight checks an operator runs before (or beside) `vitae serve`.
#include <ostream>
#include <vector>

#include "core/config.hpp"
#include "ops/health.hpp"

namespace vitae::app {

std::vector<ops::CheckResult> run_doctor(const core::Config& config);

// Prints one line per check; returns the process exit code (0: all passed).
int report_doctor(const std::vector<ops::CheckResult>& results, std::ostream& out);

}  // namespace vitae::app
