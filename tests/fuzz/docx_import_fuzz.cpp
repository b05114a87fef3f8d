// libFuzzer target: extract_docx on any bytes must return lines or throw vitae::Error, never
// crash, leak, hang or trip a sanitizer. Seeds: tests/fuzz/corpus/docx_import_fuzz/.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/error.hpp"
#include "cv/import/docx_extract.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    try {
        const auto doc = vitae::cv::extract_docx(bytes, {});
        for (const auto& line : doc.lines) {
            if (line.text.empty())
                __builtin_trap();  // the TextDocument contract broken
        }
    } catch (const vitae::Error&) {
        // A refusal with a message is the right answer to a hostile file.
    }
    return 0;
}
