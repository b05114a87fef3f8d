#include "app/app.hpp"

#include <sys/stat.h>

#include "api/account_handlers.hpp"
#include "api/health_handlers.hpp"
#include "app/data_dir_lock.hpp"
#include "auth/account_service.hpp"
#include "auth/api_token_service.hpp"
#include "core/asset_store.hpp"
#include "core/error.hpp"
#include "core/log.hpp"
#include "core/logging.hpp"
#include "http/middleware.hpp"
#include "http/server.hpp"
#include "http/static_assets.hpp"
#include "ops/health.hpp"
#include "store/database.hpp"
#include "store/migrator.hpp"
#include "web/error_page.hpp"
#include "web/home_page.hpp"
#include "web/views.hpp"

namespace vitae::app {

namespace fs = std::filesystem;

// Members are destroyed in reverse order: the server first, the lock last.
struct App::Parts {
    std::unique_ptr<DataDirLock> lock;
    std::unique_ptr<core::Logging> logging;
    std::unique_ptr<store::Database> db;
    core::AssetStore assets;
    std::unique_ptr<web::Views> views;
    std::unique_ptr<ops::Health> health;
    std::unique_ptr<auth::PasswordHasher> hasher;
    std::unique_ptr<auth::PasswordPolicy> policy;
    std::unique_ptr<auth::AccountService> accounts;
    std::unique_ptr<auth::ApiTokenService> tokens;
    std::unique_ptr<http::Server> server;
    std::unique_ptr<http::Router> router;
    int port = 0;
};

auth::Argon2Params argon2_params(const core::Config& config) {
    return {static_cast<std::uint32_t>(config.argon2_memory_kib),
            static_cast<std::uint32_t>(config.argon2_iterations),
            static_cast<std::uint32_t>(config.argon2_parallelism)};
}

void prepare_data_dir(const fs::path& data_dir) {
    for (const char* sub : {"", "logs", "uploads", "backups", "tls"}) {
        fs::path dir = data_dir / sub;
        std::error_code ec;
        if (fs::create_directories(dir, ec))
            ::chmod(dir.c_str(), 0750);
        if (ec) {
            throw Error(ErrorCode::storage, "cannot create " + dir.string() + ": " + ec.message());
        }
    }
}

// The JSON API takes personal tokens only (no cookies, hence no CSRF); HTML pages will
// take session cookies once sign-in exists.
http::Authenticator bearer_authenticator(auth::ApiTokenService& tokens) {
    return [&tokens](const httplib::Request& req) -> std::optional<auth::Principal> {
        if (!req.path.starts_with("/api/"))
            return std::nullopt;
        std::string header = req.get_header_value("Authorization");
        constexpr std::string_view kBearer = "Bearer ";
        if (!header.starts_with(kBearer))
            return std::nullopt;
        return tokens.authenticate(std::string_view(header).substr(kBearer.size()));
    };
}

App::App(core::Config config, AppOptions options)
    : config_(std::move(config)), options_(options), parts_(std::make_unique<Parts>()) {}

App::~App() {
    if (parts_->db) {
        parts_->router.reset();
        parts_->server.reset();
        parts_->db->close();
        log::info("database closed");
    }
}

int App::start() {
    auto& p = *parts_;
    prepare_data_dir(config_.data_dir);
    p.lock = std::make_unique<DataDirLock>(config_.data_dir);
    p.logging = std::make_unique<core::Logging>(
        core::LogOptions{config_.log_level, config_.log_format, config_.data_dir / "logs",
                         config_.log_keep_days, options_.console_log});

    p.db = std::make_unique<store::Database>(config_.data_dir / "vitae.db",
                                             store::DatabaseOptions{.readers = config_.db_readers});
    auto migrated = store::migrate(*p.db);
    for (const auto& name : migrated.applied)
        log::info("migration applied", {{"name", name}});
    if (migrated.backup_path) {
        log::info("database copied before migrating", {{"path", migrated.backup_path->string()}});
    }

    p.assets = config_.assets_dir ? core::AssetStore::from_directory(*config_.assets_dir)
                                  : core::AssetStore::embedded();
    p.views = std::make_unique<web::Views>(p.assets, VITAE_VERSION);
    p.health = std::make_unique<ops::Health>(*p.db, config_.data_dir, config_.min_free_disk_mb,
                                             VITAE_VERSION);

    p.hasher = std::make_unique<auth::PasswordHasher>(argon2_params(config_));
    p.policy = std::make_unique<auth::PasswordPolicy>();
    p.accounts = std::make_unique<auth::AccountService>(*p.db, *p.hasher, *p.policy);
    p.tokens = std::make_unique<auth::ApiTokenService>(*p.db);

    p.server = std::make_unique<http::Server>(http::ServerOptions{
        .max_threads = static_cast<size_t>(config_.http_threads),
        .read_timeout_s = config_.http_read_timeout_s,
        .write_timeout_s = config_.http_write_timeout_s,
        .keepalive_timeout_s = config_.http_keepalive_timeout_s,
        .keepalive_max = config_.http_keepalive_max,
        .max_body_bytes = config_.max_upload_bytes,
    });
    const web::Views& views = *p.views;
    http::install_middleware(*p.server, {.access_log = true,
                                         .html_error =
                                             [&views](const http::ErrorInfo& e) {
                                                 return web::render_error_page(views, e);
                                             },
                                         .tls = false});

    p.router = std::make_unique<http::Router>(*p.server);
    p.router->set_authenticator(bearer_authenticator(*p.tokens));
    api::register_health_routes(*p.router, *p.health);
    http::register_static_assets(*p.router, p.assets);
    web::register_home_page(*p.router, *p.views, *p.health);
    api::register_account_routes(*p.router);

    p.port = p.server->bind(config_.addr, config_.port);
    log::info("listening", {{"url", "http://" + config_.addr + ":" + std::to_string(p.port)},
                            {"version", VITAE_VERSION},
                            {"data_dir", fs::absolute(config_.data_dir).string()}});
    return p.port;
}

void App::run() {
    parts_->server->run();
    log::info("http server stopped");
}

void App::shutdown() {
    if (parts_->server)
        parts_->server->shutdown();
}

http::Router& App::router() {
    return *parts_->router;
}
store::Database& App::database() {
    return *parts_->db;
}
const core::Config& App::config() const {
    return config_;
}
int App::port() const {
    return parts_->port;
}

}  // namespace vitae::app
