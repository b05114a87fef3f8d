#include "cv/upload_store.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/crypto.hpp"
#include "core/error.hpp"
#include "core/random.hpp"

namespace vitae::cv {

namespace fs = std::filesystem;

namespace {

// Owns a file descriptor: every path out of put() closes it.
class Fd {
  public:
    explicit Fd(int fd) : fd_(fd) {}
    ~Fd() {
        if (fd_ >= 0)
            ::close(fd_);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return fd_; }

  private:
    int fd_;
};

[[noreturn]] void disk_error(const std::string& what, const fs::path& path) {
    throw Error(ErrorCode::storage, what + " " + path.string() + ": " + std::strerror(errno));
}

void write_all(int fd, std::string_view bytes, const fs::path& path) {
    while (!bytes.empty()) {
        const auto n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            disk_error("cannot write", path);
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
}

// After a rename the directory entry must reach the disk too, or a power cut can lose it.
void sync_directory(const fs::path& dir) {
    Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.get() < 0 || ::fsync(fd.get()) != 0)
        disk_error("cannot sync", dir);
}

bool is_hash(std::string_view text) {
    return text.size() == 64 &&
           text.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

}  // namespace

UploadStore::UploadStore(fs::path root) : root_(std::move(root)) {}

fs::path UploadStore::path_of(std::string_view sha256) const {
    if (!is_hash(sha256))
        throw Error(ErrorCode::bad_request, "That is not the name of a stored upload.");
    return root_ / sha256.substr(0, 2) / sha256;
}

std::string UploadStore::put(std::string_view bytes) const {
    const auto sha = core::sha256_hex(bytes);
    const auto target = path_of(sha);
    std::error_code ec;
    // Named by content: a file already there holds these bytes.
    if (const auto size = fs::file_size(target, ec); !ec && size == bytes.size())
        return sha;
    fs::create_directories(target.parent_path(), ec);
    if (ec)
        throw Error(ErrorCode::storage,
                    "cannot create " + target.parent_path().string() + ": " + ec.message());
    // A random temporary name: two requests storing the same content at once each write
    // their own file, and the second rename replaces the first with the same bytes.
    const auto temp = target.parent_path() / (".tmp-" + core::hex(core::random_bytes(8)));
    {
        Fd fd(::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640));
        if (fd.get() < 0)
            disk_error("cannot create", temp);
        try {
            write_all(fd.get(), bytes, temp);
            if (::fsync(fd.get()) != 0)
                disk_error("cannot sync", temp);
        } catch (...) {
            ::unlink(temp.c_str());
            throw;
        }
    }
    if (::rename(temp.c_str(), target.c_str()) != 0) {
        const int saved = errno;
        ::unlink(temp.c_str());
        errno = saved;
        disk_error("cannot rename into", target);
    }
    sync_directory(target.parent_path());
    return sha;
}

std::string UploadStore::read(std::string_view sha256) const {
    const auto path = path_of(sha256);
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(ErrorCode::not_found, "The original file is no longer stored.");
    std::ostringstream out;
    out << in.rdbuf();
    return std::move(out).str();
}

void UploadStore::remove(std::string_view sha256) const {
    std::error_code ec;
    fs::remove(path_of(sha256), ec);
}

}  // namespace vitae::cv
