#include "http/csrf.hpp"

#include "core/crypto.hpp"
#include "core/error.hpp"

namespace vitae::http {

bool is_unsafe_method(std::string_view method) {
    return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

std::string submitted_csrf_token(const httplib::Request& req) {
    if (req.has_header(kCsrfHeader))
        return req.get_header_value(kCsrfHeader);
    if (req.has_param(kCsrfField))
        return req.get_param_value(kCsrfField);
    if (req.has_file(kCsrfField))
        return req.get_file_value(kCsrfField).content;
    return {};
}

void check_csrf(const httplib::Request& req, std::string_view expected) {
    std::string submitted = submitted_csrf_token(req);
    if (expected.empty() || !core::constant_time_equal(submitted, expected)) {
        throw Error(ErrorCode::forbidden,
                    "This form has expired or was sent from another site. Reload the page and "
                    "try again.");
    }
}

}  // namespace vitae::http
