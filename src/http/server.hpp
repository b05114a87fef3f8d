#pragma once
// The HTTP server: cpp-httplib's routing and parsing, with our own connection loop
// (keep-alive that wakes at shutdown, request ids, TCP_NODELAY) and worker pool.
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <string>

#include "http/client_ip.hpp"

namespace vitae::http {

struct ServerOptions {
    size_t max_threads = 256;
    int read_timeout_s = 10;
    int write_timeout_s = 10;
    int keepalive_timeout_s = 5;
    int keepalive_max = 1000;
    size_t max_body_bytes = 10 * 1024 * 1024;
    TrustedProxies trusted_proxies;  // whose X-Forwarded-For is believed (default: nobody's)
};

// Name of the request header that carries the id of this request inside the server
// (set by the server itself; a client's value is replaced).
inline constexpr const char* kRequestIdHeader = "X-Request-Id";
// The same for the client's address as client_ip() decided it.
inline constexpr const char* kClientIpHeader = "X-Vitae-Client-Ip";

// The address of whoever sent this request (see client_ip()): what rate limits, the
// audit log and the access log use.
std::string caller_ip(const httplib::Request& req);

class Server : public httplib::Server {
  public:
    explicit Server(const ServerOptions& options);
    ~Server() override;

    // Binds host:port (port 0: any free port) and returns the bound port.
    // Throws vitae::Error(config) when the address is taken or invalid.
    int bind(const std::string& host, int port);
    // Serves until shutdown() is called. Returns after every worker has finished.
    void run();
    // Stops accepting, wakes idle keep-alive connections; in-flight requests finish.
    void shutdown();

    // When the current request on this thread started (for the access log).
    static std::chrono::steady_clock::time_point request_started();

  private:
    bool process_and_close_socket(socket_t sock) override;
    bool wait_for_request(int sock, class SocketStream& strm) const;

    ServerOptions options_;
    int wake_fd_ = -1;  // eventfd, readable once shutdown starts
    std::atomic<bool> stopping_{false};
};

// Fresh random request id: 16 hex digits.
std::string new_request_id();

}  // namespace vitae::http
