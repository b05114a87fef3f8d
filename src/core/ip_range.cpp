#include "core/ip_range.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <charconv>

#include "core/error.hpp"

namespace vitae::core {

namespace {

constexpr std::string_view kSpace = " \t";

std::string_view trim(std::string_view s) {
    const auto first = s.find_first_not_of(kSpace);
    if (first == std::string_view::npos)
        return {};
    return s.substr(first, s.find_last_not_of(kSpace) - first + 1);
}

[[noreturn]] void bad_entry(std::string_view what, std::string_view entry, std::string_view why) {
    throw Error(ErrorCode::config, std::string(what) + ": \"" + std::string(entry) + "\" " +
                                       std::string(why) +
                                       " (expected an address or CIDR such as 10.0.0.0/8 "
                                       "or ::1/128)");
}

IpRange parse_range(std::string_view what, std::string_view entry) {
    const auto slash = entry.find('/');
    const auto address = parse_ip_address(entry.substr(0, slash));
    if (!address || entry.substr(0, slash).find('%') != std::string_view::npos)
        bad_entry(what, entry, "is not an IP address");
    const int max_bits = address->v4 ? 32 : 128;
    int bits = max_bits;
    if (slash != std::string_view::npos) {
        const auto digits = entry.substr(slash + 1);
        const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), bits);
        if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size() ||
            bits < 0 || bits > max_bits)
            bad_entry(what, entry, "needs a prefix length from 0 to " + std::to_string(max_bits));
    }
    // Host bits are cleared rather than refused: "10.1.2.3/8" plainly means 10.0.0.0/8.
    IpRange range{address->bytes, bits + (address->v4 ? 96 : 0)};
    const int whole = range.prefix_bits / 8;
    for (int i = whole; i < 16; ++i) {
        const int keep = i == whole ? range.prefix_bits % 8 : 0;
        range.network[i] &= static_cast<std::uint8_t>(0xff00 >> keep);
    }
    return range;
}

}  // namespace

std::optional<IpAddress> parse_ip_address(std::string_view text) {
    if (const auto zone = text.find('%'); zone != std::string_view::npos)
        text = text.substr(0, zone);
    if (text.empty() || text.size() > 45)  // longer than any IPv6 literal
        return std::nullopt;
    const std::string s(text);
    IpAddress a;
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

std::string to_string(const IpAddress& address) {
    char buf[INET6_ADDRSTRLEN] = {};
    if (address.v4)
        inet_ntop(AF_INET, address.bytes.data() + 12, buf, sizeof buf);
    else
        inet_ntop(AF_INET6, address.bytes.data(), buf, sizeof buf);
    return buf;
}

std::vector<IpRange> parse_ip_ranges(std::string_view cidr_list, std::string_view what) {
    std::vector<IpRange> ranges;
    while (!cidr_list.empty()) {
        const auto comma = cidr_list.find(',');
        const auto entry = trim(cidr_list.substr(0, comma));
        if (!entry.empty())
            ranges.push_back(parse_range(what, entry));
        cidr_list = comma == std::string_view::npos ? "" : cidr_list.substr(comma + 1);
    }
    return ranges;
}

bool in_range(const IpAddress& address, const IpRange& range) {
    const auto& ip = address.bytes;
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

bool in_any(const IpAddress& address, const std::vector<IpRange>& ranges) {
    return std::ranges::any_of(ranges, [&](const IpRange& r) { return in_range(address, r); });
}

}  // namespace vitae::core
