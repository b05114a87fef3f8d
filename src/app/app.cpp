#include "app/app.hpp"

#include <sys/stat.h>

#include "api/account_handlers.hpp"
#include "api/admin_user_handlers.hpp"
#include "api/application_handlers.hpp"
#include "api/audit_handlers.hpp"
#include "api/cv_export_handlers.hpp"
#include "api/cv_handlers.hpp"
#include "api/health_handlers.hpp"
#include "api/import_handlers.hpp"
#include "api/member_data_handlers.hpp"
#include "app/data_dir_lock.hpp"
#include "applications/application_service.hpp"
#include "auth/account_service.hpp"
#include "auth/api_token_service.hpp"
#include "auth/audit.hpp"
#include "auth/credential_service.hpp"
#include "auth/first_run.hpp"
#include "auth/one_time_links.hpp"
#include "auth/second_factor.hpp"
#include "auth/session_service.hpp"
#include "auth/user_admin.hpp"
#include "backup/member_archive.hpp"
#include "core/asset_store.hpp"
#include "core/error.hpp"
#include "core/ip_range.hpp"
#include "core/log.hpp"
#include "core/logging.hpp"
#include "cv/cv_import_service.hpp"
#include "cv/cv_service.hpp"
#include "cv/cv_share_service.hpp"
#include "http/middleware.hpp"
#include "http/rate_limiter.hpp"
#include "http/server.hpp"
#include "http/static_assets.hpp"
#include "jobs/scheduler.hpp"
#include "net/fetcher.hpp"
#include "ops/health.hpp"
#include "store/database.hpp"
#include "store/migrator.hpp"
#include "web/account_page.hpp"
#include "web/admin_settings_page.hpp"
#include "web/admin_users_pages.hpp"
#include "web/api_token_pages.hpp"
#include "web/application_pages.hpp"
#include "web/audit_page.hpp"
#include "web/browser_session.hpp"
#include "web/cv_import_pages.hpp"
#include "web/cv_pages.hpp"
#include "web/cv_share_pages.hpp"
#include "web/cv_template_styles.hpp"
#include "web/error_page.hpp"
#include "web/home_page.hpp"
#include "web/invite_pages.hpp"
#include "web/job_fetch_page.hpp"
#include "web/member_data_pages.hpp"
#include "web/shared_cv_pages.hpp"
#include "web/sign_in_pages.hpp"
#include "web/sign_in_throttle.hpp"
#include "web/two_factor_pages.hpp"
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
    std::unique_ptr<auth::AuditLog> audit;
    std::unique_ptr<auth::OneTimeLinks> links;
    std::unique_ptr<auth::SessionService> sessions;
    std::unique_ptr<auth::CredentialService> credentials;
    std::unique_ptr<auth::SecondFactor> second_factor;
    std::unique_ptr<auth::FirstRun> first_run;
    std::unique_ptr<web::BrowserSessions> browser;
    std::unique_ptr<web::SignInThrottle> sign_in_throttle;
    std::unique_ptr<http::RateLimiter> sign_in_rate;
    std::unique_ptr<http::RateLimiter> export_rate;
    std::unique_ptr<jobs::Scheduler> scheduler;  // its tasks use the services above
    std::unique_ptr<auth::UserAdmin> user_admin;
    std::unique_ptr<cv::CvService> cvs;
    std::unique_ptr<cv::CvShareService> shares;
    std::unique_ptr<cv::CvImportService> imports;
    std::unique_ptr<http::RateLimiter> import_rate;
    net::FetchPolicy fetch_policy;
    std::unique_ptr<http::RateLimiter> fetch_rate;
    std::unique_ptr<applications::ApplicationService> applications;
    std::unique_ptr<backup::MemberArchive> member_archive;
    std::unique_ptr<http::Server> server;
    std::unique_ptr<http::Router> router;
    std::string setup_url;
    // What invite, reset and setup links start with: VITAE_BASE_URL, or with --port 0 the
    // bound address. Set once bound, before serving; handlers read it per request.
    std::string base_url;
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

