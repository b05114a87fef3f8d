#include "cv/cv_docx.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <pugixml.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "core/utf8.hpp"
#include "cv/cv_view.hpp"
#include "cv/word_body.hpp"
#include "support/resume_fixture.hpp"
#include "support/temp_dir.hpp"
#include "support/tool.hpp"

namespace vitae::cv {
namespace {

using nlohmann::json;
using test::resume_fixture;

const DocxOptions kOptions{"Zoë Ångström – CV", "Zoë Ångström", "sv-SE"};

const std::vector<std::string> kParts = {"[Content_Types].xml", "_rels/.rels",
                                         "word/document.xml",   "word/_rels/document.xml.rels",
                                         "word/styles.xml",     "word/numbering.xml",
                                         "word/settings.xml",   "docProps/core.xml",
                                         "docProps/app.xml"};

struct Entry {
    std::string name;
    std::string data;
};

// The files of a zip archive in archive order, read back by libarchive; any error (bad
// CRC, truncation, inconsistent headers) fails the test. The seekable reader goes through
// the central directory, the streaming one through the local headers.
std::vector<Entry> unzip(const std::string& bytes, bool seekable = true) {
    std::unique_ptr<archive, decltype(&archive_read_free)> a(archive_read_new(),
                                                             &archive_read_free);
    if (seekable)
        archive_read_support_format_zip_seekable(a.get());
    else
        archive_read_support_format_zip_streamable(a.get());
    REQUIRE(archive_read_open_memory(a.get(), bytes.data(), bytes.size()) == ARCHIVE_OK);
    std::vector<Entry> entries;
    for (;;) {
        archive_entry* entry = nullptr;
        int status = archive_read_next_header(a.get(), &entry);
        if (status == ARCHIVE_EOF)
            break;
        const char* error = archive_error_string(a.get());
        INFO(std::string(error ? error : ""));
        REQUIRE(status == ARCHIVE_OK);
        Entry out{archive_entry_pathname(entry), {}};
        char buffer[8192];
        la_ssize_t n = 0;
        while ((n = archive_read_data(a.get(), buffer, sizeof buffer)) > 0)
            out.data.append(buffer, static_cast<std::size_t>(n));
        REQUIRE(n == 0);
        entries.push_back(std::move(out));
    }
    return entries;
}

std::map<std::string, std::string> parts_of(const std::string& docx) {
    std::map<std::string, std::string> parts;
    for (auto& entry : unzip(docx))
        REQUIRE(parts.emplace(entry.name, std::move(entry.data)).second);
    return parts;
}

// pugixml is not a validating parser, so what XML 1.0 forbids is checked on the bytes.
void check_xml_1_0(const std::string& xml) {
    REQUIRE(core::is_utf8(xml));
    auto forbidden = std::find_if(xml.begin(), xml.end(), [](char c) {
        return static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\r' && c != '\t';
    });
    CHECK(forbidden == xml.end());
    CHECK(xml.find("&#") == std::string::npos);
    CHECK(xml.find("\xC2\x85") == std::string::npos);
    CHECK(xml.find("\xEF\xBF\xBE") == std::string::npos);
    CHECK(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>", 0) == 0);
}

std::unique_ptr<pugi::xml_document> parse_xml(const std::string& xml) {
    check_xml_1_0(xml);
    auto doc = std::make_unique<pugi::xml_document>();
    // Whitespace-only runs such as " " between two values are text, as Word reads them.
    auto result = doc->load_buffer(
        xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_utf8);
    INFO(result.description());
    REQUIRE(result);
    return doc;
}

void collect_text(pugi::xml_node node, std::string& out) {
    for (auto child : node.children()) {
        if (std::string_view(child.name()) == "w:t")
            out += child.text().get();
        else
            collect_text(child, out);
    }
}

struct Paragraph {
    std::string style;
    std::string text;
    std::string num_id;  // of w:numPr, empty when not a list item
    std::string level;
    bool keep_next = false;
    std::vector<std::pair<std::string, std::string>> links;  // (r:id, shown text)
};

struct Link {
    std::string type;
    std::string target;
    std::string mode;
};

// A DOCX read back: its parts, paragraphs and relationships.
struct Docx {
    std::map<std::string, std::string> parts;
    std::vector<Paragraph> paragraphs;
    std::map<std::string, Link> rels;

    std::string text() const {
        std::string out;
        for (const auto& p : paragraphs)
            out += p.text + "\n";
        return out;
    }
    std::vector<std::string> texts_in(std::string_view style) const {
        std::vector<std::string> out;
        for (const auto& p : paragraphs) {
            if (p.style == style)
                out.push_back(p.text);
        }
        return out;
    }
};

Paragraph paragraph_of(pugi::xml_node p) {
    Paragraph out;
    auto properties = p.child("w:pPr");
    out.style = properties.child("w:pStyle").attribute("w:val").value();
    out.keep_next = static_cast<bool>(properties.child("w:keepNext"));
    out.num_id = properties.child("w:numPr").child("w:numId").attribute("w:val").value();
    out.level = properties.child("w:numPr").child("w:ilvl").attribute("w:val").value();
    collect_text(p, out.text);
    for (auto link : p.children("w:hyperlink")) {
        std::string shown;
        collect_text(link, shown);
        out.links.emplace_back(link.attribute("r:id").value(), shown);
    }
    return out;
}

Docx read_docx(const std::string& bytes) {
    Docx docx{parts_of(bytes), {}, {}};
    for (const auto& [name, xml] : docx.parts) {
        INFO(name);
        parse_xml(xml);
    }
    auto document = parse_xml(docx.parts["word/document.xml"]);
    auto body = document->child("w:document").child("w:body");
    REQUIRE(body);
    for (auto p : body.children("w:p"))
        docx.paragraphs.push_back(paragraph_of(p));
    CHECK(std::string_view(body.last_child().name()) == "w:sectPr");
    auto rels = parse_xml(docx.parts["word/_rels/document.xml.rels"]);
    for (auto rel : rels->child("Relationships").children("Relationship")) {
        Link link{rel.attribute("Type").value(), rel.attribute("Target").value(),
                  rel.attribute("TargetMode").value()};
        REQUIRE(docx.rels.emplace(rel.attribute("Id").value(), link).second);
    }
    return docx;
}

std::string attribute_at(const std::string& xml, const char* xpath, const char* attribute) {
    auto doc = parse_xml(xml);
    return doc->select_node(xpath).node().attribute(attribute).value();
}

std::string text_at(const std::string& xml, const char* xpath) {
    auto doc = parse_xml(xml);
    return doc->select_node(xpath).node().text().get();
}

std::string identity(const std::string& value) {
    return value;
}

// The values the renderers show, in schema order, as in the HTML and text exports.
void check_every_value_in_order(const std::string& text, const json& resume) {
    test::check_in_order(text, test::resume_blocks(test::shown_part(resume), test::kSchemaOrder),
                         identity);
}

std::vector<std::string> strings_at(const json& resume, const char* section, const char* field) {
    std::vector<std::string> out;
    for (const auto& entry : resume.value(section, json::array())) {
        for (const auto& item : entry.value(field, json::array()))
            out.push_back(item.get<std::string>());
    }
    return out;
}

TEST_CASE("docx_is_a_zip_of_every_part_word_needs_with_content_types_first") {
    auto bytes = render_cv_docx(resume_fixture("every_section.json"), kOptions);
    auto seekable = unzip(bytes, true);
    auto streamed = unzip(bytes, false);
    REQUIRE(seekable.size() == kParts.size());
    REQUIRE(streamed.size() == kParts.size());
    for (std::size_t i = 0; i < kParts.size(); ++i) {
        CHECK(seekable[i].name == kParts[i]);
        CHECK(streamed[i].name == kParts[i]);
        CHECK(seekable[i].data == streamed[i].data);
    }
    auto docx = read_docx(bytes);
    auto types = parse_xml(docx.parts["[Content_Types].xml"]);
    for (const auto& name : kParts) {
        if (name.ends_with(".rels") || name == "[Content_Types].xml")
            continue;
        auto query = "/Types/Override[@PartName='/" + name + "']";
        CHECK_MESSAGE(types->select_node(query.c_str()), name);
    }
    auto package = parse_xml(docx.parts["_rels/.rels"]);
    for (auto rel : package->child("Relationships").children("Relationship"))
        CHECK(docx.parts.count(rel.attribute("Target").value()) == 1);
    for (const auto& [id, link] : docx.rels) {
        if (link.mode != "External")
            CHECK(docx.parts.count("word/" + link.target) == 1);
    }
}

TEST_CASE("docx_shows_every_value_of_the_fixtures_in_section_order") {
    for (const auto* name : {"every_section.json", "rich.json"}) {
        CAPTURE(name);
        auto resume = resume_fixture(name);
        auto docx = read_docx(render_cv_docx(resume, kOptions));
        check_every_value_in_order(docx.text(), resume);
    }
    auto docx = read_docx(render_cv_docx(resume_fixture("every_section.json"), kOptions));
    CHECK(docx.text().find("Designed the R&D team's fault-injection test harness") !=
          std::string::npos);
    CHECK(docx.parts["word/document.xml"].find("R&amp;D team") != std::string::npos);
    CHECK(docx.text().find("Stockholm, Sweden | 2019-03 – present") != std::string::npos);
}

TEST_CASE("docx_uses_title_heading_and_list_styles_not_one_text_blob") {
    auto resume = resume_fixture("every_section.json");
    auto docx = read_docx(render_cv_docx(resume, kOptions));
    REQUIRE(docx.paragraphs.size() > 2);
    CHECK(docx.paragraphs[0].style == "Title");
    CHECK(docx.paragraphs[0].text == "Zoë Ångström");
    CHECK(docx.paragraphs[1].style == "Subtitle");
    CHECK(docx.paragraphs[1].text == "Principal Software Engineer & Team Lead");
    CHECK(docx.texts_in("Title").size() == 1);
    CHECK(docx.texts_in("Heading1") ==
          std::vector<std::string>{"Summary", "Experience", "Volunteering", "Education", "Awards",
                                   "Certificates", "Publications", "Skills", "Languages",
                                   "Interests", "References", "Projects"});
    auto entries = docx.texts_in("Heading2");
    CHECK(entries.size() == 26);
    CHECK(entries.front() == "Principal Engineer, Nordlys Data AB");
    CHECK(std::count(entries.begin(), entries.end(),
                     "Distributed Systems, Expert: Raft, Erasure coding, Consistent hashing") == 1);
    CHECK(entries.back() == "Ελληνική μετάφραση του Raft paper");

    std::vector<std::string> highlights;
    for (const auto* section : {"work", "volunteer"}) {
        auto more = strings_at(resume, section, "highlights");
        highlights.insert(highlights.end(), more.begin(), more.end());
    }
    auto courses = strings_at(resume, "education", "courses");
    highlights.insert(highlights.end(), courses.begin(), courses.end());
    auto projects = strings_at(resume, "projects", "highlights");
    highlights.insert(highlights.end(), projects.begin(), projects.end());
    CHECK(docx.texts_in("ListBullet") == highlights);
    for (const auto& p : docx.paragraphs) {
        CAPTURE(p.text);
        CHECK((p.style == "ListBullet") == !p.num_id.empty());
        if (p.style == "ListBullet") {
            CHECK(p.num_id == "1");
            CHECK(p.level == "0");
        }
    }
    auto numbering = docx.parts["word/numbering.xml"];
    CHECK(attribute_at(numbering, "/w:numbering/w:num[@w:numId='1']/w:abstractNumId", "w:val") ==
          "0");
    CHECK(attribute_at(numbering, "/w:numbering/w:abstractNum[@w:abstractNumId='0']/w:lvl/w:numFmt",
                       "w:val") == "bullet");
}

TEST_CASE("every_style_the_document_uses_is_defined_with_the_names_word_knows") {
    auto docx = read_docx(render_cv_docx(resume_fixture("every_section.json"), kOptions));
    auto styles = docx.parts["word/styles.xml"];
    auto defined = parse_xml(styles);
    for (const auto& p : docx.paragraphs) {
        auto query = "/w:styles/w:style[@w:type='paragraph'][@w:styleId='" + p.style + "']";
        CHECK_MESSAGE(defined->select_node(query.c_str()), p.style);
    }
    const std::map<std::string, std::string> names = {{"Title", "Title"},
                                                      {"Heading1", "heading 1"},
                                                      {"Heading2", "heading 2"},
                                                      {"ListBullet", "List Bullet"},
                                                      {"Hyperlink", "Hyperlink"}};
    for (const auto& [id, name] : names) {
        auto query = "/w:styles/w:style[@w:styleId='" + id + "']/w:name";
        CHECK(attribute_at(styles, query.c_str(), "w:val") == name);
    }
    CHECK(attribute_at(styles, "/w:styles/w:style[@w:styleId='Heading1']/w:pPr/w:outlineLvl",
                       "w:val") == "0");
}

TEST_CASE("entry_headings_are_kept_with_the_first_line_below_them") {
    auto docx = read_docx(render_cv_docx(resume_fixture("every_section.json"), kOptions));
    auto styles = parse_xml(docx.parts["word/styles.xml"]);
    CHECK(styles->select_node("/w:styles/w:style[@w:styleId='Heading1']/w:pPr/w:keepNext"));
    const auto& ps = docx.paragraphs;
    int kept = 0;
    for (std::size_t i = 0; i + 1 < ps.size(); ++i) {
        CAPTURE(ps[i].text);
        bool head = ps[i].style == "Heading2" ||
                    (ps[i].style == "EntryDetails" && i > 0 && ps[i - 1].style == "Heading2");
        if (!head)
            continue;
        // A head followed by its own entry's lines is kept with them; a head alone (a skill,
        // a language) is not chained to the next entry.
        bool entry_goes_on = ps[i + 1].style != "Heading2" && ps[i + 1].style != "Heading1";
        CHECK(ps[i].keep_next == entry_goes_on);
        kept += ps[i].keep_next ? 1 : 0;
    }
    CHECK(kept > 20);
}

TEST_CASE("only_http_and_https_urls_and_email_addresses_become_hyperlinks") {
    auto docx = read_docx(render_cv_docx(resume_fixture("every_section.json"), kOptions));
    std::vector<std::string> targets;
    int shown = 0;
    for (const auto& p : docx.paragraphs) {
        for (const auto& [id, text] : p.links) {
            CAPTURE(text);
            REQUIRE(docx.rels.count(id) == 1);
            const auto& rel = docx.rels[id];
            CHECK(rel.type ==
                  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink");
            CHECK(rel.mode == "External");
            CHECK((rel.target == text || rel.target == "mailto:" + text));
            targets.push_back(rel.target);
            ++shown;
        }
    }
    for (const auto* url :
         {"https://zoe.example.org", "https://github.com/zangstrom", "https://nordlys.example.com",
          "https://github.com/zangstrom/tinykv", "mailto:zoe.angstrom@example.org"}) {
        CAPTURE(url);
        CHECK(std::count(targets.begin(), targets.end(), url) == 1);
    }
    CHECK(shown == 9);
    for (const auto& [id, rel] : docx.rels) {
        CHECK(rel.target.find("javascript") == std::string::npos);
        CHECK(rel.target.find("ftp:") == std::string::npos);
    }
    CHECK(docx.text().find("Mastodon: @zoe@fosstodon.example javascript:alert('profile')") !=
          std::string::npos);
    CHECK(docx.text().find("\nftp://legacy.example.gr\n") != std::string::npos);
}

TEST_CASE("core_properties_carry_title_and_author_and_the_language_reaches_w_lang") {
    auto docx = read_docx(render_cv_docx(resume_fixture("rich.json"), kOptions));
    auto core = docx.parts["docProps/core.xml"];
    CHECK(text_at(core, "/cp:coreProperties/dc:title") == "Zoë Ångström – CV");
    CHECK(text_at(core, "/cp:coreProperties/dc:creator") == "Zoë Ångström");
    CHECK(text_at(core, "/cp:coreProperties/dc:language") == "sv-SE");
    CHECK(attribute_at(docx.parts["word/styles.xml"],
                       "/w:styles/w:docDefaults/w:rPrDefault/w:rPr/w:lang", "w:val") == "sv-SE");
    CHECK(text_at(docx.parts["docProps/app.xml"], "/Properties/Application").rfind("Vitae", 0) ==
          0);

    for (const std::string language : {"", "x", "en\" w:eastAsia=\"zh", "<script>", "-en"}) {
        CAPTURE(language);
        auto other = read_docx(render_cv_docx(resume_fixture("rich.json"), {"", "", language}));
        auto styles = parse_xml(other.parts["word/styles.xml"]);
        CHECK_FALSE(styles->select_node("//w:lang"));
        auto props = parse_xml(other.parts["docProps/core.xml"]);
        CHECK_FALSE(props->select_node("//dc:language"));
        CHECK_FALSE(props->select_node("//dc:title"));
    }
}

TEST_CASE("hostile_text_in_every_field_comes_out_as_text") {
    const std::vector<std::string> attacks = {
        "<script>alert(1)</script>",
        "\"/></w:t></w:r><w:hyperlink r:id=\"rId1\"><w:r><w:t>pwned",
        "]]><!-- --><?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"boom\">]>&e;&amp;",
        "https://x.example/a b\"c<d>'é%zz%41\" TargetMode=\"Internal",
        "javascript:alert(1)",
    };
    for (const auto& attack : attacks) {
        CAPTURE(attack);
        auto hostile = test::map_strings(resume_fixture("rich.json"),
                                         [&](const std::string&) { return attack; });
        auto docx = read_docx(render_cv_docx(hostile, {attack, attack, attack}));
        CHECK(docx.paragraphs.front().style == "Title");
        CHECK(docx.paragraphs.front().text == attack);
        for (const auto& p : docx.paragraphs) {
            CAPTURE(p.style);
            if (p.style != "Heading1")
                CHECK(p.text.find(attack) != std::string::npos);
        }
        auto core = docx.parts["docProps/core.xml"];
        CHECK(text_at(core, "/cp:coreProperties/dc:title") == attack);
        CHECK(text_at(core, "/cp:coreProperties/dc:creator") == attack);
        auto document = parse_xml(docx.parts["word/document.xml"]);
        CHECK_FALSE(document->select_node("//script"));
        auto links = document->select_nodes("//w:hyperlink").size();
        CHECK((is_web_url(attack) ? links > 0 : links == 0));
        for (const auto& [id, rel] : docx.rels) {
            CAPTURE(rel.target);
            CHECK(rel.target.find_first_of(" \"<>") == std::string::npos);
            if (rel.type.ends_with("/hyperlink")) {
                CHECK(rel.mode == "External");
                CHECK(rel.target == uri_of(attack));
            }
        }
    }
}

TEST_CASE("characters_xml_cannot_carry_are_dropped_and_broken_utf8_replaced") {
    using namespace std::string_literals;
    const auto raw = "A\x01"s + '\0' +
                     "B\x0b"
                     "C\x1f"
                     "D\x7f"
                     "E\xC2\x85"
                     "F\xEF\xBF\xBE"
                     "G\tH\r\nI\xFFJ\xC3"
                     "K"s;
    const auto shown = "ABCDEFG H  I\xEF\xBF\xBDJ\xEF\xBF\xBDK"s;
    json resume = {{"basics",
                    {{"name", raw},
                     {"url",
                      "https://x.example/\x01"
                      "a\x7f"
                      "b"},
                     {"summary", raw}}},
                   {"work", {{{"position", raw}, {"highlights", {raw}}}}}};
    auto docx = read_docx(render_cv_docx(resume, {raw, raw, raw}));
    CHECK(docx.paragraphs[0].text == shown);
    CHECK(docx.texts_in("Heading2") == std::vector<std::string>{shown});
    CHECK(docx.texts_in("ListBullet") == std::vector<std::string>{shown});
    CHECK(text_at(docx.parts["docProps/core.xml"], "/cp:coreProperties/dc:title") == shown);
    CHECK(docx.rels.at(docx.paragraphs[1].links.at(0).first).target == "https://x.example/ab");
}

TEST_CASE("resumes_with_missing_or_wrong_typed_fields_still_give_a_valid_docx") {
    const auto documents = test::wrong_typed_resumes(resume_fixture("rich.json"));
    for (const auto& doc : documents) {
        CAPTURE(doc.dump());
        auto docx = read_docx(render_cv_docx(doc, {}));
        CHECK(docx.parts.size() == kParts.size());
    }
    CHECK(read_docx(render_cv_docx(json(), {})).paragraphs.empty());
    auto acme = read_docx(render_cv_docx(documents[7], {}));
    CHECK(acme.texts_in("Heading2") == std::vector<std::string>{"Acme"});
    auto skills = read_docx(render_cv_docx(documents[8], {})).text();
    CHECK(skills.find("Go: fast") != std::string::npos);
    CHECK(skills.find("KTH") != std::string::npos);
}

TEST_CASE("the_same_cv_exports_to_the_same_bytes") {
    auto resume = resume_fixture("rich.json");
    CHECK(render_cv_docx(resume, kOptions) == render_cv_docx(resume, kOptions));
}

TEST_CASE("link_targets_are_uris_word_accepts") {
    CHECK(uri_of("https://example.org/a?b=c&d#e") == "https://example.org/a?b=c&d#e");
    CHECK(uri_of("https://example.org/a b") == "https://example.org/a%20b");
    CHECK(uri_of("https://example.org/é") == "https://example.org/%C3%A9");
    CHECK(uri_of("https://example.org/%41%zz%4") == "https://example.org/%41%25zz%254");
    CHECK(uri_of("https://x/\"<>\\^`{|}") == "https://x/%22%3C%3E%5C%5E%60%7B%7C%7D");
}

// ---- Third-party readers: Info-ZIP's unzip and LibreOffice ----

std::string file_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void write_file(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

TEST_CASE("info_zip_finds_no_errors_in_the_docx") {
    REQUIRE_MESSAGE(std::filesystem::exists("/usr/bin/unzip"),
                    "unzip is a test dependency: packaging/install-deps.sh test");
    test::TempDir dir("vitae-docx");
    write_file(dir / "cv.docx", render_cv_docx(resume_fixture("rich.json"), kOptions));
    auto run = test::run_tool({"/usr/bin/unzip", "-t", (dir / "cv.docx").string()},
                              std::chrono::seconds(30));
    INFO(run.out << run.err);
    CHECK(run.exit_code == 0);
    CHECK(run.out.find("No errors detected") != std::string::npos);
}

// The launcher's notice that no Java runtime is installed is about the machine, not the
// file; anything else LibreOffice says on stderr is.
std::string complaints(const std::string& err) {
    std::string out;
    std::istringstream lines(err);
    for (std::string line; std::getline(lines, line);) {
        if (line.find("failed to launch javaldx") == std::string::npos && !line.empty())
            out += line + "\n";
    }
    return out;
}

// One LibreOffice run converts every file: its start-up takes seconds.
TEST_CASE("libreoffice_opens_the_docx_and_reads_every_value_in_order") {
    const std::filesystem::path soffice = "/usr/bin/soffice";
    if (!std::filesystem::exists(soffice)) {
        MESSAGE("skipped: LibreOffice (soffice) is not installed");
        return;
    }
    test::TempDir dir("vitae-docx-lo");
    const std::string hostile = "<script>alert(1)</script> & \x01 Ω";
    auto hostile_resume = test::map_strings(resume_fixture("every_section.json"),
                                            [&](const std::string&) { return hostile; });
    std::map<std::string, json> inputs = {{"every_section", resume_fixture("every_section.json")},
                                          {"rich", resume_fixture("rich.json")},
                                          {"hostile", hostile_resume}};
    std::vector<std::string> args = {
        soffice.string(), "-env:UserInstallation=file://" + (dir / "profile").string(),
        "--headless",     "--norestore",
        "--convert-to",   "txt:Text (encoded):UTF8",
        "--outdir",       (dir / "out").string()};
    for (const auto& [name, resume] : inputs) {
        write_file(dir / (name + ".docx"), render_cv_docx(resume, kOptions));
        args.push_back((dir / (name + ".docx")).string());
    }
    auto run = test::run_tool(args, std::chrono::seconds(180));
    INFO("stdout: " << run.out << "stderr: " << run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(complaints(run.err).empty());
    for (const auto& [name, resume] : inputs) {
        CAPTURE(name);
        auto path = dir / "out" / (name + ".txt");
        REQUIRE(std::filesystem::exists(path));
        auto text = file_text(path);
        if (name == "hostile") {
            CHECK(text.find("<script>alert(1)</script> &  Ω") != std::string::npos);
            continue;
        }
        check_every_value_in_order(text, resume);
    }
}

}  // namespace
}  // namespace vitae::cv
