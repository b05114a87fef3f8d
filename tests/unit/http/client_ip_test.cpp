#include "http/client_ip.hpp"

#include <doctest/doctest.h>

#include <initializer_list>
#include <string>

#include "core/error.hpp"

namespace vitae::http {
namespace {

httplib::Request request_from(std::string remote_addr,
                              std::initializer_list<const char*> forwarded_for = {}) {
    httplib::Request req;
    req.remote_addr = std::move(remote_addr);
    for (const char* value : forwarded_for)
        req.headers.emplace("X-Forwarded-For", value);
    return req;
}

std::string config_error(std::string_view list) {
    try {
        TrustedProxies proxies(list);
    } catch (const Error& e) {
        CHECK(e.code() == ErrorCode::config);
        return e.what();
    }
    FAIL("expected a config error for " << std::string(list));
    return {};
}

// ---------------------------------------------------------------------------
// TrustedProxies

TEST_CASE("trusted_proxies_match_ipv4_ranges_on_prefix_boundaries") {
    const TrustedProxies proxies("10.0.0.0/8, 172.16.0.0/12");
    CHECK(proxies.contains("10.0.0.0"));
    CHECK(proxies.contains("10.255.255.255"));
    CHECK_FALSE(proxies.contains("11.0.0.0"));
    CHECK(proxies.contains("172.31.255.255"));
    CHECK_FALSE(proxies.contains("172.32.0.0"));
    CHECK_FALSE(proxies.contains("172.15.255.255"));
}

TEST_CASE("trusted_proxies_treat_a_bare_address_as_a_single_host") {
    const TrustedProxies proxies("127.0.0.1,::1");
    CHECK(proxies.contains("127.0.0.1"));
    CHECK_FALSE(proxies.contains("127.0.0.2"));
    CHECK(proxies.contains("::1"));
    CHECK(proxies.contains("0:0:0:0:0:0:0:1"));
    CHECK_FALSE(proxies.contains("::2"));
}

TEST_CASE("trusted_proxies_match_ipv6_ranges") {
    const TrustedProxies proxies("2001:db8::/32, fd00::/8");
    CHECK(proxies.contains("2001:db8:ffff::1"));
    CHECK(proxies.contains("2001:DB8::1"));
    CHECK_FALSE(proxies.contains("2001:db9::1"));
    CHECK(proxies.contains("fd12:3456::1"));
    CHECK_FALSE(proxies.contains("fe80::1"));
    CHECK_FALSE(proxies.contains("10.0.0.1"));
}

TEST_CASE("trusted_proxies_match_ipv4_mapped_ipv6_against_ipv4_ranges") {
    const TrustedProxies proxies("10.0.0.0/8");
    CHECK(proxies.contains("::ffff:10.1.2.3"));
    CHECK_FALSE(proxies.contains("::ffff:11.1.2.3"));
    // Only the mapped form is the same host; ::a01:203 (IPv4-compatible) is not.
    CHECK_FALSE(proxies.contains("::10.1.2.3"));
}

TEST_CASE("trusted_proxies_clear_host_bits_of_a_range") {
    const TrustedProxies proxies("10.1.2.3/8");
    CHECK(proxies.contains("10.9.9.9"));
}

TEST_CASE("trusted_proxies_empty_list_trusts_nobody") {
    CHECK(TrustedProxies().empty());
    CHECK(TrustedProxies("").empty());
    CHECK(TrustedProxies(" , ").empty());
    CHECK_FALSE(TrustedProxies().contains("127.0.0.1"));
}

TEST_CASE("trusted_proxies_do_not_match_text_that_is_not_an_address") {
    const TrustedProxies proxies("0.0.0.0/0, ::/0");
    CHECK(proxies.contains("8.8.8.8"));
    CHECK_FALSE(proxies.contains(""));
    CHECK_FALSE(proxies.contains("unknown"));
    CHECK_FALSE(proxies.contains("10.0.0.1.evil"));
}

TEST_CASE("trusted_proxies_reject_an_invalid_entry_and_name_it") {
    CHECK(config_error("10.0.0.0/8, 10.0.0.0/33").find("\"10.0.0.0/33\"") != std::string::npos);
    CHECK(config_error("::1/129") ==
          "trusted proxies: \"::1/129\" needs a prefix length from 0 to 128 (expected an "
          "address or CIDR such as 10.0.0.0/8 or ::1/128)");
    CHECK(config_error("proxy.local").find("\"proxy.local\" is not an IP address") !=
          std::string::npos);
    CHECK(config_error("10.0.0.0/").find("\"10.0.0.0/\"") != std::string::npos);
    CHECK(config_error("10.0.0.0/8x").find("\"10.0.0.0/8x\"") != std::string::npos);
    CHECK(config_error("10.0.0/8").find("\"10.0.0/8\"") != std::string::npos);
    CHECK(config_error("10.0.0.0/-1").find("\"10.0.0.0/-1\"") != std::string::npos);
}

// ---------------------------------------------------------------------------
// client_ip

TEST_CASE("client_ip_without_trusted_proxies_is_the_peer_even_with_a_forged_header") {
    const auto req = request_from("198.51.100.4", {"1.2.3.4"});
    CHECK(client_ip(req, TrustedProxies()) == "198.51.100.4");
}

TEST_CASE("client_ip_ignores_forwarded_for_from_an_untrusted_peer") {
    const auto req = request_from("198.51.100.4", {"1.2.3.4"});
    CHECK(client_ip(req, TrustedProxies("127.0.0.1, 10.0.0.0/8")) == "198.51.100.4");
}

TEST_CASE("client_ip_behind_a_trusted_proxy_is_the_address_it_forwarded") {
    const auto req = request_from("127.0.0.1", {"203.0.113.7"});
    CHECK(client_ip(req, TrustedProxies("127.0.0.1")) == "203.0.113.7");
}

TEST_CASE("client_ip_behind_a_trusted_proxy_without_forwarded_for_is_the_proxy") {
    const auto req = request_from("127.0.0.1");
    CHECK(client_ip(req, TrustedProxies("127.0.0.1")) == "127.0.0.1");
}

TEST_CASE("client_ip_ignores_entries_a_client_prepended") {
    const auto req = request_from("127.0.0.1", {"6.6.6.6, 10.0.0.9, 203.0.113.7"});
    CHECK(client_ip(req, TrustedProxies("127.0.0.1, 10.0.0.0/8")) == "203.0.113.7");
}

TEST_CASE("client_ip_skips_a_chain_of_two_trusted_proxies") {
    // client -> CDN edge (10.0.0.2) -> local proxy (127.0.0.1) -> vitae
    const auto req = request_from("127.0.0.1", {"6.6.6.6, 203.0.113.7, 10.0.0.2"});
    CHECK(client_ip(req, TrustedProxies("127.0.0.1, 10.0.0.0/8")) == "203.0.113.7");
}

TEST_CASE("client_ip_reads_several_forwarded_for_headers_in_order") {
    const auto req = request_from("127.0.0.1", {"6.6.6.6, 203.0.113.7", "198.51.100.9"});
    CHECK(client_ip(req, TrustedProxies("127.0.0.1")) == "198.51.100.9");

    const auto proxied = request_from("127.0.0.1", {"6.6.6.6, 203.0.113.7", "10.0.0.2"});
    CHECK(client_ip(proxied, TrustedProxies("127.0.0.1, 10.0.0.0/8")) == "203.0.113.7");
}

TEST_CASE("client_ip_stops_at_a_malformed_entry_and_returns_the_last_trusted_hop") {
    const TrustedProxies trusted("127.0.0.1, 10.0.0.0/8");
    CHECK(client_ip(request_from("127.0.0.1", {"203.0.113.7, unknown, 10.0.0.2"}), trusted) ==
          "10.0.0.2");
    CHECK(client_ip(request_from("127.0.0.1", {"<script>"}), trusted) == "127.0.0.1");
    CHECK(client_ip(request_from("127.0.0.1", {"203.0.113.7:99999:1"}), trusted) == "127.0.0.1");
    CHECK(client_ip(request_from("127.0.0.1", {"203.0.113.7:http"}), trusted) == "127.0.0.1");
    CHECK(client_ip(request_from("127.0.0.1", {"[2001:db8::7]x"}), trusted) == "127.0.0.1");
}

TEST_CASE("client_ip_with_every_hop_trusted_is_the_leftmost_hop") {
    const auto req = request_from("127.0.0.1", {"10.0.0.3, 10.0.0.2"});
    CHECK(client_ip(req, TrustedProxies("127.0.0.1, 10.0.0.0/8")) == "10.0.0.3");
}

TEST_CASE("client_ip_skips_empty_entries_and_whitespace") {
    const auto req = request_from("127.0.0.1", {" 203.0.113.7 ,, ", ""});
    CHECK(client_ip(req, TrustedProxies("127.0.0.1")) == "203.0.113.7");
}

TEST_CASE("client_ip_handles_ipv6_peers_and_forwarded_addresses") {
    const TrustedProxies trusted("::1, fd00::/8");
    CHECK(client_ip(request_from("::1", {"2001:db8::7, fd00::2"}), trusted) == "2001:db8::7");
    // Canonical form, so one host always yields one rate-limit key.
    CHECK(client_ip(request_from("::1", {"2001:DB8:0:0::7"}), trusted) == "2001:db8::7");
    CHECK(client_ip(request_from("::1", {"[2001:db8::7]:443"}), trusted) == "2001:db8::7");
    CHECK(client_ip(request_from("::1", {"203.0.113.7:5555"}), trusted) == "203.0.113.7");
}

TEST_CASE("client_ip_trusts_a_proxy_reached_over_an_ipv4_mapped_address") {
    const TrustedProxies trusted("10.0.0.0/8");
    CHECK(client_ip(request_from("::ffff:10.0.0.5", {"203.0.113.7"}), trusted) == "203.0.113.7");
    CHECK(client_ip(request_from("::ffff:10.0.0.5", {"203.0.113.7, ::ffff:10.0.0.6"}), trusted) ==
          "203.0.113.7");
}

}  // namespace
}  // namespace vitae::http
