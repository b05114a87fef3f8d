// render_cv_docx: the Word export, from the same view as the HTML templates and the plain
// text, so all three show the same values in the same order.
#include "cv/cv_docx.hpp"

#include "cv/cv_view.hpp"
#include "cv/docx_parts.hpp"
#include "cv/resume.hpp"
#include "cv/word_body.hpp"
#include "cv/zip_writer.hpp"

namespace vitae::cv {

namespace {

namespace style = docx_style;

// One value of a line of values; those with a url become hyperlinks.
struct Piece {
    std::string text;
    std::string url;
};

void add_pieces(WordParagraph& paragraph, const std::vector<Piece>& pieces,
                std::string_view separator) {
    bool first = true;
    for (const auto& piece : pieces) {
        if (piece.text.empty())
            continue;
        if (!first)
            paragraph.text(separator);
        first = false;
        if (piece.url.empty())
            paragraph.text(piece.text);
        else
            paragraph.link(piece.text, piece.url);
    }
}

bool has_text(const std::vector<Piece>& pieces) {
    for (const auto& piece : pieces) {
        if (!piece.text.empty())
            return true;
    }
    return false;
}

// Only http(s) URLs become links, as in the HTML templates; anything else stays text.
Piece piece_of(const CvLink& link) {
    return {link.text, link.is_link ? link.text : std::string()};
}

Piece email_piece(const std::string& email) {
    return {email, is_email(email) ? "mailto:" + email : std::string()};
}

void add_line(WordBody& body, const char* style_id, const std::vector<Piece>& pieces,
              std::string_view separator = " · ") {
    if (!has_text(pieces))
        return;
    auto paragraph = body.paragraph(style_id);
    add_pieces(paragraph, pieces, separator);
}

void add_paragraphs(WordBody& body, const char* style_id, const std::vector<std::string>& texts,
                    RunLook look = RunLook::plain) {
    for (const auto& text : texts) {
        if (!text.empty())
            body.paragraph(style_id).text(text, look);
    }
}

void add_profile(WordBody& body, const CvProfile& profile) {
    auto who = joined({profile.network, profile.username}, ": ");
    add_line(body, style::kContact, {{who, ""}, piece_of(profile.url)}, " ");
}

void add_basics(WordBody& body, const CvBasics& basics) {
    add_line(body, style::kTitle, {{basics.name, ""}});
    add_line(body, style::kSubtitle, {{basics.label, ""}});
    add_line(body, style::kContact,
             {email_piece(basics.email), {basics.phone, ""}, piece_of(basics.url)});
    add_line(body, style::kContact, {{basics.location, ""}});
    for (const auto& profile : basics.profiles)
        add_profile(body, profile);
    if (basics.summary.empty())
        return;
    body.paragraph(style::kHeading1).text("Summary");
    add_paragraphs(body, style::kNormal, basics.summary);
}

bool has_heading(const CvEntry& e, bool inline_keywords) {
    return !e.title.empty() || !e.subtitle.empty() || (inline_keywords && !e.keywords.empty());
}

bool has_details(const CvEntry& e) {
    return !e.where.empty() || !e.dates.empty();
}

bool has_body(const CvEntry& e, bool inline_keywords) {
    return !e.url.empty() || !e.description.empty() || !e.notes.empty() || !e.summary.empty() ||
           !e.highlights.empty() || (!inline_keywords && !e.keywords.empty());
}

// Title, then subtitle; short lists (skills, languages, interests) add their keywords,
// as the HTML templates do.
void add_entry_heading(WordBody& body, const CvEntry& e, bool inline_keywords, bool keep) {
    auto heading = body.paragraph(style::kHeading2);
    heading.text(e.title);
    if (!e.title.empty() && !e.subtitle.empty())
        heading.text(", ", RunLook::not_bold);
    heading.text(e.subtitle, RunLook::not_bold);
    if (inline_keywords && !e.keywords.empty())
        heading.text(": " + joined(e.keywords, ", "), RunLook::not_bold);
    if (keep)
        heading.keep_with_next();
}

// An entry's heading and its where/dates line stay on the page of the entry's first
// line below them.
void add_entry_head(WordBody& body, const CvEntry& e, bool inline_keywords) {
    bool details = has_details(e);
    bool more = has_body(e, inline_keywords);
    if (has_heading(e, inline_keywords))
        add_entry_heading(body, e, inline_keywords, details || more);
    if (!details)
        return;
    auto line = body.paragraph(style::kEntryDetails);
    add_pieces(line, {{e.where, ""}, {e.dates, ""}}, " | ");
    if (more)
        line.keep_with_next();
}

void add_entry(WordBody& body, const CvEntry& e, bool inline_keywords) {
    add_entry_head(body, e, inline_keywords);
    add_line(body, style::kEntryDetails, {piece_of(e.url)});
    add_paragraphs(body, style::kNormal, {e.description}, RunLook::italic);
    add_paragraphs(body, style::kNormal, e.notes);
    add_paragraphs(body, style::kNormal, e.summary);
    for (const auto& highlight : e.highlights)
        body.paragraph(style::kListBullet).list_item(kBulletList).text(highlight);
    if (!inline_keywords)
        add_line(body, style::kKeywords, {{joined(e.keywords, ", "), ""}});
}

void add_section(WordBody& body, const CvSection& section) {
    body.paragraph(style::kHeading1).text(section.heading);
    for (const auto& entry : section.entries)
        add_entry(body, entry, section.side);
}

}  // namespace

std::string render_cv_docx(const nlohmann::json& resume, const DocxOptions& options) {
    auto view = cv_view_of(resume);
    WordBody body;
    add_basics(body, view.basics);
    for (const auto& section : view.sections)
        add_section(body, section);

    // A tag Word would not understand is left out: the reader's own language applies.
    std::string language = is_language_tag(options.language) ? options.language : "";
    ZipWriter zip;
    // [Content_Types].xml first: some readers sniff the package from its first entry.
    zip.add("[Content_Types].xml", content_types_xml());
    zip.add("_rels/.rels", package_rels_xml());
    zip.add("word/document.xml", body.document_xml());
    zip.add("word/_rels/document.xml.rels", document_rels_xml(body.links()));
    zip.add("word/styles.xml", styles_xml(language));
    zip.add("word/numbering.xml", numbering_xml());
    zip.add("word/settings.xml", settings_xml());
    zip.add("docProps/core.xml", core_xml(options.title, options.author, language));
    zip.add("docProps/app.xml", app_xml());
    return zip.finish();
}

}  // namespace vitae::cv
