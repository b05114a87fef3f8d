#pragma once
// Runs the real vitae binary as a child: stdout through a pipe (read with a bound),
// stderr to a file, exit awaited through a pidfd (no sleeping, no polling loops).
#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace vitae::test {

struct ChildOptions {
    std::map<std::string, std::string> env;      // the whole environment of the child
    std::optional<uid_t> run_as = std::nullopt;  // drop to this uid/gid before exec (root only)
    std::optional<std::string> stdin_data = std::nullopt;  // else stdin is at EOF at once
};

class ChildProcess {
  public:
    ChildProcess(const std::vector<std::string>& args, const std::filesystem::path& stderr_file,
                 ChildOptions options = {}) {
        int out[2];
        int in[2];
        if (::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(in, O_CLOEXEC) != 0)
            throw std::runtime_error("pipe failed");
        // Everything the child needs is allocated before fork: after fork in a threaded
        // process only async-signal-safe calls are allowed.
        std::vector<std::string> env_strings;
        for (const auto& [k, v] : options.env)
            env_strings.push_back(k + "=" + v);
        std::vector<char*> argv;
        for (const auto& a : args)
            argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        std::vector<char*> envp;
        for (auto& e : env_strings)
            envp.push_back(e.data());
        envp.push_back(nullptr);
        pid_ = ::fork();
        if (pid_ < 0)
            throw std::runtime_error("fork failed");
        if (pid_ == 0)
            exec_child(argv, envp, in[0], out[1], stderr_file.c_str(), options.run_as);
        ::close(out[1]);
        ::close(in[0]);
        // Small inputs (a password line) fit the pipe buffer: write, then close for EOF.
        if (options.stdin_data) {
            [[maybe_unused]] auto n =
                ::write(in[1], options.stdin_data->data(), options.stdin_data->size());
        }
        ::close(in[1]);
        out_fd_ = out[0];
        pidfd_ = static_cast<int>(::syscall(SYS_pidfd_open, pid_, 0));
        stderr_file_ = stderr_file;
    }

    ~ChildProcess() {
        if (!exit_code_) {
            ::kill(pid_, SIGKILL);
            wait_exit(std::chrono::seconds(10));
        }
        if (out_fd_ >= 0)
            ::close(out_fd_);
        if (pidfd_ >= 0)
            ::close(pidfd_);
    }

    // Reads stdout until a line contains `needle` or the bound passes; returns the line.
    std::optional<std::string> wait_for_line(const std::string& needle,
                                             std::chrono::milliseconds bound) {
        auto deadline = std::chrono::steady_clock::now() + bound;
        for (;;) {
            auto nl = buffer_.find('\n');
            while (nl != std::string::npos) {
                std::string line = buffer_.substr(0, nl);
                buffer_.erase(0, nl + 1);
                if (line.find(needle) != std::string::npos)
                    return line;
                nl = buffer_.find('\n');
            }
            auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0)
                return std::nullopt;
            pollfd p{out_fd_, POLLIN, 0};
            if (::poll(&p, 1, static_cast<int>(left.count())) <= 0)
                return std::nullopt;
            char buf[4096];
            ssize_t n = ::read(out_fd_, buf, sizeof buf);
            if (n <= 0)
                return std::nullopt;  // the child closed stdout (exited)
            buffer_.append(buf, static_cast<size_t>(n));
        }
    }

    // Everything the child writes to stdout until it closes it, or nullopt when the bound
    // passes first.
    std::optional<std::string> read_to_end(std::chrono::milliseconds bound) {
        auto deadline = std::chrono::steady_clock::now() + bound;
        for (;;) {
            auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                deadline - std::chrono::steady_clock::now());
            pollfd p{out_fd_, POLLIN, 0};
            if (left.count() <= 0 || ::poll(&p, 1, static_cast<int>(left.count())) <= 0)
                return std::nullopt;
            char buf[4096];
            ssize_t n = ::read(out_fd_, buf, sizeof buf);
            if (n <= 0)
                return std::exchange(buffer_, {});
            buffer_.append(buf, static_cast<size_t>(n));
        }
    }

    void signal(int sig) { ::kill(pid_, sig); }

    // The exit code (128+signal when killed), or nullopt if still running at the bound.
    std::optional<int> wait_exit(std::chrono::milliseconds bound) {
        if (exit_code_)
            return exit_code_;
        pollfd p{pidfd_, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(bound.count())) <= 0)
            return std::nullopt;
        int status = 0;
        if (::waitpid(pid_, &status, 0) != pid_)
            return std::nullopt;
        exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        return exit_code_;
    }

    std::string stderr_text() const {
        std::ifstream in(stderr_file_);
        std::stringstream ss;
        ss << in.rdbuf();
        return ss.str();
    }

    pid_t pid() const { return pid_; }

  private:
    [[noreturn]] static void exec_child(std::vector<char*>& argv, std::vector<char*>& envp,
                                        int in_fd, int out_fd, const char* stderr_file,
                                        std::optional<uid_t> run_as) {
        ::dup2(in_fd, 0);
        ::dup2(out_fd, 1);
        int err_fd = ::open(stderr_file, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (err_fd >= 0)
            ::dup2(err_fd, 2);
        if (run_as) {
            if (::setgroups(0, nullptr) != 0 || ::setgid(*run_as) != 0 || ::setuid(*run_as) != 0)
                ::_exit(126);
        }
        ::execve(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }

    pid_t pid_ = -1;
    int out_fd_ = -1;
    int pidfd_ = -1;
    std::string buffer_;
    std::filesystem::path stderr_file_;
    std::optional<int> exit_code_;
};

}  // namespace vitae::test
