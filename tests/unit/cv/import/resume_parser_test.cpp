#include "cv/import/resume_parser.hpp"

#include <doctest/doctest.h>

#include <string>

#include "cv/import/plain_text.hpp"
#include "cv/resume.hpp"

using nlohmann::json;
using vitae::cv::parse_resume;
using vitae::cv::read_plain_text;
using vitae::cv::TextDocument;
using vitae::cv::TextLine;
using vitae::cv::validate;

namespace {

vitae::cv::ParsedResume parse_text(std::string_view text) {
    return parse_resume(read_plain_text(text));
}

bool has_note(const std::vector<std::string>& notes, std::string_view part) {
    for (const auto& n : notes) {
        if (n.find(part) != std::string::npos)
            return true;
    }
    return false;
}

constexpr const char* kPlainCv = R"(Maria Garcia
Senior Data Engineer
maria.garcia@example.org | +34 612 345 678 | Madrid, Spain
linkedin.com/in/maria-garcia | https://github.com/mgarcia

SUMMARY
Data engineer with eight years of experience building pipelines
and warehouses for retail and banking.

EXPERIENCE
Senior Data Engineer at Acme Retail GmbH            Jan 2020 – Present
- Built the streaming platform for 200 stores
- Cut nightly batch time from 6 h to 40 min

Data Engineer, Banco Ejemplo S.A.
Madrid | 03/2016 - 12/2019
- Migrated the warehouse to the cloud

EDUCATION
Master of Science in Computer Science
Universidad Politécnica de Madrid
2014 – 2016

SKILLS
Languages: Python, SQL, Scala
Tools: Airflow, Kafka, dbt

LANGUAGES
Spanish (native), English (C1), German – B1

CERTIFICATIONS
AWS Certified Data Analytics, Amazon Web Services, 2021

HOBBIES AND MORE
Chess and climbing
)";

}  // namespace

TEST_CASE("parse_resume_reads_a_plain_text_cv") {
    auto parsed = parse_text(kPlainCv);
    json r = parsed.resume;
    CAPTURE(r.dump(2));
    CHECK(r["basics"]["name"] == "Maria Garcia");
    CHECK(r["basics"]["label"] == "Senior Data Engineer");
    CHECK(r["basics"]["email"] == "maria.garcia@example.org");
    CHECK(r["basics"]["phone"] == "+34 612 345 678");
    CHECK(r["basics"]["location"]["city"] == "Madrid");
    CHECK(r["basics"]["location"]["countryCode"] == "ES");
    REQUIRE(r["basics"]["profiles"].size() == 2);
    CHECK(r["basics"]["profiles"][0]["network"] == "LinkedIn");
    CHECK(r["basics"]["profiles"][1]["username"] == "mgarcia");
    CHECK(r["basics"]["summary"].get<std::string>().starts_with("Data engineer with eight"));

    REQUIRE(r["work"].size() == 2);
    CHECK(r["work"][0]["position"] == "Senior Data Engineer");
    CHECK(r["work"][0]["name"] == "Acme Retail GmbH");
    CHECK(r["work"][0]["startDate"] == "2020-01");
    CHECK_FALSE(r["work"][0].contains("endDate"));
    CHECK(r["work"][0]["highlights"].size() == 2);
    CHECK(r["work"][1]["position"] == "Data Engineer");
    CHECK(r["work"][1]["name"] == "Banco Ejemplo S.A.");
    CHECK(r["work"][1]["location"] == "Madrid");
    CHECK(r["work"][1]["startDate"] == "2016-03");
    CHECK(r["work"][1]["endDate"] == "2019-12");

    REQUIRE(r["education"].size() == 1);
    CHECK(r["education"][0]["institution"] == "Universidad Politécnica de Madrid");
    CHECK(r["education"][0]["studyType"] == "Master of Science");
    CHECK(r["education"][0]["area"] == "Computer Science");
    CHECK(r["education"][0]["endDate"] == "2016");

    REQUIRE(r["skills"].size() == 2);
    CHECK(r["skills"][0]["name"] == "Languages");
    CHECK(r["skills"][0]["keywords"] == json({"Python", "SQL", "Scala"}));
    REQUIRE(r["languages"].size() == 3);
    CHECK(r["languages"][0] == json({{"language", "Spanish"}, {"fluency", "native"}}));
    CHECK(r["languages"][2] == json({{"language", "German"}, {"fluency", "B1"}}));
    REQUIRE(r["certificates"].size() == 1);
    CHECK(r["certificates"][0]["name"] == "AWS Certified Data Analytics");
    CHECK(r["certificates"][0]["issuer"] == "Amazon Web Services");
    CHECK(r["certificates"][0]["date"] == "2021");

    CHECK(r["interests"][0]["name"] == "Chess and climbing");
    CHECK(validate(r).empty());
}

