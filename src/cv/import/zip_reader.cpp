#include "cv/import/zip_reader.hpp"

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <memory>

#include "core/error.hpp"

namespace vitae::cv {

namespace {

const char* const kDamaged =
    "This DOCX file could not be read: the zip container inside it is damaged. Open it in your "
    "word processor, save it again as DOCX and upload the new copy.";

struct FreeArchive {
    void operator()(archive* a) const { archive_read_free(a); }
};
using Archive = std::unique_ptr<archive, FreeArchive>;

Archive open_zip(std::string_view bytes) {
    Archive a(archive_read_new());
    if (!a)
        throw Error(ErrorCode::internal, "libarchive could not allocate a reader");
    archive_read_support_format_zip(a.get());
    if (archive_read_open_memory(a.get(), bytes.data(), bytes.size()) != ARCHIVE_OK)
        throw Error(ErrorCode::bad_request, kDamaged);
    return a;
}

// ARCHIVE_WARN is a recoverable oddity (an unknown extra field); only worse is an error.
bool failed(int status) {
    return status < ARCHIVE_WARN;
}

[[noreturn]] void too_large(const std::string& why) {
    throw Error(ErrorCode::payload_too_large,
                "This DOCX file " + why +
                    ", far more than any CV; Vitae refuses it as a possible zip bomb.");
}

std::string kib(std::uint64_t bytes) {
    return std::to_string(bytes / 1024) + " KiB";
}

}  // namespace

ZipReader::ZipReader(std::string_view bytes, const ImportLimits& limits)
    : bytes_(bytes), limits_(limits) {
    Archive a = open_zip(bytes);
    std::vector<std::pair<std::int64_t, std::string>> positions;
    std::uint64_t total = 0;
    archive_entry* entry = nullptr;
    for (;;) {
        const int status = archive_read_next_header(a.get(), &entry);
        if (status == ARCHIVE_EOF)
            break;
        if (failed(status))
            throw Error(ErrorCode::bad_request, kDamaged);
        if (static_cast<int>(positions.size()) >= limits.docx_max_entries) {
            too_large("holds more than " + std::to_string(limits.docx_max_entries) + " files");
        }
        const char* name = archive_entry_pathname(entry);
        const auto size =
            static_cast<std::uint64_t>(std::max<la_int64_t>(0, archive_entry_size(entry)));
        total += size;
        if (total > limits.docx_max_uncompressed)
            too_large("unpacks to more than " + kib(limits.docx_max_uncompressed));
        std::string key = name ? name : "";
        positions.emplace_back(archive_read_header_position(a.get()), key);
        entries_[key].size = size;
    }
    // An entry's stretch of the archive runs to the next header; the last one's to the end.
    std::sort(positions.begin(), positions.end());
    for (std::size_t i = 0; i < positions.size(); ++i) {
        const std::int64_t end = i + 1 < positions.size() ? positions[i + 1].first
                                                          : static_cast<std::int64_t>(bytes.size());
        auto& e = entries_[positions[i].second];
        e.compressed =
            static_cast<std::uint64_t>(std::max<std::int64_t>(1, end - positions[i].first));
        if (e.size > e.compressed * static_cast<std::uint64_t>(limits.docx_max_ratio)) {
            too_large("holds a file that unpacks to more than " +
                      std::to_string(limits.docx_max_ratio) + " times its packed size");
        }
    }
}

std::map<std::string, std::string> ZipReader::read(const std::set<std::string>& names) const {
    std::map<std::string, std::string> out;
    Archive a = open_zip(bytes_);
    std::uint64_t total = 0;
    archive_entry* entry = nullptr;
    for (;;) {
        const int status = archive_read_next_header(a.get(), &entry);
        if (status == ARCHIVE_EOF)
            break;
        if (failed(status))
            throw Error(ErrorCode::bad_request, kDamaged);
        const char* name = archive_entry_pathname(entry);
        if (!name || !names.contains(name))
            continue;
        if (archive_entry_is_encrypted(entry)) {
            throw Error(ErrorCode::bad_request,
                        "This DOCX file is encrypted. Save it again without a password and "
                        "upload that copy.");
        }
        auto found = entries_.find(name);
        const std::uint64_t compressed =
            found == entries_.end() ? bytes_.size() : found->second.compressed;
        const std::uint64_t ratio_cap =
            compressed * static_cast<std::uint64_t>(limits_.docx_max_ratio);
        std::string data;
        char buffer[64 * 1024];
        for (;;) {
            const la_ssize_t n = archive_read_data(a.get(), buffer, sizeof buffer);
            if (n == 0)
                break;
            if (n < 0)
                throw Error(ErrorCode::bad_request, kDamaged);
            data.append(buffer, static_cast<std::size_t>(n));
            total += static_cast<std::uint64_t>(n);
            if (total > limits_.docx_max_uncompressed)
                too_large("unpacks to more than " + kib(limits_.docx_max_uncompressed));
            if (data.size() > ratio_cap) {
                too_large("holds a file that unpacks to more than " +
                          std::to_string(limits_.docx_max_ratio) + " times its packed size");
            }
        }
        out.emplace(name, std::move(data));
    }
    return out;
}

}  // namespace vitae::cv
