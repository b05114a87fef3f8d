#include "ops/health.hpp"

#include <fcntl.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>

#include "core/clock.hpp"
#include "store/app_state.hpp"
#include "store/database.hpp"

namespace vitae::ops {

namespace fs = std::filesystem;

CheckResult check_dir_writable(const fs::path& dir) {
    // A real write, not access(2): that answers "yes" to root on a read-only mount.
    fs::path probe = dir / (".write-probe-" + std::to_string(::getpid()));
    int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        return {"data_dir", false, dir.string() + " is not writable: " + std::strerror(errno)};
    }
    bool ok = ::write(fd, "ok", 2) == 2 && ::fsync(fd) == 0;
    int err = errno;
    ::close(fd);
    ::unlink(probe.c_str());
    if (!ok)
        return {"data_dir", false, dir.string() + ": write failed: " + std::strerror(err)};
    return {"data_dir", true, dir.string() + " is writable"};
}

CheckResult check_disk_free(const fs::path& dir, std::uint64_t min_free_mb) {
    struct statvfs st {};
    if (::statvfs(dir.c_str(), &st) != 0) {
        return {"disk", false, "cannot read free space of " + dir.string()};
    }
    std::uint64_t free_mb = static_cast<std::uint64_t>(st.f_bavail) * st.f_frsize / (1024 * 1024);
    std::string detail =
        std::to_string(free_mb) + " MiB free (minimum " + std::to_string(min_free_mb) + " MiB)";
    return {"disk", free_mb >= min_free_mb, detail};
}

CheckResult check_database(store::Database& db) {
    try {
        std::string now = core::iso8601_utc(std::chrono::system_clock::now());
        store::AppState::put(db, "readyz_probe", now);
        auto back = store::AppState::get(db, "readyz_probe");
        if (!back)
            return {"database", false, "probe row written but not read back"};
        return {"database", true, "read and write ok"};
    } catch (const std::exception& e) {
        return {"database", false, e.what()};
    }
}

Health::Health(store::Database& db, fs::path data_dir, std::uint64_t min_free_disk_mb,
               std::string version)
    : db_(db),
      data_dir_(std::move(data_dir)),
      min_free_disk_mb_(min_free_disk_mb),
      version_(std::move(version)) {}

double Health::uptime_s() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
}

std::string Health::database_status() const {
    try {
        store::AppState::get(db_, "readyz_probe");
        return "ok";
    } catch (const std::exception& e) {
        return std::string("error: ") + e.what();
    }
}

std::vector<CheckResult> Health::readiness() const {
    return {check_database(db_), check_dir_writable(data_dir_),
            check_disk_free(data_dir_, min_free_disk_mb_)};
}

}  // namespace vitae::ops