TEST_CASE("parse_resume_reads_a_markdown_cv_with_separate_title_lines") {
    auto parsed = parse_text(R"(# James Carter

*Product Manager*

james.carter@example.com | (555) 123-4567 | Austin, TX | linkedin.com/in/jcarter-pm

## Profile

Product manager who ships B2B software customers pay for.

## Work Experience

### Bluebonnet Analytics

**Senior Product Manager**  
Jan 2020 – Present

- Launched self-serve dashboards

### Lone Star Freight Systems

**Product Manager**  
Jun 2017 – Dec 2019

- Owned the carrier mobile app

## Education

**MBA Business Administration**, University of Texas at Austin  
2013–2015

## Ehrenamt

Mentor, Code Club
2018 - 2020

## Skills

- Product: Roadmapping, User research
)");
    json r = parsed.resume;
    CAPTURE(r.dump(2));
    CHECK(r["basics"]["name"] == "James Carter");
    CHECK(r["basics"]["label"] == "Product Manager");
    CHECK(r["basics"]["phone"] == "(555) 123-4567");
    CHECK(r["basics"]["location"] == json({{"city", "Austin"}, {"region", "TX"}}));
    REQUIRE(r["work"].size() == 2);
    CHECK(r["work"][0]["name"] == "Bluebonnet Analytics");
    CHECK(r["work"][0]["position"] == "Senior Product Manager");
    CHECK(r["work"][0]["startDate"] == "2020-01");
    CHECK(r["work"][1]["name"] == "Lone Star Freight Systems");
    CHECK(r["work"][1]["endDate"] == "2019-12");
    REQUIRE(r["education"].size() == 1);
    CHECK(r["education"][0]["studyType"] == "MBA");
    CHECK(r["education"][0]["area"] == "Business Administration");
    CHECK(r["education"][0]["institution"] == "University of Texas at Austin");
    REQUIRE(r["volunteer"].size() == 1);
    CHECK(r["volunteer"][0]["position"] == "Mentor");
    CHECK(r["volunteer"][0]["organization"] == "Code Club");
    CHECK(r["skills"][0]["keywords"] == json({"Roadmapping", "User research"}));
    CHECK(validate(r).empty());
}

TEST_CASE("parse_resume_reads_french_and_german_entries") {
    auto parsed = parse_text(R"(Claire Dubois
claire.dubois@example.fr
+33 6 12 34 56 78

EXPÉRIENCE PROFESSIONNELLE
Cheffe de projet chez Atelier Numérique SAS
mars 2018 – aujourd'hui
Développeuse, Studio Lumière
janv. 2015 - févr. 2018

BERUFSERFAHRUNG
Softwareentwicklerin – Havelsoft AG
03/2018 – 12/2019
)");
    json r = parsed.resume;
    CAPTURE(r.dump(2));
    REQUIRE(r["work"].size() == 3);
    CHECK(r["work"][0]["position"] == "Cheffe de projet");
    CHECK(r["work"][0]["name"] == "Atelier Numérique SAS");
    CHECK(r["work"][0]["startDate"] == "2018-03");
    CHECK_FALSE(r["work"][0].contains("endDate"));
    CHECK(r["work"][1]["position"] == "Développeuse");
    CHECK(r["work"][1]["name"] == "Studio Lumière");
    CHECK(r["work"][2]["position"] == "Softwareentwicklerin");
    CHECK(r["work"][2]["name"] == "Havelsoft AG");
    CHECK(r["work"][2]["endDate"] == "2019-12");
}

TEST_CASE("parse_resume_keeps_unknown_sections_and_says_so") {
    auto parsed = parse_text(kPlainCv);
    json r = parsed.resume;
    // "HOBBIES AND MORE" is recognised as interests; an unnamed one is kept as text.
    auto other = parse_text(
        "Ada Lovelace\nada@example.org\n\nEXPERIENCE\nAnalyst, Engine Works\n"
        "1842 - 1843\n\nMISCELLANEOUS\nLikes poetry\n");
    CAPTURE(other.resume.dump(2));
    REQUIRE(other.resume.contains("x-imported-sections"));
    CHECK(other.resume["x-imported-sections"][0]["title"] == "MISCELLANEOUS");
    CHECK(other.resume["x-imported-sections"][0]["lines"] == json({"Likes poetry"}));
    CHECK(has_note(other.notes, "MISCELLANEOUS"));
    CHECK(has_note(other.notes, "No phone number found."));
    CHECK_FALSE(r.contains("x-imported-sections"));
}

TEST_CASE("parse_resume_notes_entries_without_dates") {
    auto parsed = parse_text("Ada Lovelace\n\nExperience\nAnalyst, Engine Works\n- Wrote notes\n");
    CAPTURE(parsed.resume.dump(2));
    CHECK(has_note(parsed.notes, "Could not read the dates of the job 'Analyst, Engine Works'"));
    CHECK(parsed.resume["work"][0]["position"] == "Analyst");
}

