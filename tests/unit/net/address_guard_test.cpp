#include "net/address_guard.hpp"

#include <doctest/doctest.h>

#include <string>

namespace vitae::net {
namespace {

core::IpAddress ip(const char* text) {
    const auto address = core::parse_ip_address(text);
    REQUIRE_MESSAGE(address, text);
    return *address;
}

struct Case {
    const char* address;
    const char* reason;  // a word of the reason; nullptr: public, allowed
};

TEST_CASE("address_guard_classifies_every_special_range") {
    const Case cases[] = {
        // IPv4
        {"127.0.0.1", "loopback"},
        {"127.255.255.254", "loopback"},
        {"10.0.0.1", "private"},
        {"10.255.255.255", "private"},
        {"172.16.0.1", "private"},
        {"172.31.255.255", "private"},
        {"192.168.1.1", "private"},
        {"169.254.169.254", "link-local"},
        {"0.0.0.0", "unspecified"},
        {"0.1.2.3", "unspecified"},
        {"100.64.0.1", "carrier-grade"},
        {"100.127.255.255", "carrier-grade"},
        {"224.0.0.1", "multicast"},
        {"239.255.255.250", "multicast"},
        {"255.255.255.255", "broadcast"},
        {"240.0.0.1", "reserved"},
        {"192.0.2.1", "reserved"},
        {"198.18.0.1", "reserved"},
        {"203.0.113.9", "reserved"},
        // IPv6
        {"::1", "loopback"},
        {"::", "unspecified"},
        {"fe80::1", "link-local"},
        {"febf::1", "link-local"},
        {"fc00::1", "private"},
        {"fd12:3456::1", "private"},
        {"ff02::1", "multicast"},
        {"2001:db8::1", "reserved"},
        {"2001::1", "reserved"},  // Teredo
        {"100::1", "reserved"},   // discard-only, outside 2000::/3
        // IPv4 carried in IPv6: judged by the IPv4 inside
        {"::ffff:127.0.0.1", "loopback"},
        {"::ffff:10.0.0.1", "private"},
        {"::ffff:169.254.169.254", "link-local"},
        {"::127.0.0.1", "loopback"},
        {"::10.0.0.1", "private"},
        {"64:ff9b::127.0.0.1", "loopback"},
        {"64:ff9b::a9fe:a9fe", "link-local"},
        {"64:ff9b:1::1", "private"},
        {"2002:7f00:1::", "loopback"},  // 6to4 of 127.0.0.1
        {"2002:c0a8:0101::1", "private"},
        // public
        {"1.1.1.1", nullptr},
        {"8.8.8.8", nullptr},
        {"93.184.216.34", nullptr},
        {"172.15.255.255", nullptr},  // just below 172.16/12
        {"172.32.0.0", nullptr},      // just above
        {"100.63.255.255", nullptr},
        {"100.128.0.0", nullptr},
        {"2606:4700:4700::1111", nullptr},
        {"2a00:1450:4001::200e", nullptr},
        {"::ffff:8.8.8.8", nullptr},
        {"64:ff9b::808:808", nullptr},
        {"2002:808:808::1", nullptr},
    };
    for (const auto& c : cases) {
        CAPTURE(c.address);
        const auto reason = non_public_reason(ip(c.address));
        if (!c.reason) {
            CHECK_FALSE(reason);
            continue;
        }
        REQUIRE(reason);
        CHECK(reason->find(c.reason) != std::string::npos);
    }
}

TEST_CASE("address_guard_refusal_names_the_address_and_says_why") {
    const AddressGuard guard;
    const auto refusal = guard.refusal(ip("10.0.0.1"));
    REQUIRE(refusal);
    CHECK(*refusal == "10.0.0.1 is on a private network; Vitae does not fetch from it.");
    CHECK_FALSE(guard.refusal(ip("8.8.8.8")));
}

TEST_CASE("address_guard_allow_list_opens_only_its_ranges") {
    const AddressGuard guard(core::parse_ip_ranges("127.0.0.1/32, fd00::/8", "test"));
    CHECK_FALSE(guard.refusal(ip("127.0.0.1")));
    CHECK_FALSE(guard.refusal(ip("::ffff:127.0.0.1")));  // the same host, mapped
    CHECK_FALSE(guard.refusal(ip("fd00::5")));
    CHECK(guard.refusal(ip("127.0.0.2")));
    CHECK(guard.refusal(ip("::1")));
    CHECK(guard.refusal(ip("10.0.0.1")));
}

}  // namespace
}  // namespace vitae::net
