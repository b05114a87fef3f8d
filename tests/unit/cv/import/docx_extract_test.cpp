#include "cv/import/docx_extract.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "cv/cv_docx.hpp"
#include "cv/import/cv_import.hpp"
#include "cv/zip_writer.hpp"
#include "support/pdf_text.hpp"
#include "support/resume_values.hpp"

namespace vitae::cv {
namespace {

const std::string& exported_docx() {
    static const std::string docx =
        render_cv_docx(test::resume_fixture("rich.json"), {"CV", "Vitae", "en"});
    return docx;
}

std::string import_fixture(const std::string& name) {
    std::ifstream in(VITAE_SOURCE_DIR "/tests/fixtures/import/" + name, std::ios::binary);
    REQUIRE(in);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

std::string joined(const TextDocument& doc) {
    std::string out;
    for (const auto& line : doc.lines)
        out += line.text + "\n";
    return out;
}

std::size_t index_of(const TextDocument& doc, const std::string& text) {
    for (std::size_t i = 0; i < doc.lines.size(); ++i) {
        if (doc.lines[i].text.find(text) != std::string::npos)
            return i;
    }
    FAIL("no line holds " << text);
    return 0;
}

Error refusal(std::string_view bytes, const ImportLimits& limits = {}) {
    try {
        extract_docx(bytes, limits);
    } catch (const Error& e) {
        return e;
    }
    FAIL("extract_docx accepted what it should refuse");
    return Error(ErrorCode::internal, "");
}

bool says(const Error& e, const std::string& fragment) {
    return std::string(e.what()).find(fragment) != std::string::npos;
}

const char* const kDocumentStart =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
  xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
  xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
  xmlns:v="urn:schemas-microsoft-com:vml"><w:body>)";
const char* const kDocumentEnd = "</w:body></w:document>";

// Styles as a German Word writes them: translated ids, English built-in names.
const char* const kGermanStyles =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults>
  <w:style w:type="paragraph" w:default="1" w:styleId="Standard"><w:name w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/>
    <w:basedOn w:val="Standard"/><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="MeineUeberschrift"><w:name w:val="Meine Überschrift"/>
    <w:basedOn w:val="berschrift1"/></w:style>
  <w:style w:type="paragraph" w:styleId="Listenabsatz"><w:name w:val="List Paragraph"/>
    <w:basedOn w:val="Standard"/></w:style>
  <w:style w:type="paragraph" w:styleId="Loop1"><w:name w:val="loop"/><w:basedOn w:val="Loop2"/></w:style>
  <w:style w:type="paragraph" w:styleId="Loop2"><w:name w:val="loop"/><w:basedOn w:val="Loop1"/></w:style>
</w:styles>)";

// A DOCX of our own making around `body` (WordprocessingML paragraphs and tables).
std::string docx_with(const std::string& body, const std::string& styles = kGermanStyles) {
    ZipWriter zip;
    zip.add("[Content_Types].xml", "<Types/>");
    zip.add("word/document.xml", kDocumentStart + body + kDocumentEnd);
    if (!styles.empty())
        zip.add("word/styles.xml", styles);
    return zip.finish();
}

TEST_CASE("extract_docx_reads_every_value_of_an_exported_cv_in_order") {
    const auto doc = extract_docx(exported_docx(), {});
    auto resume = test::resume_fixture("rich.json");
    test::check_in_order(test::squeezed(joined(doc)),
                         test::value_blocks(resume, test::section_order_of("classic")),
                         [](const std::string& s) { return test::squeezed(s); });
    CHECK(doc.pages == 0);
    const auto& name = doc.lines.at(index_of(doc, resume["basics"]["name"]));
    CHECK(name.paragraph_start);
    CHECK(name.size > 0);
    CHECK(doc.lines.at(index_of(doc, "Experience")).heading);
    const std::string highlight = resume["work"][0]["highlights"][0];
    CHECK(doc.lines.at(index_of(doc, highlight.substr(0, 20))).bullet);
}

TEST_CASE("extract_docx_resolves_translated_style_ids_by_their_names") {
    auto doc = extract_docx(
        docx_with(
            R"(<w:p><w:pPr><w:pStyle w:val="berschrift1"/></w:pPr><w:r><w:t>Berufserfahrung</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="MeineUeberschrift"/></w:pPr><w:r><w:t>Ausbildung</w:t></w:r></w:p>
<w:p><w:r><w:t>Plain text</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Listenabsatz"/></w:pPr><w:r><w:t>A list item</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>Numbered</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Loop1"/></w:pPr><w:r><w:t>Style loop</w:t></w:r></w:p>)"),
        {});
    REQUIRE(doc.lines.size() == 6);
    CHECK(doc.lines[0].heading);
    CHECK(doc.lines[0].bold);
    CHECK(doc.lines[0].size == 16);
    CHECK(doc.lines[1].heading);  // by inheritance from heading 1
    CHECK(!doc.lines[2].heading);
    CHECK(!doc.lines[2].bold);
    CHECK(doc.lines[2].size == 11);  // the document default
    CHECK(doc.lines[3].bullet);
    CHECK(doc.lines[4].bullet);
    CHECK(!doc.lines[5].bullet);
    for (const auto& line : doc.lines)
        CHECK(line.paragraph_start);
}

TEST_CASE("extract_docx_reads_tables_by_row_text_boxes_once_tabs_and_breaks") {
    auto doc = extract_docx(docx_with(R"(
<w:p><w:r><w:rPr><w:b/><w:sz w:val="28"/></w:rPr><w:t>Senior Engineer</w:t></w:r><w:r><w:tab/><w:t>2019 – 2024</w:t></w:r></w:p>
<w:p><w:r><w:t>First line</w:t><w:br/><w:t xml:space="preserve">  second line </w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>A1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>B1</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>A2</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>B2</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:r><w:t>Anchor</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>
<w:txbxContent><w:p><w:r><w:t>Box text</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>
<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>Box text</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
<w:p><w:r><w:t>• Typed bullet</w:t></w:r></w:p>
<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Mostly bold text</w:t></w:r><w:r><w:t>, not</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">   </w:t></w:r></w:p>)"),
                            {});
    std::vector<std::string> texts;
    for (const auto& line : doc.lines)
        texts.push_back(line.text);
    CHECK(texts == std::vector<std::string>{"Senior Engineer\t2019 – 2024", "First line",
                                            "second line", "A1", "B1", "A2", "B2", "Anchor",
                                            "Box text", "Typed bullet", "Mostly bold text, not"});
    CHECK(doc.lines[0].size == 14);
    CHECK(doc.lines[1].paragraph_start);
    CHECK(!doc.lines[2].paragraph_start);
    CHECK(doc.lines[9].bullet);
    CHECK(doc.lines[10].bold);
}

TEST_CASE("extract_docx_refuses_a_zip_bomb") {
    ZipWriter zip;
    zip.add("word/document.xml", std::string(kDocumentStart) + kDocumentEnd);
    zip.add("word/media/bomb.bin", std::string(20u << 20, '\0'));  // ~1000:1 when deflated
    auto e = refusal(zip.finish());
    CHECK(e.code() == ErrorCode::payload_too_large);
    CHECK(says(e, "200 times"));
}

TEST_CASE("extract_docx_refuses_more_unpacked_bytes_than_the_limit") {
    ImportLimits limits;
    limits.docx_max_uncompressed = 4096;
    auto e = refusal(exported_docx(), limits);
    CHECK(e.code() == ErrorCode::payload_too_large);
    CHECK(says(e, "more than 4 KiB"));
}

TEST_CASE("extract_docx_refuses_too_many_entries") {
    ZipWriter zip;
    zip.add("word/document.xml", std::string(kDocumentStart) + kDocumentEnd);
    for (int i = 0; i < 1001; ++i)
        zip.add("word/media/" + std::to_string(i) + ".txt", "x");
    auto e = refusal(zip.finish());
    CHECK(e.code() == ErrorCode::payload_too_large);
    CHECK(says(e, "more than 1000 files"));
}

// A hostile archive whose directory says word/document.xml is 100 bytes long when it
// unpacks to megabytes: the bytes actually unpacked are what count.
TEST_CASE("extract_docx_counts_the_bytes_it_unpacks_not_the_sizes_headers_declare") {
    const std::string big = std::string(kDocumentStart) + "<w:p><w:r><w:t>" +
                            std::string(3u << 20, 'a') + "</w:t></w:r></w:p>" + kDocumentEnd;
    ZipWriter zip;
    zip.add("word/document.xml", big);
    std::string bytes = zip.finish();
    const auto declared = static_cast<std::uint32_t>(big.size());
    const std::uint32_t lie = 100;
    // Every copy of the size (local header, central directory, data descriptor) is replaced.
    std::size_t replaced = 0;
    for (std::size_t at = 0; at + 4 <= bytes.size(); ++at) {
        if (std::memcmp(bytes.data() + at, &declared, 4) == 0) {
            std::memcpy(bytes.data() + at, &lie, 4);
            ++replaced;
        }
    }
    REQUIRE(replaced > 0);
    ImportLimits limits;
    limits.docx_max_uncompressed = 1u << 20;
    auto e = refusal(bytes, limits);
    // The directory passes (100 bytes from about 3 KiB); the unpacking does not.
    CHECK(e.code() == ErrorCode::payload_too_large);
    CHECK(says(e, "times its packed size"));
}

TEST_CASE("extract_docx_refuses_a_zip_that_is_not_a_word_document") {
    ZipWriter zip;
    zip.add("notes.txt", "hello");
    auto e = refusal(zip.finish());
    CHECK(e.code() == ErrorCode::unsupported_media);
    CHECK(says(e, "not a Word document"));
}

TEST_CASE("extract_docx_refuses_a_damaged_zip") {
    const std::string& docx = exported_docx();
    for (const std::string& bytes : {std::string("PK\x03\x04garbage", 11),
                                     docx.substr(0, docx.size() / 2), docx.substr(0, 100)}) {
        auto e = refusal(bytes);
        INFO(std::string(e.what()));
        CHECK(e.code() == ErrorCode::bad_request);
        CHECK(says(e, "damaged"));
    }
    auto e = refusal(docx_with("<w:p><w:r><w:t>unclosed</w:r></w:p>"));
    CHECK(e.code() == ErrorCode::bad_request);
    CHECK(says(e, "damaged"));
}

TEST_CASE("extract_docx_refuses_a_document_without_text") {
    auto e = refusal(import_fixture("image_only.docx"));
    CHECK(e.code() == ErrorCode::bad_request);
    CHECK(says(e, "No text found"));
}

TEST_CASE("detect_kind_refuses_ole_files_old_doc_or_password_protected_docx") {
    try {
        detect_kind(import_fixture("word97.doc"), {});
        FAIL("an OLE file was accepted");
    } catch (const Error& e) {
        CHECK(e.code() == ErrorCode::unsupported_media);
        CHECK(says(e, "DOCX"));
        CHECK(says(e, "password"));
    }
}

}  // namespace
}  // namespace vitae::cv
