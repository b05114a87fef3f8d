#include "core/log_file_sink.hpp"

#include "core/clock.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <ctime>
#include <vector>

namespace vitae::core {

namespace fs = std::filesystem;

std::string utc_day(std::chrono::system_clock::time_point t) {
    return format_utc(t, "%Y-%m-%d");
}

LogFileSink::LogFileSink(fs::path dir, int keep_days)
    : dir_(std::move(dir)), current_(dir_ / "vitae.log"), keep_days_(keep_days) {
    fs::create_directories(dir_);
    auto now = std::chrono::system_clock::now();
    struct stat st {};
    // A file left by an earlier run holds the day it was last written.
    day_ = ::stat(current_.c_str(), &st) == 0
               ? utc_day(std::chrono::system_clock::from_time_t(st.st_mtime))
               : utc_day(now);
    file_.open(current_.string(), false);
    rotate_if_due(now);
}

void LogFileSink::rotate_if_due(std::chrono::system_clock::time_point now) {
    std::lock_guard lock(mutex_);
    std::string today = utc_day(now);
    if (today <= day_)  // YYYY-MM-DD compares as text; never rotate backwards
        return;
    rotate_locked(day_);
    day_ = today;
}

void LogFileSink::sink_it_(const spdlog::details::log_msg& msg) {
    // spdlog stamps a message before it takes the sink's lock, so around midnight a line
    // from the old day can arrive after one from the new day: it joins the current file.
    std::string day = utc_day(msg.time);
    if (day > day_) {
        rotate_locked(day_);
        day_ = day;
    }
    spdlog::memory_buf_t formatted;
    formatter_->format(msg, formatted);
    file_.write(formatted);
}

void LogFileSink::flush_() {
    file_.flush();
}

void LogFileSink::rotate_locked(const std::string& day_of_current_file) {
    file_.close();
    fs::path target = dir_ / ("vitae-" + day_of_current_file + ".log");
    std::error_code ec;
    if (fs::exists(target, ec)) {
        // Two rotations for one day (clock set back): keep both rather than overwrite.
        target = dir_ / ("vitae-" + day_of_current_file + "-" + std::to_string(std::time(nullptr)) +
                         ".log");
    }
    fs::rename(current_, target, ec);
    file_.open(current_.string(), false);
    prune_locked();
}

void LogFileSink::prune_locked() {
    std::vector<fs::path> rotated;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir_, ec)) {
        std::string name = entry.path().filename().string();
        if (name.starts_with("vitae-") && name.ends_with(".log"))
            rotated.push_back(entry.path());
    }
    if (rotated.size() <= static_cast<size_t>(keep_days_))
        return;
    // Names sort by date, so the oldest come first.
    std::sort(rotated.begin(), rotated.end());
    for (size_t i = 0; i + keep_days_ < rotated.size(); ++i)
        fs::remove(rotated[i], ec);
}

}  // namespace vitae::core
