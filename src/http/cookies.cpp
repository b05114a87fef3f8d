#include "http/cookies.hpp"

#include "core/error.hpp"

namespace vitae::http {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && s.front() == ' ')
        s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ')
        s.remove_suffix(1);
    return s;
}

bool cookie_octets(std::string_view s) {
    for (unsigned char c : s) {
        if (c <= 0x20 || c >= 0x7f || c == '"' || c == ',' || c == ';' || c == '\\')
            return false;
    }
    return true;
}

}  // namespace

std::string cookie_value(const httplib::Request& req, std::string_view name) {
    auto range = req.headers.equal_range("Cookie");
    for (auto it = range.first; it != range.second; ++it) {
        std::string_view rest = it->second;
        while (!rest.empty()) {
            auto semi = rest.find(';');
            std::string_view pair = trim(rest.substr(0, semi));
            rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
            auto eq = pair.find('=');
            if (eq != std::string_view::npos && pair.substr(0, eq) == name)
                return std::string(pair.substr(eq + 1));
        }
    }
    return {};
}

void set_cookie(httplib::Response& res, std::string_view name, std::string_view value,
                const CookieOptions& options) {
    if (!cookie_octets(name) || !cookie_octets(value) || !cookie_octets(options.path) ||
        !options.path.starts_with("/"))
        throw Error(ErrorCode::internal, "cookie name, value or path with forbidden characters");
    std::string header = std::string(name) + "=" + std::string(value) +
                         "; Path=" + std::string(options.path) + "; HttpOnly; SameSite=Lax";
    if (options.secure)
        header += "; Secure";
    if (options.max_age_s >= 0)
        header += "; Max-Age=" + std::to_string(options.max_age_s);
    res.headers.emplace("Set-Cookie", header);
}

CookieNames::CookieNames(bool secure_)
    : secure(secure_),
      session(secure_ ? "__Host-vitae_session" : "vitae_session"),
      csrf(secure_ ? "__Host-vitae_csrf" : "vitae_csrf"),
      share(secure_ ? "__Secure-vitae_share" : "vitae_share") {}

}  // namespace vitae::http
