#include "cv/zip_writer.hpp"

#include <archive.h>
#include <archive_entry.h>

#include "core/error.hpp"

namespace vitae::cv {

namespace {

// A fixed time (2000-01-01 12:00 UTC) so that exporting the same CV twice gives the same
// bytes. Not zip's first moment, 1980-01-01: zip stores local time, and in zones west of
// UTC that moment falls before the range.
constexpr time_t kFixedTime = 946728000;

la_ssize_t append(archive*, void* out, const void* buffer, size_t length) {
    static_cast<std::string*>(out)->append(static_cast<const char*>(buffer), length);
    return static_cast<la_ssize_t>(length);
}

[[noreturn]] void fail(archive* a, const std::string& what) {
    const char* reason = archive_error_string(a);
    throw Error(ErrorCode::internal,
                "Could not write the zip archive (" + what + "): " + (reason ? reason : "unknown"));
}

void check(archive* a, int status, const std::string& what) {
    if (status != ARCHIVE_OK)
        fail(a, what);
}

struct EntryFree {
    void operator()(archive_entry* e) const { archive_entry_free(e); }
};

}  // namespace

void ZipWriter::Free::operator()(archive* a) const {
    archive_write_free(a);
}

ZipWriter::ZipWriter() : out_(std::make_unique<std::string>()), archive_(archive_write_new()) {
    archive* a = archive_.get();
    if (a == nullptr)
        throw Error(ErrorCode::internal, "Could not start a zip archive: out of memory.");
    check(a, archive_write_set_format_zip(a), "format");
    check(a, archive_write_set_options(a, "zip:compression=deflate"), "compression");
    // Unblocked: the default pads the output to 10 KiB blocks, bytes that are no part of
    // a zip file.
    check(a, archive_write_set_bytes_per_block(a, 0), "blocking");
    check(a, archive_write_open2(a, out_.get(), nullptr, append, nullptr, nullptr), "open");
}

ZipWriter::~ZipWriter() = default;

void ZipWriter::add(const std::string& name, std::string_view bytes) {
    archive* a = archive_.get();
    std::unique_ptr<archive_entry, EntryFree> entry(archive_entry_new());
    archive_entry_set_pathname_utf8(entry.get(), name.c_str());
    archive_entry_set_filetype(entry.get(), AE_IFREG);
    archive_entry_set_perm(entry.get(), 0644);
    archive_entry_set_size(entry.get(), static_cast<la_int64_t>(bytes.size()));
    archive_entry_set_mtime(entry.get(), kFixedTime, 0);
    check(a, archive_write_header(a, entry.get()), name);
    auto written = archive_write_data(a, bytes.data(), bytes.size());
    if (written < 0 || static_cast<size_t>(written) != bytes.size())
        fail(a, name);
    check(a, archive_write_finish_entry(a), name);
}

std::string ZipWriter::finish() {
    check(archive_.get(), archive_write_close(archive_.get()), "close");
    return std::move(*out_);
}

}  // namespace vitae::cv
