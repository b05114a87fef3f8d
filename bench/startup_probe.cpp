// startup_probe: tiny measuring helper for bench/run.sh. Linux only, no dependencies.
//
//   startup_probe free-port
//       Prints a currently free TCP port on 127.0.0.1 (bind to port 0, read it back).
//
//   startup_probe wait --port P [--path /healthz] [--timeout-ms 5000] [--pid PID]
//       Polls GET <path> on 127.0.0.1:P until it answers 200 (1 ms back-off at most).
//       Exit 0 when it did, 1 when the bound ran out or process PID (the server started
//       by the caller) is gone. Prints "ready_ms=<ms>".
//
//   startup_probe body --port P [--path /healthz] [--timeout-ms 5000]
//       One GET; writes the response body to stdout (exit 1 unless 200).
//
//   startup_probe start --port P [--path /healthz] [--timeout-ms 5000]
//                       [--requests N] [--log FILE] -- PROGRAM ARGS...
//       fork+exec PROGRAM, poll GET <path> until the first 200 (bounded by --timeout-ms),
//       then serve N more sequential requests (one connection each), read VmRSS of the
//       now idle child from /proc, send SIGTERM and waitpid (bounded by --timeout-ms,
//       SIGKILL after). Prints one line:
//         startup_ms=<ms> rss_kb=<kB> hwm_kb=<kB> exit=<code> stop_ms=<ms>
//       exit is the child's exit code, 128+signal if a signal ended it, or -1 if it had
//       to be killed after the bound. Exit status 0 when the measurement succeeded
//       (whatever the child's exit code), 1 otherwise (reason on stderr).
//
// All timing uses CLOCK_MONOTONIC.

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

using ns_t = long long;

ns_t now_ns() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<ns_t>(ts.tv_sec) * 1'000'000'000LL + ts.tv_nsec;
}

double ms(ns_t d) {
    return static_cast<double>(d) / 1e6;
}

void sleep_ns(ns_t d) {
    if (d <= 0)
        return;
    timespec ts{static_cast<time_t>(d / 1'000'000'000LL), static_cast<long>(d % 1'000'000'000LL)};
    while (nanosleep(&ts, &ts) == -1 && errno == EINTR) {
    }
}

[[noreturn]] void usage() {
    std::fprintf(
        stderr,
        "usage: startup_probe free-port\n"
        "       startup_probe wait|body --port P [--path /healthz] [--timeout-ms MS] [--pid PID]\n"
        "       startup_probe start --port P [--path /healthz] [--timeout-ms MS]\n"
        "                           [--requests N] [--log FILE] -- PROGRAM ARGS...\n");
    std::exit(2);
}

struct Options {
    int port = 0;
    std::string path = "/healthz";
    long timeout_ms = 5000;
    long requests = 0;
    pid_t pid = 0;  // wait: give up early once this process is gone
    std::string log = "/dev/null";
    std::vector<char*> argv;  // program + args, null-terminated
};

Options parse(int argc, char** argv, int first) {
    Options o;
    for (int i = first; i < argc; ++i) {
        std::string_view a = argv[i];
        auto value = [&]() -> const char* {
            if (i + 1 >= argc)
                usage();
            return argv[++i];
        };
        if (a == "--port") {
            o.port = std::atoi(value());
        } else if (a == "--path") {
            o.path = value();
        } else if (a == "--timeout-ms") {
            o.timeout_ms = std::atol(value());
        } else if (a == "--requests") {
            o.requests = std::atol(value());
        } else if (a == "--pid") {
            o.pid = static_cast<pid_t>(std::atol(value()));
        } else if (a == "--log") {
            o.log = value();
        } else if (a == "--") {
            for (int j = i + 1; j < argc; ++j)
                o.argv.push_back(argv[j]);
            break;
        } else {
            usage();
        }
    }
    if (o.port <= 0 || o.port > 65535 || o.timeout_ms <= 0 || o.requests < 0)
        usage();
    o.argv.push_back(nullptr);
    return o;
}

// Result of one GET attempt.
struct Response {
    int status = 0;  // 0: no (complete) HTTP response
    std::string body;
};

std::optional<size_t> content_length(std::string_view head) {
    // Case-insensitive search for a "content-length:" header line.
    size_t pos = 0;
    while ((pos = head.find("\r\n", pos)) != std::string_view::npos) {
        pos += 2;
        constexpr std::string_view name = "content-length:";
        if (head.size() - pos < name.size())
            break;
        bool match = true;
        for (size_t k = 0; k < name.size(); ++k) {
            char c = head[pos + k];
            if (c >= 'A' && c <= 'Z')
                c = static_cast<char>(c - 'A' + 'a');
            if (c != name[k]) {
                match = false;
                break;
            }
        }
        if (match)
            return std::strtoull(std::string(head.substr(pos + name.size())).c_str(), nullptr, 10);
    }
    return std::nullopt;
}

