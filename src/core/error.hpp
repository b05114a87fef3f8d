#pragma once
// The one exception type of Vitae: a code that http/ maps to a status, and a message
// written for the person who will read it.
#include <stdexcept>
#include <string>
#include <string_view>

namespace vitae {

enum class ErrorCode {
    bad_request,        // 400: the input is wrong; the message says how
    unauthorized,       // 401
    forbidden,          // 403
    not_found,          // 404
    conflict,           // 409
    payload_too_large,  // 413
    unsupported_media,  // 415
    too_many_requests,  // 429
    unavailable,        // 503: a dependency is down; try later
    config,             // bad configuration: stops start-up
    storage,            // the database or the disk failed
    internal,           // a bug
};

// Stable snake_case name, used as the "code" of JSON API errors.
std::string_view to_string(ErrorCode code);

class Error : public std::runtime_error {
  public:
    Error(ErrorCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
    ErrorCode code() const { return code_; }

  private:
    ErrorCode code_;
};

}  // namespace vitae
