#include "app/account_commands.hpp"

#include <termios.h>
#include <unistd.h>

#include <iostream>
#include <memory>

#include "app/app.hpp"
#include "app/data_dir_lock.hpp"
#include "auth/account_service.hpp"
#include "auth/api_token_service.hpp"
#include "core/error.hpp"
#include "store/database.hpp"
#include "store/migrator.hpp"
#include "store/user_repository.hpp"

namespace vitae::app {

namespace {

// The database for a one-off command. These commands may run beside `vitae serve`
// (SQLite takes several writers); only when no server holds the data dir may the
// command itself create or migrate the schema.
struct CommandDatabase {
    std::unique_ptr<DataDirLock> lock;
    std::unique_ptr<store::Database> db;
};

CommandDatabase open_command_database(const core::Config& config) {
    CommandDatabase out;
    prepare_data_dir(config.data_dir);
    try {
        out.lock = std::make_unique<DataDirLock>(config.data_dir);
    } catch (const Error& e) {
        if (e.code() != ErrorCode::conflict)
            throw;
    }
    out.db = std::make_unique<store::Database>(config.data_dir / "vitae.db",
                                               store::DatabaseOptions{.readers = 1});
    if (out.lock) {
        store::migrate(*out.db);
    } else if (store::current_version(*out.db) != store::latest_version()) {
        throw Error(ErrorCode::conflict,
                    "the running server has not migrated this database; restart it first");
    }
    return out;
}

// Named options of a subcommand: --email E, --name N, --admin.
struct Options {
    std::string action;
    std::string email;
    std::string name;
    bool admin = false;
};

Options parse_options(const std::vector<std::string>& rest, bool allow_admin) {
    Options o;
    for (size_t i = 0; i < rest.size(); ++i) {
        const std::string& a = rest[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= rest.size())
                throw Error(ErrorCode::config, a + " needs a value");
            return rest[++i];
        };
        if (i == 0 && !a.starts_with("--")) {
            o.action = a;
        } else if (a == "--email") {
            o.email = value();
        } else if (a == "--name") {
            o.name = value();
        } else if (a == "--admin" && allow_admin) {
            o.admin = true;
        } else {
            throw Error(ErrorCode::config, "unknown argument '" + a + "' (see vitae --help)");
        }
    }
    if (o.action != "create")
        throw Error(ErrorCode::config, "the only action is 'create'");
    if (o.email.empty())
        throw Error(ErrorCode::config, "--email is required");
    return o;
}

// Never from argv (visible in ps and shell history): stdin, echo off at a terminal.
std::string read_password(Io& io) {
    bool tty = &io.in == &std::cin && ::isatty(STDIN_FILENO);
    termios saved{};
    if (tty) {
        io.err << "Password (at least 10 characters): " << std::flush;
        ::tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string password;
    std::getline(io.in, password);
    if (tty) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        io.err << "\n";
    }
    if (!password.empty() && password.back() == '\r')
        password.pop_back();
    return password;
}

}  // namespace

int cmd_user(const core::LoadedConfig& loaded, Io& io) {
    Options o = parse_options(loaded.rest, true);
    std::string password = read_password(io);
    auto opened = open_command_database(loaded.config);
    auth::PasswordHasher hasher(argon2_params(loaded.config));
    auth::PasswordPolicy policy;
    auth::AccountService accounts(*opened.db, hasher, policy);
    auto id = accounts.create({o.email, o.name, o.admin ? "admin" : "member", password},
                              {std::nullopt, "cli", ""});
    io.out << "created " << (o.admin ? "admin" : "member") << " " << auth::normalize_email(o.email)
           << " (id " << id << ")\n";
    return 0;
}

int cmd_token(const core::LoadedConfig& loaded, Io& io) {
    Options o = parse_options(loaded.rest, false);
    auto opened = open_command_database(loaded.config);
    auto email = auth::normalize_email(o.email);
    auto user = opened.db->read(
        [&](store::Connection& conn) { return store::UserRepository::find_by_email(conn, email); });
    if (!user)
        throw Error(ErrorCode::not_found, "no account with email " + email);
    auth::ApiTokenService tokens(*opened.db);
    auto created = tokens.create(user->id, o.name, {std::nullopt, "cli", ""});
    // The token alone on stdout, so scripts can capture it; it is not shown again.
    io.out << created.token << "\n";
    io.err << "token " << created.id << " for " << email
           << "; store it now, it is not shown again\n";
    return 0;
}

}  // namespace vitae::app
