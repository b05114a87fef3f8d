#include "http/server.hpp"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <random>

#include "core/error.hpp"
#include "http/socket_stream.hpp"
#include "http/worker_pool.hpp"

namespace vitae::http {

namespace {
// The connection loop and the access logger run on the same worker thread for a
// request, so the start time can travel between them without a lock.
thread_local std::chrono::steady_clock::time_point t_request_started;
}  // namespace

std::string new_request_id() {
    thread_local std::mt19937_64 rng{std::random_device{}()};
    static constexpr char kHex[] = "0123456789abcdef";
    std::uint64_t v = rng();
    std::string id(16, '0');
    for (int i = 15; i >= 0; --i, v >>= 4)
        id[i] = kHex[v & 15];
    return id;
}

std::string caller_ip(const httplib::Request& req) {
    std::string ip = req.get_header_value(kClientIpHeader);
    return ip.empty() ? req.remote_addr : ip;
}

std::chrono::steady_clock::time_point Server::request_started() {
    return t_request_started;
}

Server::Server(const ServerOptions& options) : options_(options) {
    wake_fd_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (wake_fd_ < 0)
        throw Error(ErrorCode::internal, "eventfd failed");
    set_tcp_nodelay(true);  // without it keep-alive meets delayed ACKs: ~300 req/s
    set_read_timeout(options.read_timeout_s);
    set_write_timeout(options.write_timeout_s);
    set_keep_alive_timeout(options.keepalive_timeout_s);
    set_keep_alive_max_count(options.keepalive_max);
    set_payload_max_length(options.max_body_bytes);
    size_t max_threads = options.max_threads;
    new_task_queue = [max_threads] {
        // httplib takes ownership of the queue and joins it at the end of listen.
        return new WorkerPool(std::min<size_t>(4, max_threads), max_threads);  // NOLINT
    };
}

Server::~Server() {
    if (wake_fd_ >= 0)
        ::close(wake_fd_);
}

int Server::bind(const std::string& host, int port) {
    int bound = port == 0 ? bind_to_any_port(host) : (bind_to_port(host, port) ? port : -1);
    if (bound < 0) {
        throw Error(ErrorCode::config, "cannot listen on " + host + ":" + std::to_string(port) +
                                           " (address in use or not available)");
    }
    // httplib listens with a backlog of 5: a burst of new connections overflows it and
    // the kernel drops them, costing each client a 1 s SYN retransmit. Linux lets a
    // second listen() raise the backlog of a listening socket.
    ::listen(svr_sock_, SOMAXCONN);
    return bound;
}

void Server::run() {
    listen_after_bind();
}

void Server::shutdown() {
    if (stopping_.exchange(true))
        return;
    std::uint64_t one = 1;
    [[maybe_unused]] auto n = ::write(wake_fd_, &one, sizeof one);
    // httplib's stop() does nothing until listen has begun, so a shutdown racing the
    // start of run() would be lost. Closing the socket ourselves covers both orders:
    // the accept loop sees it gone before or while it waits.
    socket_t sock = svr_sock_.exchange(INVALID_SOCKET);
    if (sock != INVALID_SOCKET) {
        ::shutdown(sock, SHUT_RDWR);
        ::close(sock);
    }
}

bool Server::wait_for_request(int sock, SocketStream& strm) const {
    if (strm.has_buffered())
        return true;  // pipelined request already read
    pollfd fds[2] = {{sock, POLLIN, 0}, {wake_fd_, POLLIN, 0}};
    int timeout_ms = options_.keepalive_timeout_s * 1000;
    for (;;) {
        int rc = ::poll(fds, 2, timeout_ms);
        if (rc < 0 && errno == EINTR)
            continue;
        if (rc <= 0)
            return false;
        // A request that arrived together with shutdown is still served.
        return (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) != 0;
    }
}

bool Server::process_and_close_socket(socket_t sock) {
    int one = 1;
    ::setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    SocketStream strm(sock, options_.read_timeout_s * 1000, options_.write_timeout_s * 1000);
    bool ok = false;
    for (int left = options_.keepalive_max; left > 0; --left) {
        if (stopping_ || !wait_for_request(sock, strm))
            break;
        t_request_started = std::chrono::steady_clock::now();
        bool closed = false;
        bool last = left == 1 || stopping_;
        ok = process_request(strm, last, closed, [this](httplib::Request& req) {
            req.headers.erase(kRequestIdHeader);
            req.headers.emplace(kRequestIdHeader, new_request_id());
            req.headers.erase(kClientIpHeader);
            req.headers.emplace(kClientIpHeader, client_ip(req, options_.trusted_proxies));
        });
        if (!ok || closed)
            break;
    }
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
    return ok;
}

}  // namespace vitae::http
