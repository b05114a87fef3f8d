#include "http/client_ip.hpp"

#include <arpa/inet.h>

#include <charconv>
#include <optional>

#include "core/error.hpp"

namespace vitae::http {

namespace {

using Bytes = std::array<std::uint8_t, 16>;

struct Address {
    Bytes bytes{};
    bool v4 = false;
};

constexpr std::string_view kSpace = " \t";

std::string_view trim(std::string_view s) {
    const auto first = s.find_first_not_of(kSpace);
    if (first == std::string_view::npos)
        return {};
    return s.substr(first, s.find_last_not_of(kSpace) - first + 1);
}

// A bare IPv4 or IPv6 literal, with an IPv6 zone ("fe80::1%eth0") ignored: the zone
// names an interface, not a different host.
std::optional<Address> parse_address(std::string_view text) {
    if (const auto zone = text.find('%'); zone != std::string_view::npos)
        text = text.substr(0, zone);
    if (text.empty() || text.size() > 45)  // longer than any IPv6 literal
        return std::nullopt;
    const std::string s(text);
    Address a;
    std::array<std::uint8_t, 4> v4{};
    if (inet_pton(AF_INET, s.c_str(), v4.data()) == 1) {
        a.v4 = true;
        a.bytes[10] = a.bytes[11] = 0xff;
        std::copy(v4.begin(), v4.end(), a.bytes.begin() + 12);
        return a;
    }
    if (inet_pton(AF_INET6, s.c_str(), a.bytes.data()) == 1)
        return a;
    return std::nullopt;
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
        return parse_address(entry.substr(1, close - 1));
    }
    const auto colon = entry.find(':');
    if (colon != std::string_view::npos && entry.find(':', colon + 1) == std::string_view::npos) {
        if (!is_port(entry.substr(colon + 1)))
            return std::nullopt;
        auto a = parse_address(entry.substr(0, colon));
        return a && a->v4 ? a : std::nullopt;
    }
    return parse_address(entry);
}

std::string to_text(const Address& a) {
    char buf[INET6_ADDRSTRLEN] = {};
    if (a.v4)
        inet_ntop(AF_INET, a.bytes.data() + 12, buf, sizeof buf);
    else
        inet_ntop(AF_INET6, a.bytes.data(), buf, sizeof buf);
    return buf;
}

bool in_range(const Bytes& ip, const TrustedProxies::Range& range) {
    const int whole = range.prefix_bits / 8;
    for (int i = 0; i < whole; ++i) {
        if (ip[i] != range.network[i])
            return false;
    }
    const int rest = range.prefix_bits % 8;
    if (rest == 0)
        return true;
    const auto mask = static_cast<std::uint8_t>(0xff << (8 - rest));
    return (ip[whole] & mask) == (range.network[whole] & mask);
}

bool trusted_address(const TrustedProxies& trusted, const Address& address) {
    for (const auto& range : trusted.ranges) {
        if (in_range(address.bytes, range))
            return true;
    }
    return false;
}

[[noreturn]] void bad_entry(std::string_view entry, std::string_view why) {
    throw Error(ErrorCode::config, "trusted proxies: \"" + std::string(entry) + "\" " +
                                       std::string(why) +
                                       " (expected an address or CIDR such as 10.0.0.0/8 "
                                       "or ::1/128)");
}

TrustedProxies::Range parse_range(std::string_view entry) {
    const auto slash = entry.find('/');
    const auto address = parse_address(entry.substr(0, slash));
    if (!address || entry.substr(0, slash).find('%') != std::string_view::npos)
        bad_entry(entry, "is not an IP address");
    const int max_bits = address->v4 ? 32 : 128;
    int bits = max_bits;
    if (slash != std::string_view::npos) {
        const auto digits = entry.substr(slash + 1);
        const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), bits);
        if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size() ||
            bits < 0 || bits > max_bits)
            bad_entry(entry, "needs a prefix length from 0 to " + std::to_string(max_bits));
    }
    // Host bits are cleared rather than refused: "10.1.2.3/8" plainly means 10.0.0.0/8.
    TrustedProxies::Range range{address->bytes, bits + (address->v4 ? 96 : 0)};
    const int whole = range.prefix_bits / 8;
    for (int i = whole; i < 16; ++i) {
        const int keep = i == whole ? range.prefix_bits % 8 : 0;
        range.network[i] &= static_cast<std::uint8_t>(0xff00 >> keep);
    }
    return range;
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

TrustedProxies::TrustedProxies(std::string_view cidr_list) {
    while (!cidr_list.empty()) {
        const auto comma = cidr_list.find(',');
        const auto entry = trim(cidr_list.substr(0, comma));
        if (!entry.empty())
            ranges.push_back(parse_range(entry));
        cidr_list = comma == std::string_view::npos ? "" : cidr_list.substr(comma + 1);
    }
}

bool TrustedProxies::contains(std::string_view ip) const {
    const auto address = parse_address(trim(ip));
    return address && trusted_address(*this, *address);
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
        if (!trusted_address(trusted, *address))
            return to_text(*address);
        last_trusted = to_text(*address);
    }
    return last_trusted;
}

}  // namespace vitae::http
