#pragma once
// Wiring: builds the store, services and HTTP server from a Config and runs them.
#include <filesystem>
#include <memory>
#include <optional>

#include "auth/password_hasher.hpp"
#include "core/clock.hpp"
#include "core/config.hpp"
#include "http/router.hpp"

namespace vitae::store {
class Database;
}
namespace vitae::auth {
class AccountService;
}

namespace vitae::app {

struct AppOptions {
    bool console_log = true;  // tests keep the console quiet; the log file stays
    // Time sources, so tests can move time on instead of sleeping: wall-clock seconds for
    // what is stored (expiry, audit), steady time for in-memory throttles.
    core::UnixClock clock = core::unix_now;
    std::function<std::chrono::steady_clock::time_point()> steady_clock =
        std::chrono::steady_clock::now;
};

class App {
  public:
    explicit App(core::Config config, AppOptions options = {});
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    // Takes the data directory (lock, logs, database, migrations), builds the server
    // and binds it. Returns the bound port. Throws vitae::Error on any failure.
    int start();
    // Serves until shutdown(); returns when every request has finished.
    void run();
    // Stops accepting, finishes in-flight requests; callable from any thread. Stops the
    // scheduler too.
    void shutdown();
    // Runs the housekeeping tasks due at options.clock() now, as the scheduler's thread
    // does every second; returns how many ran. For tests that move a fake clock on.
    int run_scheduled_tasks();

    http::Router& router();
    store::Database& database();
    auth::AccountService& accounts();
    // The first-run setup link printed at start (empty once an account exists).
    const std::string& setup_url() const;
    const core::Config& config() const;
    int port() const;

  private:
    void start_services();
    void register_routes();
    void announce_setup_link();
    void schedule_housekeeping();

    struct Parts;
    core::Config config_;
    AppOptions options_;
    std::unique_ptr<Parts> parts_;
};

// The password hashing cost the configuration asks for.
auth::Argon2Params argon2_params(const core::Config& config);

// Creates the data directory and its sub-folders (0750), as `serve` and `migrate` need.
void prepare_data_dir(const std::filesystem::path& data_dir);

}  // namespace vitae::app
