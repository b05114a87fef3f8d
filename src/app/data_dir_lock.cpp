#include "app/data_dir_lock.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/error.hpp"

namespace vitae::app {

namespace {

std::filesystem::path lock_path(const std::filesystem::path& data_dir) {
    return data_dir / "vitae.lock";
}

// Open-file-description locks: owned by the open file like flock (so two opens in one
// process conflict, and the kernel drops them when the process dies), but they can be
// tested with F_OFD_GETLK without taking them, so `doctor` never blocks a starting server.
bool ofd_lock(int fd, short type, int cmd, short* found = nullptr) {
    struct flock fl {};
    fl.l_type = type;
    fl.l_whence = SEEK_SET;
    if (::fcntl(fd, cmd, &fl) != 0)
        return false;
    if (found)
        *found = fl.l_type;
    return true;
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
    if (!ofd_lock(fd_, F_WRLCK, F_OFD_SETLK)) {
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
    // A released lock leaves no pid behind to be quoted by the next refusal.
    [[maybe_unused]] int rc = ::ftruncate(fd_, 0);
    ::close(fd_);
}

long DataDirLock::holder(const std::filesystem::path& data_dir) {
    int fd = ::open(lock_path(data_dir).c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    long pid = 0;
    short found = F_UNLCK;
    if (ofd_lock(fd, F_WRLCK, F_OFD_GETLK, &found) && found != F_UNLCK)
        pid = read_pid(fd);
    ::close(fd);
    return pid;
}

}  // namespace vitae::app
