#include "app/cli.hpp"

#include <pthread.h>
#include <signal.h>

#include <future>
#include <iostream>
#include <thread>

#include "app/account_commands.hpp"
#include "app/app.hpp"
#include "app/data_dir_lock.hpp"
#include "app/doctor.hpp"
#include "app/import_command.hpp"
#include "core/config_schema.hpp"
#include "core/error.hpp"
#include "core/log.hpp"
#include "store/database.hpp"
#include "store/migrator.hpp"

namespace vitae::app {

namespace {

struct Command {
    const char* name;
    const char* summary;
    int (*run)(const core::LoadedConfig&, Io&);
};

int cmd_serve(const core::LoadedConfig& loaded, Io& io);
int cmd_migrate(const core::LoadedConfig& loaded, Io& io);
int cmd_config(const core::LoadedConfig& loaded, Io& io);
int cmd_doctor(const core::LoadedConfig& loaded, Io& io);
int cmd_version(const core::LoadedConfig& loaded, Io& io);

constexpr Command kCommands[] = {
    {"serve", "run the web server until SIGTERM or SIGINT", cmd_serve},
    {"migrate", "apply pending database migrations and exit", cmd_migrate},
    {"config", "print the effective configuration and where each value came from", cmd_config},
    {"doctor", "check data dir, disk, database and port; exit 1 when a check fails", cmd_doctor},
    {"version", "print the version", cmd_version},
    {"user", "create --email E [--name N] [--admin]: add an account (password on stdin)", cmd_user},
    {"token", "create --email E --name N: print a new API token for a user, once", cmd_token},
    {"import", "FILE [--format json|text]: print the draft JSON Resume read from a CV file",
     cmd_import},
};

void print_help(std::ostream& out) {
    out << "Vitae " << VITAE_VERSION << " - self-hosted CV workshop\n\n"
        << "Usage: vitae <command> [flags]\n\nCommands:\n";
    for (const auto& c : kCommands) {
        out << "  " << c.name << std::string(10 - std::string(c.name).size(), ' ') << c.summary
            << "\n";
    }
    out << "\nFlags (every command; also settable as KEY=VALUE in the --config file or in the\n"
        << "environment; flags win over the environment, which wins over the file):\n"
        << "  --config PATH  configuration file (env VITAE_CONFIG)\n"
        << core::render_flag_help() << "\n";
}

int reject_extra(const core::LoadedConfig& loaded, std::ostream& err) {
    if (loaded.rest.empty())
        return 0;
    err << "vitae: unknown argument '" << loaded.rest.front() << "' (see vitae --help)\n";
    return 2;
}

int cmd_version(const core::LoadedConfig& loaded, Io& io) {
    auto& out = io.out;
    auto& err = io.err;
    if (int rc = reject_extra(loaded, err))
        return rc;
    out << "vitae " << VITAE_VERSION << "\n";
    return 0;
}

int cmd_config(const core::LoadedConfig& loaded, Io& io) {
    auto& out = io.out;
    auto& err = io.err;
    if (loaded.rest.size() == 1 && loaded.rest[0] == "--markdown") {
        out << core::render_config_markdown();
        return 0;
    }
    if (int rc = reject_extra(loaded, err))
        return rc;
    out << core::describe(loaded.config);
    return 0;
}

int cmd_doctor(const core::LoadedConfig& loaded, Io& io) {
    auto& out = io.out;
    auto& err = io.err;
    if (int rc = reject_extra(loaded, err))
        return rc;
    return report_doctor(run_doctor(loaded.config), out);
}

int cmd_migrate(const core::LoadedConfig& loaded, Io& io) {
    auto& out = io.out;
    auto& err = io.err;
    if (int rc = reject_extra(loaded, err))
        return rc;
    const auto& config = loaded.config;
    prepare_data_dir(config.data_dir);
    DataDirLock lock(config.data_dir);
    store::Database db(config.data_dir / "vitae.db", {.readers = 1});
    auto result = store::migrate(db);
    if (result.applied.empty()) {
        out << "database is up to date (schema version " << result.to_version << ")\n";
    } else {
        if (result.backup_path)
            out << "saved a copy first: " << result.backup_path->string() << "\n";
        for (const auto& name : result.applied)
            out << "applied " << name << "\n";
        out << "schema version " << result.from_version << " -> " << result.to_version << "\n";
    }
    db.close();
    return 0;
}

// SIGTERM/SIGINT are blocked in every thread and taken here with sigwait, so no
// handler runs at an arbitrary point of a worker. SIGUSR1 is our own "server ended".
int cmd_serve(const core::LoadedConfig& loaded, Io& io) {
    auto& out = io.out;
    auto& err = io.err;
    if (int rc = reject_extra(loaded, err))
        return rc;
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGUSR1);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    ::signal(SIGPIPE, SIG_IGN);

    App app(loaded.config);
    int port = app.start();
    out << "Vitae is running on http://" << loaded.config.addr << ":" << port << "/\n"
        << std::flush;
    pthread_t main_thread = pthread_self();
    std::promise<void> ended;
    auto ended_future = ended.get_future();
    std::thread server([&] {
        app.run();
        ended.set_value();
        pthread_kill(main_thread, SIGUSR1);
    });
    int sig = 0;
    sigwait(&signals, &sig);
    if (sig != SIGUSR1)
        log::info("shutting down", {{"signal", sig == SIGTERM ? "SIGTERM" : "SIGINT"}});
    app.shutdown();
    auto bound = std::chrono::seconds(loaded.config.shutdown_timeout_s);
    if (ended_future.wait_for(bound) != std::future_status::ready) {
        log::error("requests still running at the shutdown bound; exiting without them",
                   {{"shutdown_timeout_s", loaded.config.shutdown_timeout_s}});
        log::flush();
        std::_Exit(1);
    }
    server.join();
    return sig == SIGUSR1 ? 1 : 0;
}

}  // namespace

int run_cli(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
            std::istream& in, std::ostream& out, std::ostream& err) {
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        print_help(out);
        return args.empty() ? 2 : 0;
    }
    std::string name = args[0] == "--version" ? "version" : args[0];
    const Command* command = nullptr;
    for (const auto& c : kCommands) {
        if (name == c.name)
            command = &c;
    }
    if (!command) {
        err << "vitae: unknown command '" << name << "' (see vitae --help)\n";
        return 2;
    }
    std::vector<std::string> rest(args.begin() + 1, args.end());
    for (const auto& a : rest) {
        if (a == "--help" || a == "-h") {
            print_help(out);
            return 0;
        }
    }
    try {
        auto loaded = core::load_config(rest, env);
        Io io{in, out, err};
        return command->run(loaded, io);
    } catch (const Error& e) {
        err << "vitae: " << e.what() << "\n";
        return e.code() == ErrorCode::config ? 2 : 1;
    } catch (const std::exception& e) {
        err << "vitae: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace vitae::app
