#pragma once
// `vitae import FILE [--format json|text]`: a CV file turned into a draft JSON Resume (or
// its extracted lines, to see what the extractor read) on stdout, without a data dir.
#include "app/cli.hpp"
#include "core/config.hpp"

namespace vitae::app {

int cmd_import(const core::LoadedConfig& loaded, Io& io);

}  // namespace vitae::app
