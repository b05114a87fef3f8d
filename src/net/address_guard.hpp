#pragma once
// Which addresses an outbound fetch may connect to. A URL a member types must not reach
// this machine, the operator's private network or a cloud metadata service (SSRF), so
// every address curl is about to connect to, redirects included, is checked here.
#include <optional>
#include <string>
#include <vector>

#include "core/ip_range.hpp"

namespace vitae::net {

// Why `address` is not on the public internet ("on a private network"), or nothing
// when it is. IPv4 inside IPv6 (mapped ::ffff:a.b.c.d, compatible ::a.b.c.d, NAT64
// 64:ff9b::a.b.c.d, 6to4 2002:aabb:ccdd::) is judged by the IPv4 address it carries.
std::optional<std::string> non_public_reason(const core::IpAddress& address);

class AddressGuard {
  public:
    // `allow`: ranges the operator opened on purpose (VITAE_FETCH_ALLOW), allowed even
    // when they are not public.
    explicit AddressGuard(std::vector<core::IpRange> allow = {}) : allow_(std::move(allow)) {}

    // The message for the member when `address` may not be fetched from, else nothing.
    std::optional<std::string> refusal(const core::IpAddress& address) const;

  private:
    std::vector<core::IpRange> allow_;
};

}  // namespace vitae::net
