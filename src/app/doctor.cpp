#include "app/doctor.hpp"

#include <arpa/inet.h>
#include <netdb.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "app/data_dir_lock.hpp"
#include "store/connection.hpp"
#include "store/migrator.hpp"
#include "store/statement.hpp"

namespace vitae::app {

namespace fs = std::filesystem;

namespace {

// The data dir may not exist yet (first run): check where it will be created.
fs::path nearest_existing(fs::path p) {
    p = fs::absolute(p);
    while (!fs::exists(p) && p.has_parent_path() && p != p.parent_path())
        p = p.parent_path();
    return p;
}

ops::CheckResult check_permissions(const fs::path& dir) {
    struct stat st {};
    if (::stat(dir.c_str(), &st) != 0) {
        return {"permissions", true, dir.string() + " does not exist yet; serve creates it 0750"};
    }
    if (st.st_mode & S_IWOTH) {
        return {"permissions", false, dir.string() + " is writable by every user; chmod o-w it"};
    }
    if (st.st_mode & S_IROTH) {
        return {"permissions", true,
                dir.string() + " is readable by every user (chmod o-rx recommended)"};
    }
    return {"permissions", true, dir.string() + " is private to its owner and group"};
}

ops::CheckResult check_database_file(const fs::path& db_path) {
    if (!fs::exists(db_path))
        return {"database", true, "not created yet; serve creates it"};
    try {
        store::Connection conn(db_path, {.read_only = true});
        auto stmt = conn.prepare("PRAGMA integrity_check");
        std::string verdict = stmt.step() ? stmt.column_text(0) : "no answer";
        if (verdict != "ok")
            return {"database", false, "integrity check failed: " + verdict};
        int version = store::current_version(conn);
        int latest = store::latest_version();
        if (version > latest) {
            return {"database", false,
                    "schema version " + std::to_string(version) +
                        " is newer than this binary supports (" + std::to_string(latest) + ")"};
        }
        return {"database", true,
                "integrity ok, schema version " + std::to_string(version) + " of " +
                    std::to_string(latest)};
    } catch (const std::exception& e) {
        return {"database", false, e.what()};
    }
}

ops::CheckResult check_port(const core::Config& config) {
    std::string where = config.addr + ":" + std::to_string(config.port);
    if (long pid = DataDirLock::holder(config.data_dir)) {
        return {"port", true,
                "vitae is running on this data dir (pid " + std::to_string(pid) +
                    "); it holds the port"};
    }
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE;
    addrinfo* found = nullptr;
    if (::getaddrinfo(config.addr.c_str(), std::to_string(config.port).c_str(), &hints, &found) !=
            0 ||
        !found) {
        return {"port", false, "cannot resolve listen address " + config.addr};
    }
    std::unique_ptr<addrinfo, decltype(&::freeaddrinfo)> guard(found, &::freeaddrinfo);
    int fd = ::socket(found->ai_family, found->ai_socktype | SOCK_CLOEXEC, 0);
    int yes = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    bool ok = fd >= 0 && ::bind(fd, found->ai_addr, found->ai_addrlen) == 0;
    int err = errno;
    if (fd >= 0)
        ::close(fd);
    if (!ok)
        return {"port", false, where + " is not available: " + std::strerror(err)};
    return {"port", true, where + " is free"};
}

}  // namespace

std::vector<ops::CheckResult> run_doctor(const core::Config& config) {
    std::vector<ops::CheckResult> results;
    results.push_back(check_permissions(config.data_dir));
    fs::path existing = nearest_existing(config.data_dir);
    auto writable = ops::check_dir_writable(existing);
    results.push_back(writable);
    results.push_back(ops::check_disk_free(existing, config.min_free_disk_mb));
    results.push_back(check_database_file(config.data_dir / "vitae.db"));
    results.push_back(check_port(config));
    return results;
}

int report_doctor(const std::vector<ops::CheckResult>& results, std::ostream& out) {
    bool all_ok = true;
    for (const auto& r : results) {
        out << (r.ok ? "ok    " : "FAIL  ") << r.name << ": " << r.detail << "\n";
        all_ok = all_ok && r.ok;
    }
    out << (all_ok ? "all checks passed\n" : "some checks failed\n");
    return all_ok ? 0 : 1;
}

}  // namespace vitae::app
