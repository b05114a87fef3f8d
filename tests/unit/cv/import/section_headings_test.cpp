#include "cv/import/section_headings.hpp"

#include <doctest/doctest.h>

using vitae::cv::match_heading;
using vitae::cv::ResumeSection;

TEST_CASE("match_heading_names_sections_in_four_languages") {
    struct Case {
        const char* line;
        ResumeSection section;
    };
    const Case cases[] = {
        {"Experience", ResumeSection::work},
        {"WORK EXPERIENCE", ResumeSection::work},
        {"Professional Experience:", ResumeSection::work},
        {"Berufserfahrung", ResumeSection::work},
        {"BERUFLICHER WERDEGANG", ResumeSection::work},
        {"Expérience professionnelle", ResumeSection::work},
        {"EXPÉRIENCES PROFESSIONNELLES", ResumeSection::work},
        {"Experiencia laboral", ResumeSection::work},
        {"Education", ResumeSection::education},
        {"Ausbildung", ResumeSection::education},
        {"Formation", ResumeSection::education},
        {"Educación", ResumeSection::education},
        {"Formación académica", ResumeSection::education},
        {"Skills", ResumeSection::skills},
        {"Kenntnisse", ResumeSection::skills},
        {"Compétences", ResumeSection::skills},
        {"Habilidades", ResumeSection::skills},
        {"Languages", ResumeSection::languages},
        {"Sprachen", ResumeSection::languages},
        {"Sprachkenntnisse", ResumeSection::languages},
        {"Langues", ResumeSection::languages},
        {"Idiomas", ResumeSection::languages},
        {"Summary", ResumeSection::summary},
        {"Profil", ResumeSection::summary},
        {"Perfil profesional", ResumeSection::summary},
        {"Projects", ResumeSection::projects},
        {"Projets", ResumeSection::projects},
        {"Certifications", ResumeSection::certificates},
        {"Zertifikate", ResumeSection::certificates},
        {"Awards", ResumeSection::awards},
        {"Publications", ResumeSection::publications},
        {"Volunteering", ResumeSection::volunteer},
        {"Ehrenamt", ResumeSection::volunteer},
        {"Bénévolat", ResumeSection::volunteer},
        {"Voluntariado", ResumeSection::volunteer},
        {"Interests", ResumeSection::interests},
        {"Centres d'intérêt", ResumeSection::interests},
        {"References", ResumeSection::references},
        {"Referencias", ResumeSection::references},
        {"E X P E R I E N C E", ResumeSection::work},
        {"S U M M A RY", ResumeSection::summary},
        {"C E R T I F I C AT E S", ResumeSection::certificates},
        {"Skills & Tools", ResumeSection::skills},
        {"Contact", ResumeSection::contact},
        {"Persönliche Daten", ResumeSection::contact},
    };
    for (const auto& c : cases) {
        CAPTURE(c.line);
        auto m = match_heading(c.line);
        REQUIRE(m.has_value());
        CHECK(m->section == c.section);
        CHECK(m->exact);
    }
}

TEST_CASE("match_heading_ignores_sentences_dates_and_addresses") {
    CHECK_FALSE(match_heading("Built the pricing model used in every enterprise deal"));
    CHECK_FALSE(match_heading("Experience 2019 - 2021"));
    CHECK_FALSE(match_heading("skills@example.org"));
    CHECK_FALSE(match_heading("Senior Product Manager"));
    CHECK_FALSE(match_heading(""));
    CHECK_FALSE(match_heading("Five years of experience in payments and fraud and risk"));
}

TEST_CASE("match_heading_marks_longer_lines_as_inexact") {
    auto m = match_heading("Selected Open Source Work 2");
    CHECK_FALSE(m);
    m = match_heading("Experience in Banking");
    REQUIRE(m);
    CHECK(m->section == ResumeSection::work);
    CHECK_FALSE(m->exact);
}
