#pragma once
// One process at a time per data directory: a lock on <data>/vitae.lock, released by
// the kernel even when the process is killed, so a crash never leaves a stale lock.
#include <filesystem>
#include <string>

namespace vitae::app {

class DataDirLock {
  public:
    // Throws vitae::Error(conflict) naming the holder's pid when another process has it.
    explicit DataDirLock(const std::filesystem::path& data_dir);
    ~DataDirLock();
    DataDirLock(const DataDirLock&) = delete;
    DataDirLock& operator=(const DataDirLock&) = delete;

    // The pid written by the current holder, or 0 when nobody holds the lock.
    static long holder(const std::filesystem::path& data_dir);

  private:
    int fd_ = -1;
};

}  // namespace vitae::app
