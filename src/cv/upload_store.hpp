#pragma once
// The bytes of uploaded files, in <data_dir>/uploads/<first 2 hex>/<sha256>: named by
// content, so the same file uploaded twice is one file, and never by the name a client
// sent, so no upload chooses a path. Rows in the uploads table say who owns what.
#include <filesystem>
#include <string>
#include <string_view>

namespace vitae::cv {

class UploadStore {
  public:
    explicit UploadStore(std::filesystem::path root);  // <data_dir>/uploads

    // Stores `bytes` (written to a temporary file, fsynced, renamed into place) and
    // returns their SHA-256 hex. Throws Error(storage) when the disk refuses.
    std::string put(std::string_view bytes) const;
    // Throws Error(not_found) when there is no such file (or the hash is not one).
    std::string read(std::string_view sha256) const;
    // Deletes the file; nothing when it is not there.
    void remove(std::string_view sha256) const;
    // The path of a hash; Error(bad_request) unless it is 64 lowercase hex digits.
    std::filesystem::path path_of(std::string_view sha256) const;

  private:
    std::filesystem::path root_;
};

}  // namespace vitae::cv
