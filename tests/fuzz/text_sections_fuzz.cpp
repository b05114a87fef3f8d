// libFuzzer target: read_plain_text + parse_resume on any UTF-8 text must return a draft
// that passes cv::validate and fits in a CV body, never crash, hang or trip a sanitizer.
// Seeds: tests/fuzz/corpus/text_sections_fuzz/.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/utf8.hpp"
#include "cv/import/plain_text.hpp"
#include "cv/import/resume_parser.hpp"
#include "cv/resume.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (!vitae::core::is_utf8(text))
        return 0;  // detect_kind refuses it before the parser would see it
    const auto parsed = vitae::cv::parse_resume(vitae::cv::read_plain_text(text));
    if (!parsed.resume.is_object() || !vitae::cv::validate(parsed.resume).empty())
        __builtin_trap();  // the parser's promise broken
    if (parsed.resume.dump().size() > vitae::cv::kMaxResumeBytes)
        __builtin_trap();
    return 0;
}
