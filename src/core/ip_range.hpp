#pragma once
// IP addresses and CIDR ranges, IPv4 and IPv6 in one form: the trusted reverse proxies
// (http/) and the outbound fetch allow-list (net/) both match addresses against them.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vitae::core {

// IPv4 is held as IPv4-mapped IPv6 (::ffff:a.b.c.d) so that one comparison serves both
// families and mapped addresses match IPv4 ranges.
struct IpAddress {
    std::array<std::uint8_t, 16> bytes{};
    bool v4 = false;
};

struct IpRange {
    std::array<std::uint8_t, 16> network{};
    int prefix_bits = 0;  // of the 128-bit form: an IPv4 /8 is 104
};

// A bare IPv4 or IPv6 literal; an IPv6 zone ("fe80::1%eth0") is ignored, it names an
// interface, not a different host.
std::optional<IpAddress> parse_ip_address(std::string_view text);

// "10.0.0.1", "::1", as inet_ntop writes them (IPv4 in dotted form).
std::string to_string(const IpAddress& address);

// Comma-separated CIDRs, IPv4 or IPv6: "127.0.0.1/32, 10.0.0.0/8, ::1/128". A bare
// address is a single host; host bits are cleared. Throws vitae::Error(config) starting
// with `what` ("trusted proxies") and naming the first bad entry.
std::vector<IpRange> parse_ip_ranges(std::string_view cidr_list, std::string_view what);

bool in_range(const IpAddress& address, const IpRange& range);
bool in_any(const IpAddress& address, const std::vector<IpRange>& ranges);

}  // namespace vitae::core