void set_timeout(int fd, ns_t remaining) {
    if (remaining < 1'000'000)
        remaining = 1'000'000;
    timeval tv{static_cast<time_t>(remaining / 1'000'000'000LL),
               static_cast<suseconds_t>((remaining % 1'000'000'000LL) / 1000)};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
}

// One "GET path" on a fresh connection with Connection: close; never waits past deadline.
Response http_get(int port, const std::string& path, ns_t deadline) {
    Response r;
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return r;
    set_timeout(fd, deadline - now_ns());
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        close(fd);
        return r;
    }
    std::string req =
        "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
        "\r\nUser-Agent: vitae-startup-probe\r\nAccept: */*\r\nConnection: close\r\n\r\n";
    size_t sent = 0;
    while (sent < req.size()) {
        ssize_t n = send(fd, req.data() + sent, req.size() - sent, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            close(fd);
            return r;
        }
        sent += static_cast<size_t>(n);
    }
    std::string buf;
    size_t head_end = std::string::npos;
    std::optional<size_t> clen;
    bool eof = false;
    char chunk[4096];
    for (;;) {
        if (head_end == std::string::npos) {
            head_end = buf.find("\r\n\r\n");
            if (head_end != std::string::npos)
                clen = content_length(std::string_view(buf).substr(0, head_end + 2));
        }
        if (head_end != std::string::npos) {
            size_t have = buf.size() - (head_end + 4);
            if ((clen && have >= *clen) || eof)
                break;
        } else if (eof) {
            break;
        }
        if (now_ns() >= deadline)
            break;
        ssize_t n = recv(fd, chunk, sizeof chunk, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            break;  // timeout or reset
        if (n == 0) {
            eof = true;
            continue;
        }
        buf.append(chunk, static_cast<size_t>(n));
    }
    close(fd);
    if (head_end == std::string::npos)
        return r;
    size_t have = buf.size() - (head_end + 4);
    if (clen && have < *clen)
        return r;  // truncated
    if (!clen && !eof)
        return r;
    // Status line: HTTP/1.x NNN ...
    if (buf.compare(0, 5, "HTTP/") != 0)
        return r;
    size_t sp = buf.find(' ');
    if (sp == std::string::npos || sp + 4 > buf.size())
        return r;
    r.status = std::atoi(buf.substr(sp + 1, 3).c_str());
    r.body = buf.substr(head_end + 4, clen ? *clen : std::string::npos);
    return r;
}

// True while pid exists and is not a zombie (used for processes that are not our children).
bool alive(pid_t pid) {
    if (kill(pid, 0) != 0)
        return errno == EPERM;
    std::string fname = "/proc/" + std::to_string(pid) + "/stat";
    FILE* f = std::fopen(fname.c_str(), "r");
    if (!f)
        return false;
    char buf[512];
    size_t n = std::fread(buf, 1, sizeof buf - 1, f);
    std::fclose(f);
    buf[n] = '\0';
    const char* rp = std::strrchr(buf, ')');  // state follows the last ')' of "pid (comm) S"
    return !(rp && rp[1] == ' ' && rp[2] == 'Z');
}

enum class Wait { Ok, Timeout, ChildExited, PidGone };

// Polls until a 200 answer (its arrival time goes to *at) or the deadline.
// child > 0: our child; gives up as soon as it exits (status in *child_status).
// watch > 0: some other process; gives up as soon as it is gone.
Wait wait_ok(int port, const std::string& path, ns_t deadline, pid_t child, int* child_status,
             pid_t watch, ns_t* at) {
    ns_t backoff = 50'000;  // 50 us, doubling up to 1 ms
    for (;;) {
        Response r = http_get(port, path, deadline);
        ns_t t = now_ns();
        if (r.status == 200) {
            *at = t;
            return Wait::Ok;
        }
        if (child > 0 && waitpid(child, child_status, WNOHANG) == child)
            return Wait::ChildExited;
        if (watch > 0 && !alive(watch))
            return Wait::PidGone;
        if (t >= deadline)
            return Wait::Timeout;
        sleep_ns(std::min(backoff, deadline - t));
        backoff = std::min<ns_t>(backoff * 2, 1'000'000);
    }
}

long status_kb(pid_t pid, const char* field) {
    std::string fname = "/proc/" + std::to_string(pid) + "/status";
    FILE* f = std::fopen(fname.c_str(), "r");
    if (!f)
        return -1;
    char line[256];
    long kb = -1;
    size_t len = std::strlen(field);
    while (std::fgets(line, sizeof line, f)) {
        if (std::strncmp(line, field, len) == 0 && line[len] == ':') {
            kb = std::strtol(line + len + 1, nullptr, 10);
            break;
        }
    }
    std::fclose(f);
    return kb;
}

int decode_status(int st) {
    if (WIFEXITED(st))
        return WEXITSTATUS(st);
    if (WIFSIGNALED(st))
        return 128 + WTERMSIG(st);
    return -1;
}

// SIGTERM, then wait up to bound; SIGKILL after. Returns exit code (-1 if killed by us).
int stop_child(pid_t pid, ns_t bound, ns_t* took) {
    ns_t t0 = now_ns();
    kill(pid, SIGTERM);
    ns_t deadline = t0 + bound;
    int st = 0;
    for (;;) {
        pid_t w = waitpid(pid, &st, WNOHANG);
        if (w == pid) {
            *took = now_ns() - t0;
            return decode_status(st);
        }
        if (w < 0 && errno != EINTR) {
            *took = now_ns() - t0;
            return -1;
        }
        if (now_ns() >= deadline)
            break;
        sleep_ns(200'000);
    }
    kill(pid, SIGKILL);
    waitpid(pid, &st, 0);
    *took = now_ns() - t0;
    return -1;
}

int cmd_free_port() {
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return 1;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof addr;
    if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
        std::perror("free-port");
        close(fd);
        return 1;
    }
    std::printf("%d\n", ntohs(addr.sin_port));
    close(fd);
    return 0;
}

int cmd_wait(const Options& o) {
    ns_t t0 = now_ns();
    int st = 0;
    ns_t at = 0;
    Wait w = wait_ok(o.port, o.path, t0 + o.timeout_ms * 1'000'000LL, 0, &st, o.pid, &at);
    if (w == Wait::PidGone) {
        std::fprintf(stderr, "startup_probe: process %d is gone; no 200 from 127.0.0.1:%d%s\n",
                     static_cast<int>(o.pid), o.port, o.path.c_str());
        return 1;
    }
    if (w != Wait::Ok) {
        std::fprintf(stderr, "startup_probe: no 200 from 127.0.0.1:%d%s within %ld ms\n", o.port,
                     o.path.c_str(), o.timeout_ms);
        return 1;
    }
    std::printf("ready_ms=%.3f\n", ms(at - t0));
    return 0;
}

int cmd_body(const Options& o) {
    Response r = http_get(o.port, o.path, now_ns() + o.timeout_ms * 1'000'000LL);
    if (r.status != 200) {
        std::fprintf(stderr, "startup_probe: GET %s answered %d\n", o.path.c_str(), r.status);
        return 1;
    }
    std::fwrite(r.body.data(), 1, r.body.size(), stdout);
    return 0;
}

int cmd_start(const Options& o) {
    if (o.argv.size() < 2)
        usage();
    const ns_t bound = o.timeout_ms * 1'000'000LL;
    int logfd = open(o.log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (logfd < 0) {
        std::perror(o.log.c_str());
        return 1;
    }
    pid_t parent = getpid();

    ns_t t0 = now_ns();
    pid_t pid = fork();
    if (pid < 0) {
        std::perror("fork");
        return 1;
    }
    if (pid == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL);  // never outlive the probe
        if (getppid() != parent)
            _exit(127);
        int devnull = open("/dev/null", O_RDONLY);
        if (devnull >= 0)
            dup2(devnull, 0);
        dup2(logfd, 1);
        dup2(logfd, 2);
        execvp(o.argv[0], o.argv.data());
        _exit(127);
    }
    close(logfd);

    int st = 0;
    ns_t ready = 0;
    Wait w = wait_ok(o.port, o.path, t0 + bound, pid, &st, 0, &ready);
    if (w != Wait::Ok) {
        ns_t took = 0;
        if (w == Wait::ChildExited) {
            std::fprintf(stderr,
                         "startup_probe: server exited (code %d) before answering 200; see %s\n",
                         decode_status(st), o.log.c_str());
        } else {
            std::fprintf(stderr, "startup_probe: no 200 on %s within %ld ms; see %s\n",
                         o.path.c_str(), o.timeout_ms, o.log.c_str());
            stop_child(pid, bound, &took);
        }
        return 1;
    }
    double startup = ms(ready - t0);

    // Warm traffic: N sequential requests, each on its own connection.
    ns_t req_deadline = now_ns() + bound;
    for (long i = 0; i < o.requests; ++i) {
        Response r = http_get(o.port, o.path, req_deadline);
        if (r.status != 200) {
            std::fprintf(stderr, "startup_probe: request %ld of %ld answered %d\n", i + 1,
                         o.requests, r.status);
            ns_t took = 0;
            stop_child(pid, bound, &took);
            return 1;
        }
    }
    // Every response has been received in full and the connection closed: the server is idle.
    long rss = status_kb(pid, "VmRSS");
    long hwm = status_kb(pid, "VmHWM");

    ns_t took = 0;
    int code = stop_child(pid, bound, &took);
    std::printf("startup_ms=%.3f rss_kb=%ld hwm_kb=%ld exit=%d stop_ms=%.3f\n", startup, rss, hwm,
                code, ms(took));
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2)
        usage();
    std::string_view cmd = argv[1];
    if (cmd == "free-port")
        return cmd_free_port();
    Options o = parse(argc, argv, 2);
    if (cmd == "wait")
        return cmd_wait(o);
    if (cmd == "body")
        return cmd_body(o);
    if (cmd == "start")
        return cmd_start(o);
    usage();
}
