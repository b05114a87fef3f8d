#include "http/middleware.hpp"

#include <nlohmann/json.hpp>

#include "core/html.hpp"
#include "core/log.hpp"
#include "core/logging.hpp"
#include "http/rate_limiter.hpp"
#include "http/router.hpp"
#include "http/server.hpp"

namespace vitae::http {

namespace {

constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";

// What a person and an API client are told for each error status.
struct StatusText {
    int status;
    const char* code;  // JSON API error code
    const char* title;
    const char* message;
};

constexpr StatusText kStatusTexts[] = {
    {400, "bad_request", "Bad request", "The request could not be understood."},
    {401, "unauthorized", "Sign-in required", "Sign in to continue."},
    {403, "forbidden", "Forbidden", "You do not have access to this page."},
    {404, "not_found", "Not found", "There is nothing at this address."},
    {405, "method_not_allowed", "Method not allowed", "This address does not accept that method."},
    {409, "conflict", "Conflict", "That conflicts with what is already there."},
    {413, "payload_too_large", "Too large", "The request body is larger than this server accepts."},
    {414, "uri_too_long", "Address too long", "The request address is too long."},
    {415, "unsupported_media_type", "Unsupported type",
     "This kind of content is not accepted here."},
    {416, "range_not_satisfiable", "Range not satisfiable",
     "The requested range is not available."},
    {429, "too_many_requests", "Too many requests", "Slow down and try again shortly."},
    {503, "unavailable", "Unavailable", "The service is unavailable right now; try later."},
};

StatusText status_text(int status) {
    for (const auto& t : kStatusTexts) {
        if (t.status == status)
            return t;
    }
    if (status >= 500)
        return {status, "internal", "Server error", "Something went wrong on our side."};
    return {status, "error", "Request failed", "The request could not be completed."};
}

std::string minimal_html(const ErrorInfo& e) {
    return "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>" +
           core::html_escape(e.title) + "</title><h1>" + std::to_string(e.status) + " " +
           core::html_escape(e.title) + "</h1><p>" + core::html_escape(e.message) +
           "</p><p>Request id: <code>" + core::html_escape(e.request_id) + "</code></p>";
}

// The response carries the request's id; a request too broken to parse gets a fresh
// one here, so every answer and its log line can still be matched.
std::string ensure_request_id(const httplib::Request& req, httplib::Response& res) {
    std::string id = res.get_header_value(kRequestIdHeader);
    if (!id.empty())
        return id;
    id = req.get_header_value(kRequestIdHeader);
    if (id.empty())
        id = new_request_id();
    res.set_header(kRequestIdHeader, id);
    return id;
}

void write_error(const httplib::Request& req, httplib::Response& res,
                 const MiddlewareOptions& options, std::string_view code,
                 const std::string& message) {
    ErrorInfo info{res.status, status_text(res.status).title, message, ensure_request_id(req, res)};
    res.set_header("Cache-Control", "no-store");
    if (wants_json(req)) {
        res.set_content(json_error_body(code, message, info.request_id), "application/json");
        return;
    }
    std::string html;
    if (options.html_error) {
        try {
            html = options.html_error(info);
        } catch (const std::exception& e) {
            // The fancy page failed; the plain one must still answer.
            log::error("error page rendering failed",
                       {{"error", e.what()}, {"request_id", info.request_id}});
        }
    }
    if (html.empty())
        html = minimal_html(info);
    res.set_content(html, "text/html; charset=utf-8");
}

void add_security_headers(const httplib::Request& req, httplib::Response& res, bool tls) {
    auto set_default = [&](const char* name, const char* value) {
        if (!res.has_header(name))
            res.set_header(name, value);
    };
    ensure_request_id(req, res);
    set_default("Content-Security-Policy", kContentSecurityPolicy);
    set_default("X-Frame-Options", "DENY");
    set_default("X-Content-Type-Options", "nosniff");
    set_default("Referrer-Policy", "same-origin");
    set_default("Permissions-Policy",
                "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
                "interest-cohort=()");
    set_default("Cross-Origin-Opener-Policy", "same-origin");
    set_default("Cache-Control", "no-store");
    if (tls)
        set_default("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
}

void log_access(const httplib::Request& req, const httplib::Response& res) {
    auto elapsed = std::chrono::steady_clock::now() - Server::request_started();
    double ms = std::chrono::duration<double, std::milli>(elapsed).count();
    std::string id = res.get_header_value(kRequestIdHeader);
    std::string bytes = res.get_header_value("Content-Length");
    if (bytes.empty())
        bytes = "0";
    log::access(res.status >= 500 ? log::Level::warn : log::Level::info,
                {{"method", req.method},
                 {"path", req.path},
                 {"status", res.status},
                 {"bytes", std::strtoll(bytes.c_str(), nullptr, 10)},
                 {"duration_ms", ms},
                 {"request_id", id},
                 {"remote", caller_ip(req)}});
}

}  // namespace

int status_for(ErrorCode code) {
    switch (code) {
        case ErrorCode::bad_request:
            return 400;
        case ErrorCode::unauthorized:
            return 401;
        case ErrorCode::forbidden:
            return 403;
        case ErrorCode::not_found:
            return 404;
        case ErrorCode::conflict:
            return 409;
        case ErrorCode::payload_too_large:
            return 413;
        case ErrorCode::unsupported_media:
            return 415;
        case ErrorCode::too_many_requests:
            return 429;
        case ErrorCode::unavailable:
            return 503;
        case ErrorCode::config:
        case ErrorCode::storage:
        case ErrorCode::internal:
            return 500;
    }
    return 500;
}

std::string request_id(const httplib::Request& req) {
    std::string id = req.get_header_value(kRequestIdHeader);
    return id.empty() ? "-" : id;
}

bool wants_json(const httplib::Request& req) {
    return is_api_path(req.path);
}

std::string json_error_body(std::string_view code, std::string_view message,
                            std::string_view request_id) {
    nlohmann::json body = {
        {"error", {{"code", code}, {"message", message}, {"request_id", request_id}}}};
    return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void install_middleware(httplib::Server& server, MiddlewareOptions options) {
    auto opts = std::make_shared<MiddlewareOptions>(std::move(options));

    server.set_exception_handler(
        [opts](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
            res.headers.erase("Content-Type");
            try {
                std::rethrow_exception(ep);
            } catch (const RateLimited& e) {
                res.status = 429;
                res.set_header("Retry-After", std::to_string(e.retry_after_s()));
                write_error(req, res, *opts, "too_many_requests", e.what());
            } catch (const Error& e) {
                res.status = status_for(e.code());
                bool internal = res.status >= 500;
                if (internal)
                    log::error("request failed",
                               {{"request_id", request_id(req)}, {"error", e.what()}});
                // Internal details stay in the log; the person gets the request id.
                std::string message = internal ? status_text(500).message : e.what();
                write_error(req, res, *opts, to_string(e.code()), message);
            } catch (const std::exception& e) {
                log::error("request failed", {{"request_id", request_id(req)},
                                              {"method", req.method},
                                              {"path", req.path},
                                              {"error", e.what()}});
                res.status = 500;
                write_error(req, res, *opts, "internal", status_text(500).message);
            } catch (...) {
                log::error("request failed with a non-standard exception",
                           {{"request_id", request_id(req)}});
                res.status = 500;
                write_error(req, res, *opts, "internal", status_text(500).message);
            }
        });

    server.set_error_handler(httplib::Server::HandlerWithResponse(
        [opts](const httplib::Request& req, httplib::Response& res) {
            if (!res.body.empty() || res.content_provider_)
                return httplib::Server::HandlerResponse::Unhandled;
            auto text = status_text(res.status);
            write_error(req, res, *opts, text.code, text.message);
            return httplib::Server::HandlerResponse::Handled;
        }));

    server.set_post_routing_handler([opts](const httplib::Request& req, httplib::Response& res) {
        add_security_headers(req, res, opts->tls);
    });

    if (opts->access_log) {
        server.set_logger([opts](const httplib::Request& req, const httplib::Response& res) {
            log_access(req, res);
        });
    }
}

}  // namespace vitae::http
