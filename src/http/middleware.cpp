#include "http/middleware.hpp"

#include <nlohmann/json.hpp>

#include "core/log.hpp"
#include "core/logging.hpp"
#include "http/server.hpp"

namespace vitae::http {

namespace {

constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";

struct StatusText {
    const char* title;
    const char* message;
};

StatusText status_text(int status) {
    switch (status) {
        case 400:
            return {"Bad request", "The request could not be understood."};
        case 401:
            return {"Sign-in required", "Sign in to continue."};
        case 403:
            return {"Forbidden", "You do not have access to this page."};
        case 404:
            return {"Not found", "There is nothing at this address."};
        case 405:
            return {"Method not allowed", "This address does not accept that method."};
        case 413:
            return {"Too large", "The request body is larger than this server accepts."};
        case 414:
            return {"Address too long", "The request address is too long."};
        case 415:
            return {"Unsupported type", "This kind of content is not accepted here."};
        case 416:
            return {"Range not satisfiable", "The requested range is not available."};
        case 429:
            return {"Too many requests", "Slow down and try again shortly."};
        case 503:
            return {"Unavailable", "The service is unavailable right now; try later."};
        default:
            break;
    }
    if (status >= 500)
        return {"Server error", "Something went wrong on our side."};
    return {"Request failed", "The request could not be completed."};
}

std::string_view code_for_status(int status) {
    switch (status) {
        case 400:
            return "bad_request";
        case 401:
            return "unauthorized";
        case 403:
            return "forbidden";
        case 404:
            return "not_found";
        case 405:
            return "method_not_allowed";
        case 409:
            return "conflict";
        case 413:
            return "payload_too_large";
        case 414:
            return "uri_too_long";
        case 415:
            return "unsupported_media_type";
        case 429:
            return "too_many_requests";
        case 503:
            return "unavailable";
        default:
            return status >= 500 ? "internal" : "error";
    }
}

std::string minimal_html(const ErrorInfo& e) {
    auto esc = [](const std::string& s) {
        std::string out;
        for (char c : s) {
            switch (c) {
                case '<':
                    out += "&lt;";
                    break;
                case '>':
                    out += "&gt;";
                    break;
                case '&':
                    out += "&amp;";
                    break;
                case '"':
                    out += "&quot;";
                    break;
                default:
                    out += c;
            }
        }
        return out;
    };
    return "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>" + esc(e.title) +
           "</title><h1>" + std::to_string(e.status) + " " + esc(e.title) + "</h1><p>" +
           esc(e.message) + "</p><p>Request id: <code>" + esc(e.request_id) + "</code></p>";
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
                 {"remote", req.remote_addr}});
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
    return req.path.starts_with("/api/");
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
            write_error(req, res, *opts, code_for_status(res.status),
                        status_text(res.status).message);
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
