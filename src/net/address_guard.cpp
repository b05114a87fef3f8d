#include "net/address_guard.hpp"

#include <array>
#include <span>

namespace vitae::net {

namespace {

struct Block {
    core::IpRange range;
    const char* reason;
};

core::IpRange cidr(const char* text) {
    return core::parse_ip_ranges(text, "blocked range").front();
}

constexpr const char* kLoopback = "is this machine (loopback)";
constexpr const char* kPrivate = "is on a private network";
constexpr const char* kLinkLocal = "is link-local (where cloud metadata services live)";
constexpr const char* kShared = "is in the carrier-grade NAT range";
constexpr const char* kMulticast = "is a multicast or broadcast address";
constexpr const char* kReserved = "is a reserved or documentation address";
constexpr const char* kUnspecified = "is the unspecified address";

// IPv4, as mapped IPv6 ranges (RFC 6890 special-purpose registry).
const std::vector<Block>& ipv4_blocks() {
    static const std::vector<Block> blocks = {
        {cidr("0.0.0.0/8"), kUnspecified},        {cidr("10.0.0.0/8"), kPrivate},
        {cidr("100.64.0.0/10"), kShared},         {cidr("127.0.0.0/8"), kLoopback},
        {cidr("169.254.0.0/16"), kLinkLocal},     {cidr("172.16.0.0/12"), kPrivate},
        {cidr("192.0.0.0/24"), kReserved},        {cidr("192.0.2.0/24"), kReserved},
        {cidr("192.88.99.0/24"), kReserved},      {cidr("192.168.0.0/16"), kPrivate},
        {cidr("198.18.0.0/15"), kReserved},       {cidr("198.51.100.0/24"), kReserved},
        {cidr("203.0.113.0/24"), kReserved},      {cidr("224.0.0.0/4"), kMulticast},
        {cidr("255.255.255.255/32"), kMulticast}, {cidr("240.0.0.0/4"), kReserved},
    };
    return blocks;
}

// IPv6 outside the IPv4-carrying forms. Only 2000::/3 is global unicast; the rest of it
// that is not public is listed before the catch-all.
const std::vector<Block>& ipv6_blocks() {
    static const std::vector<Block> blocks = {
        {cidr("::/128"), kUnspecified},  {cidr("::1/128"), kLoopback},
        {cidr("fe80::/10"), kLinkLocal}, {cidr("fc00::/7"), kPrivate},
        {cidr("ff00::/8"), kMulticast},  {cidr("64:ff9b:1::/48"), kPrivate},
        {cidr("2001::/23"), kReserved},  {cidr("2001:db8::/32"), kReserved},
        {cidr("3fff::/20"), kReserved},
    };
    return blocks;
}

const core::IpRange& global_unicast() {
    static const core::IpRange range = cidr("2000::/3");
    return range;
}

std::optional<std::string> first_block(const core::IpAddress& address,
                                       const std::vector<Block>& blocks) {
    for (const auto& block : blocks) {
        if (core::in_range(address, block.range))
            return block.reason;
    }
    return std::nullopt;
}

core::IpAddress ipv4_from(std::span<const std::uint8_t> four) {
    core::IpAddress v4;
    v4.v4 = true;
    v4.bytes[10] = v4.bytes[11] = 0xff;
    std::copy(four.begin(), four.end(), v4.bytes.begin() + 12);
    return v4;
}

// The IPv4 address an IPv6 one carries, for the forms that route to it.
std::optional<core::IpAddress> embedded_ipv4(const core::IpAddress& address) {
    static const std::array<core::IpRange, 3> last_four = {
        cidr("::ffff:0:0/96"),  // IPv4-mapped
        cidr("::/96"),          // IPv4-compatible (deprecated, still parsed by stacks)
        cidr("64:ff9b::/96"),   // NAT64 well-known prefix
    };
    const std::span<const std::uint8_t> bytes(address.bytes);
    for (const auto& range : last_four) {
        if (core::in_range(address, range))
            return ipv4_from(bytes.subspan(12, 4));
    }
    static const core::IpRange six_to_four = cidr("2002::/16");
    if (core::in_range(address, six_to_four))
        return ipv4_from(bytes.subspan(2, 4));
    return std::nullopt;
}

}  // namespace

std::optional<std::string> non_public_reason(const core::IpAddress& address) {
    if (address.v4)
        return first_block(address, ipv4_blocks());
    // :: and ::1 sit inside the IPv4-compatible range; they are themselves, not 0.0.0.x.
    if (auto reason = first_block(address, ipv6_blocks()))
        return reason;
    if (const auto v4 = embedded_ipv4(address))
        return first_block(*v4, ipv4_blocks());
    if (!core::in_range(address, global_unicast()))
        return kReserved;
    return std::nullopt;
}

std::optional<std::string> AddressGuard::refusal(const core::IpAddress& address) const {
    if (core::in_any(address, allow_))
        return std::nullopt;
    const auto reason = non_public_reason(address);
    if (!reason)
        return std::nullopt;
    return core::to_string(address) + " " + *reason + "; Vitae does not fetch from it.";
}

}  // namespace vitae::net
