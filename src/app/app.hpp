#pragma once
// Wiring: builds the store, services and HTTP server from a Config and runs them.
#include <filesystem>
#include <memory>
#include <optional>

#include "auth/password_hasher.hpp"
#include "core/config.hpp"
#include "http/router.hpp"

namespace vitae::store {
class Database;
}

namespace vitae::app {

struct AppOptions {
    bool console_log = true;  // tests keep the console quiet; the log file stays
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
    // Stops accepting, finishes in-flight requests; callable from any thread.
    void shutdown();

    http::Router& router();
    store::Database& database();
    const core::Config& config() const;
    int port() const;

  private:
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