TEST_CASE("parse_resume_uses_layout_hints_of_extracted_lines") {
    TextDocument doc;
    auto add = [&](std::string text, float size, bool bold, bool start = true) {
        TextLine l;
        l.text = std::move(text);
        l.size = size;
        l.bold = bold;
        l.paragraph_start = start;
        doc.lines.push_back(l);
    };
    add("Jane Roe", 22, true);
    add("jane@example.org", 10, false);
    add("Professional Background", 13, true);
    add("Acme Corp", 10, true);
    add("Staff Engineer", 10, false);
    add("2019 - 2023", 10, false);
    add("Side Quests", 13, true);
    add("Built a boat", 10, false);
    auto parsed = parse_resume(doc);
    json r = parsed.resume;
    CAPTURE(r.dump(2));
    CHECK(r["basics"]["name"] == "Jane Roe");
    REQUIRE(r["work"].size() == 1);
    CHECK(r["work"][0]["name"] == "Acme Corp");
    CHECK(r["work"][0]["position"] == "Staff Engineer");
    CHECK(r["x-imported-sections"][0]["title"] == "Side Quests");
}

TEST_CASE("parse_resume_without_headings_reads_the_contact_details") {
    auto parsed = parse_text("Ada Lovelace\nada@example.org\n+44 20 7946 0958\n");
    CHECK(parsed.resume["basics"]["name"] == "Ada Lovelace");
    CHECK(parsed.resume["basics"]["phone"] == "+44 20 7946 0958");
    CHECK(has_note(parsed.notes, "No section headings found"));
}

TEST_CASE("parse_resume_of_an_empty_document_is_an_empty_draft_with_notes") {
    auto parsed = parse_resume(TextDocument{});
    CHECK(parsed.resume.is_object());
    CHECK(has_note(parsed.notes, "No name found."));
}

TEST_CASE("parse_resume_survives_hostile_input_in_bounded_time") {
    std::string long_line(1 << 20, 'x');
    long_line += " 2019 - 2020 ada@example.org +49 30 1234567";
    auto a = parse_text(long_line);
    CHECK(validate(a.resume).empty());

    std::string many;
    for (int i = 0; i < 100000; ++i)
        many += i % 7 == 0   ? "EXPERIENCE\n"
                : i % 3 == 0 ? "- item 2019 - 2020\n"
                             : "Engineer at Acme\n";
    auto b = parse_text(many);
    CHECK(validate(b.resume).empty());
    CHECK(b.resume.dump().size() < vitae::cv::kMaxResumeBytes);

    std::string controls;
    for (int i = 0; i < 5000; ++i)
        controls += std::string("\x01\x02\x1b[31m\xE2\x80\x93 2019\x7f ") + "\n";
    auto c = parse_text(controls);
    CHECK(validate(c.resume).empty());

    std::string no_headings;
    for (int i = 0; i < 20000; ++i)
        no_headings += "just some words on a line without any structure at all\n";
    auto d = parse_text(no_headings);
    CHECK(d.resume.dump().size() < vitae::cv::kMaxResumeBytes);
}

TEST_CASE("parse_resume_puts_headings_drawn_apart_from_their_text_back_in_place") {
    TextDocument doc;
    auto add = [&](std::string text, float y, bool bold = false) {
        TextLine l;
        l.text = std::move(text);
        l.size = bold ? 9 : 10;
        l.bold = bold;
        l.y = y;
        l.paragraph_start = true;
        doc.lines.push_back(l);
    };
    add("Jane Roe", 10);
    add("Senior Engineer at Thameside Bank", 60);
    add("Feb 2019 - Current", 61);
    add("BSc Physics at University of Leeds", 110);
    add("Sept 2010 - Jun 2013", 111);
    add("English", 160);
    add("SUMMARY", 30, true);
    add("WORK EXPERIENCE", 50, true);
    add("EDUCATION", 100, true);
    add("LANGUAGES", 150, true);
    auto parsed = parse_resume(doc);
    json r = parsed.resume;
    CAPTURE(r.dump(2));
    REQUIRE(r["work"].size() == 1);
    CHECK(r["work"][0]["name"] == "Thameside Bank");
    CHECK(r["work"][0]["startDate"] == "2019-02");
    CHECK(r["education"][0]["institution"] == "University of Leeds");
    CHECK(r["languages"][0]["language"] == "English");
    CHECK(has_note(parsed.notes, "matched by their place on the page"));
}

TEST_CASE("parse_resume_takes_a_bold_job_title_with_a_heading_word_for_a_title") {
    TextDocument doc;
    auto add = [&](std::string text, float size, bool bold) {
        TextLine l;
        l.text = std::move(text);
        l.size = size;
        l.bold = bold;
        l.paragraph_start = true;
        doc.lines.push_back(l);
    };
    add("Sofía Martín", 17, true);
    add("Experiencia profesional", 14.5f, true);
    add("Arquitecta de proyectos", 10, true);
    add("ene. 2017 – actualidad", 10, false);
    add("Estudio Retiro Arquitectos, Madrid", 10, false);
    auto parsed = parse_resume(doc);
    json r = parsed.resume;
    CAPTURE(r.dump(2));
    CHECK_FALSE(r.contains("projects"));
    REQUIRE(r["work"].size() == 1);
    CHECK(r["work"][0]["position"] == "Arquitecta de proyectos");
    CHECK(r["work"][0]["name"] == "Estudio Retiro Arquitectos");
    CHECK(r["work"][0]["location"] == "Madrid");
}
