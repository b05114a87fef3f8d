#include "http/socket_stream.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstring>

namespace vitae::http {

bool wait_fd(int fd, short events, int timeout_ms) {
    pollfd p{fd, events, 0};
    for (;;) {
        int rc = ::poll(&p, 1, timeout_ms);
        if (rc < 0 && errno == EINTR)
            continue;
        return rc > 0;
    }
}

namespace {

// "ip", port of a socket address; empty ip when it cannot be read.
void socket_address(int sock, bool peer, std::string& ip, int& port) {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    int rc = peer ? ::getpeername(sock, reinterpret_cast<sockaddr*>(&addr), &len)
                  : ::getsockname(sock, reinterpret_cast<sockaddr*>(&addr), &len);
    ip.clear();
    port = 0;
    if (rc != 0)
        return;
    char buf[INET6_ADDRSTRLEN] = {};
    if (addr.ss_family == AF_INET) {
        auto* a = reinterpret_cast<sockaddr_in*>(&addr);
        ::inet_ntop(AF_INET, &a->sin_addr, buf, sizeof buf);
        port = ntohs(a->sin_port);
    } else if (addr.ss_family == AF_INET6) {
        auto* a = reinterpret_cast<sockaddr_in6*>(&addr);
        ::inet_ntop(AF_INET6, &a->sin6_addr, buf, sizeof buf);
        port = ntohs(a->sin6_port);
    }
    ip = buf;
}

}  // namespace

bool SocketStream::is_readable() const {
    return has_buffered() || wait_fd(sock_, POLLIN, read_timeout_ms_);
}

bool SocketStream::is_writable() const {
    return wait_fd(sock_, POLLOUT, write_timeout_ms_);
}

ssize_t SocketStream::read(char* ptr, size_t size) {
    if (!has_buffered()) {
        if (!wait_fd(sock_, POLLIN, read_timeout_ms_))
            return -1;
        ssize_t n;
        do {
            n = ::recv(sock_, buf_.data(), buf_.size(), 0);
        } while (n < 0 && errno == EINTR);
        if (n <= 0)
            return n;
        off_ = 0;
        len_ = static_cast<size_t>(n);
    }
    size_t take = std::min(size, len_ - off_);
    std::memcpy(ptr, buf_.data() + off_, take);
    off_ += take;
    return static_cast<ssize_t>(take);
}

ssize_t SocketStream::write(const char* ptr, size_t size) {
    if (!is_writable())
        return -1;
    ssize_t n;
    do {
        n = ::send(sock_, ptr, size, MSG_NOSIGNAL);
    } while (n < 0 && errno == EINTR);
    return n;
}

void SocketStream::get_remote_ip_and_port(std::string& ip, int& port) const {
    socket_address(sock_, true, ip, port);
}

void SocketStream::get_local_ip_and_port(std::string& ip, int& port) const {
    socket_address(sock_, false, ip, port);
}

}  // namespace vitae::http
