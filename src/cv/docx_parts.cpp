#include "cv/docx_parts.hpp"

#include "core/error.hpp"
#include "cv/docx_xml.hpp"

namespace vitae::cv {

namespace {

constexpr const char* kPackageRelationships =
    "http://schemas.openxmlformats.org/package/2006/relationships";

constexpr const char* kDeclaration =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>";

constexpr const char* kContentTypes =
    R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>)";

constexpr const char* kPackageRels =
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>)";

// Element order inside w:style, w:pPr and w:rPr follows the schema: Word refuses a file
// that breaks it. Sizes are half-points, spacing twentieths of a point.
constexpr const char* kStyles =
    R"(<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults>
 <w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/><w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr></w:rPrDefault>
 <w:pPrDefault><w:pPr><w:spacing w:after="60" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault>
</w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Subtitle"/><w:uiPriority w:val="10"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:after="40"/></w:pPr><w:rPr><w:b/><w:color w:val="1F2A44"/><w:kern w:val="28"/><w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Contact"/><w:uiPriority w:val="11"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:after="80"/></w:pPr><w:rPr><w:color w:val="404040"/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Contact"><w:name w:val="Contact"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="20"/></w:pPr><w:rPr><w:color w:val="404040"/><w:sz w:val="19"/><w:szCs w:val="19"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="1F2A44"/></w:pBdr><w:spacing w:before="280" w:after="100"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:bCs/><w:color w:val="1F2A44"/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="EntryDetails"/><w:uiPriority w:val="9"/><w:unhideWhenUsed/><w:qFormat/><w:pPr><w:keepLines/><w:spacing w:before="160" w:after="20"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="EntryDetails"><w:name w:val="Entry Details"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="40"/></w:pPr><w:rPr><w:i/><w:iCs/><w:color w:val="505050"/><w:sz w:val="19"/><w:szCs w:val="19"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="36"/><w:unhideWhenUsed/><w:qFormat/><w:pPr><w:spacing w:after="20"/><w:ind w:left="360" w:hanging="360"/><w:contextualSpacing/></w:pPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Keywords"><w:name w:val="Keywords"/><w:basedOn w:val="Normal"/><w:qFormat/><w:rPr><w:color w:val="505050"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>
</w:styles>)";

constexpr const char* kNumbering =
    R"(<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>)";

// Without a compatibility mode Word opens the file in "Compatibility Mode" (Word 2007).
constexpr const char* kSettings =
    R"(<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>)";

std::string with_declaration(const char* xml) {
    return std::string(kDeclaration) + xml;
}

void add_relationship(pugi::xml_node root, const std::string& id, const std::string& type,
                      const std::string& target) {
    auto rel = root.append_child("Relationship");
    rel.append_attribute("Id") = id.c_str();
    rel.append_attribute("Type") = (std::string(kRelationshipsNamespace) + "/" + type).c_str();
    rel.append_attribute("Target") = target.c_str();
}

void add_text_element(pugi::xml_node parent, const char* name, std::string_view text) {
    auto safe = xml_text(text);
    if (!safe.empty())
        parent.append_child(name).text().set(safe.c_str());
}

}  // namespace

std::string content_types_xml() {
    return with_declaration(kContentTypes);
}

std::string package_rels_xml() {
    return with_declaration(kPackageRels);
}

std::string document_rels_xml(const std::vector<WordLink>& links) {
    pugi::xml_document doc;
    auto root = start_part(doc, "Relationships");
    root.append_attribute("xmlns") = kPackageRelationships;
    add_relationship(root, "rId1", "styles", "styles.xml");
    add_relationship(root, "rId2", "numbering", "numbering.xml");
    add_relationship(root, "rId3", "settings", "settings.xml");
    for (const auto& link : links) {
        add_relationship(root, link.id, "hyperlink", link.target);
        root.last_child().append_attribute("TargetMode") = "External";
    }
    return xml_bytes(doc);
}

std::string styles_xml(std::string_view language) {
    pugi::xml_document doc;
    if (!doc.load_string(with_declaration(kStyles).c_str(),
                         pugi::parse_default | pugi::parse_declaration))
        throw Error(ErrorCode::internal, "The DOCX styles are not well-formed XML.");
    if (!language.empty()) {
        auto defaults = doc.child("w:styles").child("w:docDefaults").child("w:rPrDefault");
        // w:lang is the last of these run properties in the schema's order.
        auto lang = defaults.child("w:rPr").append_child("w:lang");
        lang.append_attribute("w:val") = std::string(language).c_str();
    }
    return xml_bytes(doc);
}

std::string numbering_xml() {
    return with_declaration(kNumbering);
}

std::string settings_xml() {
    return with_declaration(kSettings);
}

std::string core_xml(std::string_view title, std::string_view author, std::string_view language) {
    pugi::xml_document doc;
    auto root = start_part(doc, "cp:coreProperties");
    root.append_attribute("xmlns:cp") =
        "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
    root.append_attribute("xmlns:dc") = "http://purl.org/dc/elements/1.1/";
    add_text_element(root, "dc:title", title);
    add_text_element(root, "dc:creator", author);
    add_text_element(root, "dc:language", language);
    return xml_bytes(doc);
}

std::string app_xml() {
    pugi::xml_document doc;
    auto root = start_part(doc, "Properties");
    root.append_attribute("xmlns") =
        "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties";
    root.append_child("Application").text().set("Vitae " VITAE_VERSION);
    return xml_bytes(doc);
}

}  // namespace vitae::cv
