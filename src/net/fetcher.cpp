#include "net/fetcher.hpp"

#include <netinet/in.h>
#include <sys/socket.h>

#include <cstring>
#include <optional>

#include "core/error.hpp"
#include "core/log.hpp"
#include "net/address_guard.hpp"
#include "net/curl_easy.hpp"

namespace vitae::net {

namespace {

// What the callbacks of one transfer share with fetch().
struct Transfer {
    const FetchPolicy* policy = nullptr;
    AddressGuard guard;
    std::string body;
    bool too_large = false;
    std::optional<std::string> refused;  // the guard's message for the last refused address
};

std::optional<core::IpAddress> address_of(const curl_sockaddr& address) {
    core::IpAddress ip;
    if (address.family == AF_INET) {
        sockaddr_in v4{};
        std::memcpy(&v4, &address.addr, sizeof v4);
        ip.v4 = true;
        ip.bytes[10] = ip.bytes[11] = 0xff;
        std::memcpy(ip.bytes.data() + 12, &v4.sin_addr, 4);
        return ip;
    }
    if (address.family == AF_INET6 && address.addrlen >= sizeof(sockaddr_in6)) {
        sockaddr_in6 v6{};
        std::memcpy(&v6, &address.addr, sizeof v6);
        std::memcpy(ip.bytes.data(), &v6.sin6_addr, 16);
        return ip;
    }
    return std::nullopt;
}

// curl calls this for every connection it is about to open, with the address it resolved:
// checking here rather than the host name covers DNS answers, rebinding and redirects.
curl_socket_t open_checked_socket(void* user, curlsocktype purpose, curl_sockaddr* address) {
    auto& transfer = *static_cast<Transfer*>(user);
    if (purpose != CURLSOCKTYPE_IPCXN)
        return CURL_SOCKET_BAD;
    const auto ip = address_of(*address);
    if (!ip) {
        transfer.refused = "Vitae fetches only over IPv4 and IPv6.";
        return CURL_SOCKET_BAD;
    }
    if (auto why = transfer.guard.refusal(*ip)) {
        transfer.refused = std::move(why);
        return CURL_SOCKET_BAD;
    }
    return socket(address->family, address->socktype | SOCK_CLOEXEC, address->protocol);
}

std::size_t write_body(char* data, std::size_t size, std::size_t count, void* user) {
    auto& transfer = *static_cast<Transfer*>(user);
    const std::size_t n = size * count;
    if (transfer.body.size() + n > transfer.policy->max_bytes) {
        transfer.too_large = true;
        return 0;  // anything short of n makes curl abort with CURLE_WRITE_ERROR
    }
    transfer.body.append(data, n);
    return n;
}

std::string size_text(std::size_t bytes) {
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0)
        return std::to_string(bytes / (1024 * 1024)) + " MiB";
    if (bytes >= 1024 && bytes % 1024 == 0)
        return std::to_string(bytes / 1024) + " KiB";
    return std::to_string(bytes) + " bytes";
}

std::string duration_text(std::chrono::milliseconds ms) {
    if (ms.count() % 1000 == 0)
        return std::to_string(ms.count() / 1000) + " s";
    return std::to_string(ms.count()) + " ms";
}

// Refuses anything but an absolute http(s) URL before curl sees it; returns the host.
std::string checked_host(std::string_view url) {
    CurlUrl parsed;
    const std::string text(url);
    if (url.size() > 4096 || curl_url_set(parsed.get(), CURLUPART_URL, text.c_str(),
                                          CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK)
        throw Error(ErrorCode::bad_request,
                    "That is not a web address Vitae can read; it should look like "
                    "https://example.com/jobs/123.");
    const auto scheme = parsed.part(CURLUPART_SCHEME);
    if (scheme != "http" && scheme != "https")
        throw Error(ErrorCode::bad_request,
                    "Vitae fetches only http:// and https:// addresses, not " + scheme + "://.");
    return parsed.part(CURLUPART_HOST);
}

void configure(CurlEasy& curl, const std::string& url, Transfer& transfer) {
    const auto& policy = *transfer.policy;
    curl.set(CURLOPT_URL, url.c_str(), "the URL");
    curl.set(CURLOPT_PROTOCOLS_STR, "http,https", "protocols");
    curl.set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https", "redirect protocols");
    curl.set(CURLOPT_FOLLOWLOCATION, 1L, "follow redirects");
    curl.set(CURLOPT_MAXREDIRS, policy.max_redirects, "redirect limit");
    curl.set(CURLOPT_PROXY, "", "no proxy");  // "" ignores http_proxy & co.
    curl.set(CURLOPT_NOSIGNAL, 1L, "no signals");
    curl.set(CURLOPT_TIMEOUT_MS, static_cast<long>(policy.total_timeout.count()), "time limit");
    curl.set(CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(policy.connect_timeout.count()),
             "connect time limit");
    curl.set(CURLOPT_USERAGENT, user_agent().c_str(), "user agent");
    curl.set(CURLOPT_ACCEPT_ENCODING, "", "accepted encodings");
    curl.set(CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(policy.max_bytes), "size limit");
    curl.set(CURLOPT_OPENSOCKETFUNCTION, &open_checked_socket, "socket check");
    curl.set(CURLOPT_OPENSOCKETDATA, static_cast<void*>(&transfer), "socket check data");
    curl.set(CURLOPT_WRITEFUNCTION, &write_body, "body writer");
    curl.set(CURLOPT_WRITEDATA, static_cast<void*>(&transfer), "body writer data");
}

[[noreturn]] void fail(CURLcode code, const Transfer& transfer, const std::string& host) {
    const auto& policy = *transfer.policy;
    if (transfer.refused && code == CURLE_COULDNT_CONNECT)
        throw Error(ErrorCode::bad_request, *transfer.refused);
    switch (code) {
        case CURLE_WRITE_ERROR:
        case CURLE_FILESIZE_EXCEEDED:
            throw Error(ErrorCode::bad_request, "The page is larger than " +
                                                    size_text(policy.max_bytes) +
                                                    "; Vitae reads at most that much.");
        case CURLE_OPERATION_TIMEDOUT:
            throw Error(ErrorCode::unavailable, host + " did not answer within " +
                                                    duration_text(policy.total_timeout) +
                                                    "; try again later or paste the text.");
        case CURLE_COULDNT_RESOLVE_HOST:
            throw Error(ErrorCode::bad_request, "No site called " + host + " was found.");
        case CURLE_TOO_MANY_REDIRECTS:
            throw Error(ErrorCode::bad_request, "The address redirects more than " +
                                                    std::to_string(policy.max_redirects) +
                                                    " times; Vitae stops there.");
        case CURLE_UNSUPPORTED_PROTOCOL:
            throw Error(ErrorCode::bad_request,
                        "The address redirects to something other than http:// or https://; "
                        "Vitae does not follow it.");
        default:
            throw Error(ErrorCode::unavailable, "Vitae could not fetch the page from " + host +
                                                    ": " + curl_easy_strerror(code) + ".");
    }
}

std::string info_string(CURL* curl, CURLINFO what) {
    char* value = nullptr;
    if (curl_easy_getinfo(curl, what, &value) != CURLE_OK || !value)
        return {};
    return value;
}

}  // namespace

std::string user_agent() {
    return std::string("Vitae/") + VITAE_VERSION;
}

FetchResult fetch(std::string_view url, const FetchPolicy& policy) {
    const auto host = checked_host(url);
    Transfer transfer{.policy = &policy,
                      .guard = AddressGuard(policy.allow),
                      .body = {},
                      .too_large = false,
                      .refused = std::nullopt};
    CurlEasy curl;
    const std::string text(url);
    configure(curl, text, transfer);
    if (const auto code = curl_easy_perform(curl.get()); code != CURLE_OK) {
        log::info("outbound fetch failed", {{"host", host},
                                            {"curl", curl_easy_strerror(code)},
                                            {"refused", transfer.refused.value_or("")}});
        fail(code, transfer, host);
    }
    FetchResult result;
    curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &result.status);
    result.content_type = info_string(curl.get(), CURLINFO_CONTENT_TYPE);
    result.final_url = info_string(curl.get(), CURLINFO_EFFECTIVE_URL);
    result.body = std::move(transfer.body);
    return result;
}

}  // namespace vitae::net
