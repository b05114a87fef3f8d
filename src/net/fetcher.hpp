#pragma once
// Outbound HTTP(S) GET for member-supplied URLs (a job advert), guarded against SSRF:
//
//   net::FetchPolicy policy;                       // 2 MiB, 10 s, 5 redirects
//   policy.allow = core::parse_ip_ranges(config.fetch_allow, "VITAE_FETCH_ALLOW");
//   const auto page = net::fetch("https://jobs.example.com/123", policy);
//   page.status, page.content_type, page.body, page.final_url
//
// Only http and https, redirects included; every address curl connects to (after DNS,
// after every redirect) is checked by AddressGuard before the socket exists, so a name
// that resolves to 127.0.0.1, a DNS rebinding or a redirect to 169.254.169.254 sends no
// packet there. No proxy from the environment is used.
#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/ip_range.hpp"

namespace vitae::net {

struct FetchPolicy {
    std::size_t max_bytes = 2 * 1024 * 1024;  // of the (decoded) body
    std::chrono::milliseconds total_timeout{10'000};
    std::chrono::milliseconds connect_timeout{5'000};
    long max_redirects = 5;
    std::vector<core::IpRange> allow;  // opened on purpose by the operator (VITAE_FETCH_ALLOW)
};

struct FetchResult {
    long status = 0;
    std::string content_type;  // as sent, e.g. "text/html; charset=utf-8"; may be empty
    std::string body;
    std::string final_url;  // after redirects
};

// Throws vitae::Error with a message for the member:
//   bad_request — not an http(s) URL, an address that is not public, an unknown host,
//                 too many redirects, a body over max_bytes;
//   unavailable — the site did not answer in time or the connection failed.
// Any HTTP status is returned, not thrown.
FetchResult fetch(std::string_view url, const FetchPolicy& policy);

// "Vitae/0.1.0"
std::string user_agent();

}  // namespace vitae::net
