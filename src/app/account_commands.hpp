#pragma once
// `vitae user create …` and `vitae token create …`: accounts from the shell, for the
// first admin and for scripts.
#include "app/cli.hpp"
#include "core/config.hpp"

namespace vitae::app {

int cmd_user(const core::LoadedConfig& loaded, Io& io);
int cmd_token(const core::LoadedConfig& loaded, Io& io);

}  // namespace vitae::app
