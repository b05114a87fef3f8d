#pragma once
// spdlog sink writing logs/vitae.log, renamed to vitae-YYYY-MM-DD.log when the UTC day
// changes; keeps the newest `keep_days` of those. A stable current name lets operators
// `tail -f` one file, unlike spdlog's daily sink which dates every file.
#include <spdlog/details/file_helper.h>
#include <spdlog/sinks/base_sink.h>

#include <filesystem>
#include <mutex>
#include <string>

namespace vitae::core {

class LogFileSink final : public spdlog::sinks::base_sink<std::mutex> {
  public:
    LogFileSink(std::filesystem::path dir, int keep_days);

    // Rotates now if the current file holds an earlier day; used at start and by tests.
    void rotate_if_due(std::chrono::system_clock::time_point now);

  protected:
    void sink_it_(const spdlog::details::log_msg& msg) override;
    void flush_() override;

  private:
    void rotate_locked(const std::string& day_of_current_file);
    void prune_locked();

    std::filesystem::path dir_;
    std::filesystem::path current_;
    int keep_days_;
    std::string day_;  // UTC day of what is in current_
    spdlog::details::file_helper file_;
};

// "YYYY-MM-DD" of a time point, UTC.
std::string utc_day(std::chrono::system_clock::time_point t);

}  // namespace vitae::core
