#include "app/data_dir_lock.hpp"

#include <doctest/doctest.h>
#include <unistd.h>

#include <fstream>
#include <optional>
#include <string>

#include "core/error.hpp"
#include "support/temp_dir.hpp"

namespace vitae::app {
namespace {

using test::TempDir;

// The lock belongs to an open file description, so a second DataDirLock in this same
// process contends exactly as a second process would.
TEST_CASE("data_dir_lock_refuses_a_second_holder_with_conflict_naming_the_pid") {
    TempDir dir;
    DataDirLock first(dir.path());

    try {
        DataDirLock second(dir.path());
        FAIL("the second lock was granted");
    } catch (const Error& error) {
        CHECK(error.code() == ErrorCode::conflict);
        std::string message = error.what();
        CHECK(message.find("pid " + std::to_string(::getpid())) != std::string::npos);
        CHECK(message.find(dir.path().string()) != std::string::npos);
    }
}

TEST_CASE("data_dir_lock_holder_is_the_pid_while_held_and_zero_after_release") {
    TempDir dir;
    CHECK(DataDirLock::holder(dir.path()) == 0);
    {
        DataDirLock lock(dir.path());
        CHECK(DataDirLock::holder(dir.path()) == ::getpid());
    }
    CHECK(DataDirLock::holder(dir.path()) == 0);
}

TEST_CASE("data_dir_lock_is_released_when_the_object_is_destroyed") {
    TempDir dir;
    std::optional<DataDirLock> first(std::in_place, dir.path());
    CHECK_THROWS_AS(DataDirLock(dir.path()), Error);

    first.reset();

    CHECK_NOTHROW(DataDirLock(dir.path()));
}

TEST_CASE("data_dir_lock_in_a_missing_directory_fails_with_storage") {
    TempDir dir;
    try {
        DataDirLock lock(dir / "missing");
        FAIL("a lock file was created in a missing directory");
    } catch (const Error& error) {
        CHECK(error.code() == ErrorCode::storage);
    }
}

TEST_CASE("data_dir_lock_is_granted_while_another_process_only_probes_holder") {
    TempDir dir;
    { DataDirLock earlier(dir.path()); }
    // A stale pid in the file and a concurrent probe (as `vitae doctor` does) must not
    // make a starting server believe the directory is taken.
    std::ofstream(dir / "vitae.lock") << "4242\n";
    CHECK(DataDirLock::holder(dir.path()) == 0);
    DataDirLock lock(dir.path());
    CHECK(DataDirLock::holder(dir.path()) == ::getpid());
}

}  // namespace
}  // namespace vitae::app
