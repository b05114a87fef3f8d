#pragma once
// Liveness and readiness: what /healthz, /readyz and `vitae doctor` report.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace vitae::store {
class Database;
}

namespace vitae::ops {

struct CheckResult {
    std::string name;
    bool ok;
    std::string detail;
};

// The data directory accepts a new file (created, written, synced, removed).
CheckResult check_dir_writable(const std::filesystem::path& dir);
// Free space on the file system of `dir` is at least min_free_mb.
CheckResult check_disk_free(const std::filesystem::path& dir, std::uint64_t min_free_mb);
// The database answers a read and commits a write.
CheckResult check_database(store::Database& db);

class Health {
  public:
    Health(store::Database& db, std::filesystem::path data_dir, std::uint64_t min_free_disk_mb,
           std::string version);

    double uptime_s() const;
    const std::string& version() const { return version_; }
    // A read-only look at the database for status displays: "ok" or the error.
    std::string database_status() const;
    // Every readiness check, in a fixed order.
    std::vector<CheckResult> readiness() const;

  private:
    store::Database& db_;
    std::filesystem::path data_dir_;
    std::uint64_t min_free_disk_mb_;
    std::string version_;
    std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
};

}  // namespace vitae::ops
