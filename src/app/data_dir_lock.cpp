#include "app/data_dir_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/error.hpp"

namespace vitae::app {

namespace {

std::filesystem::path lock_path(const std::filesystem::path& data_dir) {
    return data_dir / "vitae.lock";
}

long read_pid(int fd) {
    char buf[32] = {};
    ssize_t n = ::pread(fd, buf, sizeof buf - 1, 0);
    return n > 0 ? std::strtol(buf, nullptr, 10) : 0;
}

}  // namespace

DataDirLock::DataDirLock(const std::filesystem::path& data_dir) {
    auto path = lock_path(data_dir);
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd_ < 0) {
        throw Error(ErrorCode::storage,
                    "cannot open lock file " + path.string() + ": " + std::strerror(errno));
    }
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        long pid = read_pid(fd_);
        ::close(fd_);
        fd_ = -1;
        throw Error(ErrorCode::conflict, "another vitae process (pid " + std::to_string(pid) +
                                             ") is using the data directory " + data_dir.string() +
                                             "; stop it first");
    }
    std::string pid = std::to_string(::getpid()) + "\n";
    if (::ftruncate(fd_, 0) != 0 || ::pwrite(fd_, pid.data(), pid.size(), 0) < 0) {
        // The lock itself holds; only the pid hint for the error message is missing.
    }
}

DataDirLock::~DataDirLock() {
    if (fd_ < 0)
        return;
    ::flock(fd_, LOCK_UN);
    ::close(fd_);
}

long DataDirLock::holder(const std::filesystem::path& data_dir) {
    int fd = ::open(lock_path(data_dir).c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    long pid = 0;
    if (::flock(fd, LOCK_SH | LOCK_NB) != 0)
        pid = read_pid(fd);
    ::close(fd);
    return pid;
}

}  // namespace vitae::app