constexpr std::uint64_t kFormOverheadBytes = 64 * 1024;

// The JSON API takes personal tokens only (no cookies, hence no CSRF); HTML pages take
// the session cookie only (so a stolen API token opens no pages). A browser session is
// marked when its admin owes a second factor; the router then holds it to enrolment.
http::Authenticator request_authenticator(auth::ApiTokenService& tokens,
                                          const web::BrowserSessions& browser,
                                          auth::SecondFactor& second_factor) {
    return [&tokens, &browser,
            &second_factor](const httplib::Request& req) -> std::optional<auth::Principal> {
        if (!http::is_api_path(req.path)) {
            auto who = browser.principal(req);
            if (who)
                who->must_enrol_second_factor = second_factor.enrolment_owed(*who);
            return who;
        }
        std::string header = req.get_header_value("Authorization");
        constexpr std::string_view kBearer = "Bearer ";
        if (!header.starts_with(kBearer))
            return std::nullopt;
        return tokens.authenticate(std::string_view(header).substr(kBearer.size()));
    };
}

// Cookies are Secure (and __Host- prefixed) when browsers reach us over HTTPS: served by
// a TLS-terminating proxy, VITAE_BASE_URL says so.
bool serves_https(const core::Config& config) {
    return config.base_url.starts_with("https://");
}

App::App(core::Config config, AppOptions options)
    : config_(std::move(config)), options_(options), parts_(std::make_unique<Parts>()) {}

App::~App() {
    if (parts_->scheduler)
        parts_->scheduler->stop();
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

    start_services();

    p.server = std::make_unique<http::Server>(http::ServerOptions{
        .max_threads = static_cast<size_t>(config_.http_threads),
        .read_timeout_s = config_.http_read_timeout_s,
        .write_timeout_s = config_.http_write_timeout_s,
        .keepalive_timeout_s = config_.http_keepalive_timeout_s,
        .keepalive_max = config_.http_keepalive_max,
        // Room for a multipart form around a file at the limit, so the import refuses an
        // oversized file with its own message instead of the server's bare 413.
        .max_body_bytes = config_.max_upload_bytes + kFormOverheadBytes,
        .trusted_proxies = http::TrustedProxies(config_.trusted_proxies),
    });
    const web::Views& views = *p.views;
    http::install_middleware(*p.server, {.access_log = true,
                                         .html_error =
                                             [&views](const http::ErrorInfo& e) {
                                                 return web::render_error_page(views, e);
                                             },
                                         .tls = false});

    p.router = std::make_unique<http::Router>(*p.server);
    register_routes();

    p.port = p.server->bind(config_.addr, config_.port);
    // With --port 0 the derived base URL cannot know the port the kernel picked.
    p.base_url = config_.port == 0 ? "http://" + config_.addr + ":" + std::to_string(p.port)
                                   : config_.base_url;
    log::info("listening", {{"url", "http://" + config_.addr + ":" + std::to_string(p.port)},
                            {"version", VITAE_VERSION},
                            {"data_dir", fs::absolute(config_.data_dir).string()}});
    announce_setup_link();
    schedule_housekeeping();
    p.scheduler->start();
    return p.port;
}

