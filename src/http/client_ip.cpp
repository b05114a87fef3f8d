#include "http/client_ip.hpp"

#include <optional>

namespace vitae::http {

namespace {

using Address = core::IpAddress;
using core::parse_ip_address;

constexpr std::string_view kSpace = " \t";

std::string_view trim(std::string_view s) {
    const auto first = s.find_first_not_of(kSpace);
    if (first == std::string_view::npos)
        return {};
    return s.substr(first, s.find_last_not_of(kSpace) - first + 1);
}

bool is_port(std::string_view s) {
    return !s.empty() && s.size() <= 5 &&
           s.find_first_not_of("0123456789") == std::string_view::npos;
}

// An X-Forwarded-For entry: an address, optionally with a port as some proxies write it
// ("1.2.3.4:5678", "[2001:db8::1]:443", "[2001:db8::1]").
std::optional<Address> parse_forwarded_entry(std::string_view entry) {
    if (entry.starts_with('[')) {
        const auto close = entry.find(']');
        if (close == std::string_view::npos)
            return std::nullopt;
        const auto rest = entry.substr(close + 1);
        if (!rest.empty() && !(rest.starts_with(':') && is_port(rest.substr(1))))
            return std::nullopt;
        return parse_ip_address(entry.substr(1, close - 1));
    }
    const auto colon = entry.find(':');
    if (colon != std::string_view::npos && entry.find(':', colon + 1) == std::string_view::npos) {
        if (!is_port(entry.substr(colon + 1)))
            return std::nullopt;
        auto a = parse_ip_address(entry.substr(0, colon));
        return a && a->v4 ? a : std::nullopt;
    }
    return parse_ip_address(entry);
}

// Every X-Forwarded-For entry, all headers concatenated in the order received.
std::vector<std::string_view> forwarded_entries(const httplib::Request& req) {
    std::vector<std::string_view> entries;
    const auto [first, last] = req.headers.equal_range("X-Forwarded-For");
    for (auto it = first; it != last; ++it) {
        std::string_view value = it->second;
        while (!value.empty()) {
            const auto comma = value.find(',');
            const auto entry = trim(value.substr(0, comma));
            if (!entry.empty())
                entries.push_back(entry);
            value = comma == std::string_view::npos ? "" : value.substr(comma + 1);
        }
    }
    return entries;
}

}  // namespace

TrustedProxies::TrustedProxies(std::string_view cidr_list)
    : ranges(core::parse_ip_ranges(cidr_list, "trusted proxies")) {}

bool TrustedProxies::contains(std::string_view ip) const {
    const auto address = parse_ip_address(trim(ip));
    return address && core::in_any(*address, ranges);
}

std::string client_ip(const httplib::Request& req, const TrustedProxies& trusted) {
    if (trusted.empty() || !trusted.contains(req.remote_addr))
        return req.remote_addr;
    std::string last_trusted = req.remote_addr;
    const auto entries = forwarded_entries(req);
    for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
        const auto address = parse_forwarded_entry(*it);
        if (!address)
            return last_trusted;
        if (!core::in_any(*address, trusted.ranges))
            return core::to_string(*address);
        last_trusted = core::to_string(*address);
    }
    return last_trusted;
}

}  // namespace vitae::http
