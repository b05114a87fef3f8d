#pragma once
// Who is really calling: the peer address, or behind a reverse proxy the operator trusts,
// the address that proxy saw. Rate limits and the access log key on it, so a client must
// not be able to choose it by sending a header.
#include <httplib.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/ip_range.hpp"

namespace vitae::http {

// The reverse proxies whose X-Forwarded-For entries are believed.
struct TrustedProxies {
    using Range = core::IpRange;

    // Nobody is trusted: X-Forwarded-For is never read.
    TrustedProxies() = default;
    // Comma-separated CIDRs, IPv4 or IPv6: "127.0.0.1/32, 10.0.0.0/8, ::1/128" (parsed by
    // core::parse_ip_ranges). A bare address is a single host. Throws vitae::Error(config) naming
    // the first bad entry.
    explicit TrustedProxies(std::string_view cidr_list);

    // False for anything that is not an IP address.
    bool contains(std::string_view ip) const;
    bool empty() const { return ranges.empty(); }

    std::vector<Range> ranges;
};

// The client's address. With no trusted proxies, or a peer that is not one, it is
// req.remote_addr. Otherwise X-Forwarded-For (every such header, in order) is read from
// the right, skipping trusted hops, and the first untrusted address is the client: each
// trusted proxy appends the peer it saw, so only entries left of that can be forged.
// Should the walk meet an entry that is not an address ("unknown", garbage), it stops and
// returns the last trusted hop it checked: requests with broken chains are then limited
// together under the proxy's address, which fails strict rather than believing junk.
// If every hop is trusted, the leftmost one is returned.
std::string client_ip(const httplib::Request& req, const TrustedProxies& trusted);

}  // namespace vitae::http