void App::start_services() {
    auto& p = *parts_;
    const auto& clock = options_.clock;
    p.hasher = std::make_unique<auth::PasswordHasher>(argon2_params(config_));
    p.policy = std::make_unique<auth::PasswordPolicy>();
    p.accounts = std::make_unique<auth::AccountService>(*p.db, *p.hasher, *p.policy, clock);
    p.tokens = std::make_unique<auth::ApiTokenService>(*p.db, clock);
    p.audit = std::make_unique<auth::AuditLog>(*p.db, clock);
    p.links = std::make_unique<auth::OneTimeLinks>(*p.db, clock);
    p.sessions = std::make_unique<auth::SessionService>(
        *p.db,
        auth::SessionPolicy{.idle_s = config_.session_idle_days * 86400LL,
                            .absolute_s = config_.session_max_days * 86400LL},
        clock);
    p.credentials =
        std::make_unique<auth::CredentialService>(*p.db, *p.hasher, *p.policy, *p.links, clock);
    p.second_factor = std::make_unique<auth::SecondFactor>(*p.db, *p.credentials, clock);
    p.first_run = std::make_unique<auth::FirstRun>(*p.db, *p.accounts, *p.links);
    p.browser = std::make_unique<web::BrowserSessions>(*p.sessions, serves_https(config_));
    p.sign_in_throttle = std::make_unique<web::SignInThrottle>(options_.steady_clock);
    // Sign-in forms cost an Argon2 run each, right password or not: a burst of 30, then one
    // a second per IP caps what one address can make the CPU do. Guessing is slowed
    // further, per account, by the sign-in throttle.
    p.sign_in_rate = std::make_unique<http::RateLimiter>(
        http::RateLimiter::Rule{.capacity = 30, .refill_per_second = 1}, options_.steady_clock);
    p.user_admin = std::make_unique<auth::UserAdmin>(*p.db, *p.links, clock);
    p.cvs = std::make_unique<cv::CvService>(*p.db, clock, config_.cv_versions_keep);
    // A PDF costs tens of milliseconds of CPU: a burst of 20 exports, then one a second
    // per member and address, keeps one caller from occupying both cores.
    p.export_rate = std::make_unique<http::RateLimiter>(
        http::RateLimiter::Rule{.capacity = 20, .refill_per_second = 1}, options_.steady_clock);
    p.shares = std::make_unique<cv::CvShareService>(*p.db, *p.hasher, *p.policy, clock);
    cv::ImportLimits import_limits;
    import_limits.max_bytes = config_.max_upload_bytes;
    import_limits.max_pdf_pages = config_.import_max_pdf_pages;
    p.imports = std::make_unique<cv::CvImportService>(
        *p.db, *p.cvs, cv::UploadStore(config_.data_dir / "uploads"), clock, import_limits);
    // Reading a PDF or DOCX costs more than an export: a burst of 10, then one every 6 s
    // per member and address.
    p.import_rate = std::make_unique<http::RateLimiter>(
        http::RateLimiter::Rule{.capacity = 10, .refill_per_second = 1.0 / 6},
        options_.steady_clock);
    p.applications = std::make_unique<applications::ApplicationService>(*p.db, *p.cvs, clock);
    p.member_archive = std::make_unique<backup::MemberArchive>(*p.db, *p.cvs, *p.applications);
    p.fetch_policy.allow = core::parse_ip_ranges(config_.fetch_allow, "VITAE_FETCH_ALLOW");
    // A fetch holds a worker up to 10 s and makes us a client of somebody's site: a burst
    // of 5, then one every 10 s per member and address.
    p.fetch_rate = std::make_unique<http::RateLimiter>(
        http::RateLimiter::Rule{.capacity = 5, .refill_per_second = 0.1}, options_.steady_clock);
}

