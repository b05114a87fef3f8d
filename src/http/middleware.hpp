#pragma once
// What wraps every response: request id, security headers, error pages, exception
// safety and the access log. Errors become HTTP statuses here and nowhere else.
#include <httplib.h>

#include <functional>
#include <memory>
#include <string>

#include "core/error.hpp"

namespace vitae::http {

struct ErrorInfo {
    int status;
    std::string title;    // "Not found"
    std::string message;  // what the person can do about it
    std::string request_id;
};

// Renders the HTML error page body (the web room supplies it).
using HtmlErrorRenderer = std::function<std::string(const ErrorInfo&)>;

struct MiddlewareOptions {
    bool access_log = true;
    HtmlErrorRenderer html_error;  // null: a minimal built-in page
    bool tls = false;              // adds HSTS
};

void install_middleware(httplib::Server& server, MiddlewareOptions options);

int status_for(ErrorCode code);
// The id of this request (set by the server before routing; "-" if the request
// could not be parsed far enough to get one).
std::string request_id(const httplib::Request& req);
bool wants_json(const httplib::Request& req);

// {"error": {"code", "message", "request_id"}}
std::string json_error_body(std::string_view code, std::string_view message,
                            std::string_view request_id);

}  // namespace vitae::http
