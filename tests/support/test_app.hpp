#pragma once
// The real server in-process on an ephemeral loopback port with a temp data dir.
#include <httplib.h>

#include <functional>
#include <thread>

#include "app/app.hpp"
#include "support/temp_dir.hpp"

namespace vitae::test {

// Argon2id at its cheapest settings: tests sign in hundreds of times under sanitizers;
// the production cost is measured by `make bench`, not here.
inline core::Config test_config(const std::filesystem::path& data_dir,
                                std::vector<std::string> extra_args = {}) {
    std::vector<std::string> args = {"--addr",
                                     "127.0.0.1",
                                     "--port",
                                     "0",
                                     "--data-dir",
                                     data_dir.string(),
                                     "--min-free-disk-mb",
                                     "0",
                                     "--argon2-memory-kib",
                                     "8192",
                                     "--argon2-iterations",
                                     "1"};
    args.insert(args.end(), extra_args.begin(), extra_args.end());
    return core::load_config(args, {}).config;
}

// A base so the temp dir exists before the App member is built from its path.
struct OwnedTempDir {
    TempDir dir_holder_;
};

class TestApp : private OwnedTempDir {
  public:
    // `before_run` can add routes (for example one that throws) before serving.
    explicit TestApp(std::function<void(app::App&)> before_run = {})
        : app_(test_config(dir_holder_.path() / "data"), {.console_log = false}) {
        launch(before_run);
    }

    TestApp(core::Config config, std::function<void(app::App&)> before_run = {})
        : app_(std::move(config), {.console_log = false}) {
        launch(before_run);
    }

    // With extra command-line configuration and options (a FakeClock's, say).
    TestApp(std::vector<std::string> extra_args, app::AppOptions options)
        : app_(test_config(dir_holder_.path() / "data", std::move(extra_args)),
               std::move(options)) {
        launch({});
    }

    ~TestApp() { stop(); }

    void stop() {
        if (!thread_.joinable())
            return;
        app_.shutdown();
        thread_.join();
    }

    httplib::Client client() const {
        httplib::Client c("127.0.0.1", port_);
        c.set_connection_timeout(5);
        c.set_read_timeout(10);
        return c;
    }

    int port() const { return port_; }
    app::App& app() { return app_; }
    std::filesystem::path data_dir() const { return app_.config().data_dir; }

  private:
    void launch(const std::function<void(app::App&)>& before_run) {
        port_ = app_.start();
        if (before_run)
            before_run(app_);
        thread_ = std::thread([this] { app_.run(); });
    }

    app::App app_;
    int port_ = 0;
    std::thread thread_;
};

}  // namespace vitae::test
