#pragma once
// httplib::Stream over a plain TCP socket with poll()-based timeouts and a read buffer.
// The TLS adapter provides the same interface over mbedTLS, so both share one server.
#include <httplib.h>

#include <array>

namespace vitae::http {

class SocketStream final : public httplib::Stream {
  public:
    SocketStream(int sock, int read_timeout_ms, int write_timeout_ms)
        : sock_(sock), read_timeout_ms_(read_timeout_ms), write_timeout_ms_(write_timeout_ms) {}

    bool is_readable() const override;
    bool is_writable() const override;
    ssize_t read(char* ptr, size_t size) override;
    ssize_t write(const char* ptr, size_t size) override;
    void get_remote_ip_and_port(std::string& ip, int& port) const override;
    void get_local_ip_and_port(std::string& ip, int& port) const override;
    int socket() const override { return sock_; }

    // True when buffered bytes are waiting (a pipelined request): no need to poll.
    bool has_buffered() const { return off_ < len_; }

  private:
    int sock_;
    int read_timeout_ms_;
    int write_timeout_ms_;
    std::array<char, 4096> buf_{};
    size_t off_ = 0;
    size_t len_ = 0;
};

// Waits until fd is readable (events=POLLIN) or writable (POLLOUT); false on timeout.
bool wait_fd(int fd, short events, int timeout_ms);

}  // namespace vitae::http