void App::register_routes() {
    auto& p = *parts_;
    auto& router = *p.router;
    router.set_authenticator(request_authenticator(*p.tokens, *p.browser, *p.second_factor));
    router.set_anonymous_csrf([&browser = *p.browser](const httplib::Request& req) {
        return browser.anonymous_csrf(req);
    });
    api::register_health_routes(router, *p.health);
    http::register_static_assets(router, p.assets);
    web::register_home_page(router, *p.views, *p.health, *p.browser, *p.applications);
    web::register_sign_in_pages(
        router, {*p.views, *p.browser, *p.credentials, *p.second_factor, *p.first_run, *p.audit,
                 *p.sign_in_throttle, *p.sign_in_rate});
    web::AccountPage account{*p.views, *p.browser,       *p.credentials,
                             *p.audit, *p.second_factor, *p.tokens};
    web::register_account_page(router, account);
    web::register_member_data_pages(router, account, *p.member_archive);
    web::register_api_token_pages(router, account);
    web::register_two_factor_pages(router,
                                   {*p.views, *p.browser, *p.second_factor, *p.sign_in_rate});
    web::register_admin_settings_page(router, {*p.views, *p.second_factor});
    api::register_account_routes(router);
    web::register_audit_page(router, {*p.views, *p.audit, config_.audit_keep_days});
    api::register_audit_routes(router, *p.audit);
    web::register_invite_pages(
        router, {*p.views, *p.browser, *p.credentials, *p.links, *p.user_admin, *p.audit,
                 *p.sign_in_throttle, *p.sign_in_rate});
    web::register_admin_users_pages(router, {*p.views, *p.browser, *p.user_admin, p.base_url});
    api::register_admin_user_routes(router, {*p.user_admin, p.base_url});
    api::register_cv_routes(router, *p.cvs);
    api::register_cv_export_routes(router, *p.cvs, *p.views, *p.export_rate);
    web::register_cv_template_styles(router, p.assets);
    web::register_cv_share_pages(router, {*p.views, *p.cvs, *p.shares, p.base_url});
    web::register_shared_cv_pages(router, {*p.views, p.assets, *p.browser, *p.shares, *p.audit,
                                           *p.sign_in_throttle, *p.sign_in_rate, *p.export_rate});
    web::CvPages cv_pages{*p.views, *p.cvs, p.assets};
    web::register_cv_pages(router, cv_pages);
    web::register_cv_editor_page(router, cv_pages);
    web::register_cv_import_pages(router, {*p.views, *p.imports, p.assets, *p.import_rate});
    api::register_import_routes(router, *p.imports, *p.import_rate);
    api::register_application_routes(router, *p.applications);
    api::register_member_data_routes(router, *p.member_archive);
    web::ApplicationPages application_pages{*p.views, *p.applications, *p.cvs};
    web::register_application_transfer_pages(router, application_pages);
    web::register_application_pages(router, application_pages);
    web::register_job_fetch_page(
        router, {*p.views, *p.applications, *p.cvs, p.fetch_policy, *p.fetch_rate});
}

// Decided by options_.clock, so tests that move a fake clock on can make tasks due.
void App::schedule_housekeeping() {
    auto& p = *parts_;
    p.scheduler = std::make_unique<jobs::Scheduler>(options_.clock);
    p.scheduler->every(
        std::chrono::hours(24), "audit prune",
        [&audit = *p.audit, keep_days = config_.audit_keep_days] {
            auto removed = audit.prune(keep_days);
            log::info("audit log pruned", {{"removed", removed}, {"keep_days", keep_days}});
        });
    p.scheduler->every(std::chrono::hours(1), "unsaved import prune", [&imports = *p.imports] {
        log::info("unsaved imports pruned", {{"removed", imports.prune_unsaved()}});
    });
    p.scheduler->every(std::chrono::hours(1), "session prune", [&sessions = *p.sessions] {
        log::info("expired sessions pruned", {{"removed", sessions.prune()}});
    });
}

// With no accounts yet, only the holder of this link can create the first admin. Each
// start issues a new one and withdraws the old.
void App::announce_setup_link() {
    auto& p = *parts_;
    auto token = p.first_run->issue();
    if (!token)
        return;
    p.setup_url = auth::link_url(p.base_url, auth::LinkPurpose::setup, *token);
    log::warn(
        "no accounts yet: open this one-time link to create the first administrator "
        "(valid 24 h; or run `vitae user create --admin`)",
        {{"url", p.setup_url}});
}

void App::run() {
    parts_->server->run();
    log::info("http server stopped");
}

void App::shutdown() {
    if (parts_->scheduler)
        parts_->scheduler->stop();
    if (parts_->server)
        parts_->server->shutdown();
}

int App::run_scheduled_tasks() {
    return parts_->scheduler->run_due(options_.clock());
}

const std::string& App::setup_url() const {
    return parts_->setup_url;
}
http::Router& App::router() {
    return *parts_->router;
}
auth::AccountService& App::accounts() {
    return *parts_->accounts;
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
