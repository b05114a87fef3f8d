#include "cv/import/cv_import.hpp"

#include <doctest/doctest.h>

#include "core/error.hpp"
#include "support/resume_fixture.hpp"

using vitae::Error;
using vitae::ErrorCode;
using vitae::cv::detect_kind;
using vitae::cv::import_document;
using vitae::cv::ImportLimits;
using vitae::cv::SourceKind;

namespace {

ErrorCode refusal_of(std::string_view bytes, const ImportLimits& limits = {}) {
    try {
        import_document(bytes, limits);
    } catch (const Error& e) {
        return e.code();
    }
    FAIL("import_document accepted what it should refuse");
    return ErrorCode::internal;
}

}  // namespace

TEST_CASE("detect_kind_goes_by_content_not_by_name") {
    ImportLimits limits;
    CHECK(detect_kind("%PDF-1.7\n...", limits) == SourceKind::pdf);
    CHECK(detect_kind("garbage before the header %PDF-1.4\n", limits) == SourceKind::pdf);
    CHECK(detect_kind(std::string_view("PK\x03\x04rest", 8), limits) == SourceKind::docx);
    CHECK(detect_kind("\xEF\xBB\xBF  {\"basics\": {}}", limits) == SourceKind::json);
    CHECK(detect_kind("Ada Lovelace\nada@example.org\n", limits) == SourceKind::text);
}

TEST_CASE("import_refuses_empty_oversized_and_binary_files") {
    CHECK(refusal_of("") == ErrorCode::bad_request);
    CHECK(refusal_of(" \n\t") == ErrorCode::bad_request);
    CHECK(refusal_of(std::string(2048, 'a'), {.max_bytes = 1024}) == ErrorCode::payload_too_large);
    CHECK(refusal_of(std::string_view("\x89PNG\r\n\x1a\n\0\0", 10)) ==
          ErrorCode::unsupported_media);
    CHECK(refusal_of("caf\xE9 latin-1 text") == ErrorCode::unsupported_media);
}

TEST_CASE("json_resume_import_keeps_the_document_and_lists_its_problems") {
    auto original = vitae::test::resume_fixture("rich.json");
    auto imported = import_document(original.dump(2), {});
    CHECK(imported.kind == SourceKind::json);
    CHECK(imported.resume == original);
    CHECK(imported.notes.empty());

    auto flawed = import_document(R"({"basics": {"email": "not-an-email"}})", {});
    REQUIRE(flawed.notes.size() == 1);
    CHECK(flawed.notes[0].starts_with("basics.email"));
}

TEST_CASE("json_import_refuses_what_is_not_a_json_object") {
    CHECK(refusal_of("{\"basics\": ") == ErrorCode::bad_request);
    CHECK(refusal_of("{} trailing") == ErrorCode::bad_request);
}
