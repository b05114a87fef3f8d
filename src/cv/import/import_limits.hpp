#pragma once
// What an uploaded CV may cost us before we refuse it. The byte and page limits come
// from the configuration (MAX_UPLOAD_BYTES, IMPORT_MAX_PDF_PAGES); the DOCX
// limits guard against zip bombs and are not worth a setting.
#include <cstdint>

namespace vitae::cv {

struct ImportLimits {
    std::uint64_t max_bytes = 10ull * 1024 * 1024;
    int max_pdf_pages = 10;
    int docx_max_entries = 1000;                                // files in the zip
    std::uint64_t docx_max_uncompressed = 64ull * 1024 * 1024;  // all entries together
    int docx_max_ratio = 200;  // uncompressed / compressed, per entry
};

}  // namespace vitae::cv
