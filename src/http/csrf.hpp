#pragma once
// Cross-site request forgery defence for the HTML routes: every form carries a token that
// another site cannot read, and every unsafe request must echo it. Signed-in browsers use
// their session's token; a browser without a session (sign-in, setup, invite forms) gets
// one in a cookie of its own and must echo that (the double-submit pattern).
// The JSON API takes bearer tokens only, never cookies, so it needs no CSRF token.
#include <httplib.h>

#include <string>
#include <string_view>

namespace vitae::http {

// Name of the hidden form field, and of the header scripts may send instead.
inline constexpr const char* kCsrfField = "csrf";
inline constexpr const char* kCsrfHeader = "X-CSRF-Token";

// GET, HEAD and OPTIONS change nothing; everything else must prove where it came from.
bool is_unsafe_method(std::string_view method);

// The token the request submitted: the header, else the urlencoded or multipart form
// field. Empty when there is none.
std::string submitted_csrf_token(const httplib::Request& req);

// Throws vitae::Error(forbidden) unless `expected` is non-empty and equal to what the
// request submitted (compared in constant time).
void check_csrf(const httplib::Request& req, std::string_view expected);

}  // namespace vitae::http
