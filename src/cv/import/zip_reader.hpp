#pragma once
// An uploaded zip archive (the container of a DOCX) read from memory with libarchive,
// refusing zip bombs: too many entries, too much data once unpacked, or an entry that
// unpacks to far more than it takes in the archive.
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "cv/import/import_limits.hpp"

namespace vitae::cv {

class ZipReader {
  public:
    // Reads the directory of the archive. Throws Error(payload_too_large) when the sizes it
    // declares break a limit, Error(bad_request) when it is not a readable zip archive.
    ZipReader(std::string_view bytes, const ImportLimits& limits);

    bool contains(const std::string& name) const { return entries_.contains(name); }

    // The unpacked bytes of the entries named, those present. The limits are checked again
    // on the bytes actually unpacked, since a hostile archive's headers can lie about sizes.
    std::map<std::string, std::string> read(const std::set<std::string>& names) const;

  private:
    struct Entry {
        std::uint64_t size = 0;        // as the archive declares it
        std::uint64_t compressed = 0;  // the stretch of the archive it takes, headers included
    };

    std::string_view bytes_;
    ImportLimits limits_;
    std::map<std::string, Entry> entries_;
};

}  // namespace vitae::cv
