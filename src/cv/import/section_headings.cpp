#include "cv/import/section_headings.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "cv/import/text_fold.hpp"

namespace vitae::cv {

namespace {

struct Phrase {
    std::string_view text;  // folded words
    ResumeSection section;
};

using S = ResumeSection;

constexpr Phrase kPhrases[] = {
    // English
    {"summary", S::summary},
    {"profile", S::summary},
    {"about me", S::summary},
    {"about", S::summary},
    {"objective", S::summary},
    {"career objective", S::summary},
    {"personal statement", S::summary},
    {"overview", S::summary},
    {"introduction", S::summary},
    {"summary of qualifications", S::summary},
    {"executive summary", S::summary},
    {"experience", S::work},
    {"work experience", S::work},
    {"employment", S::work},
    {"employment history", S::work},
    {"work history", S::work},
    {"career", S::work},
    {"career history", S::work},
    {"professional background", S::work},
    {"positions", S::work},
    {"internships", S::work},
    {"work", S::work},
    {"education", S::education},
    {"academic background", S::education},
    {"studies", S::education},
    {"qualifications", S::education},
    {"academic qualifications", S::education},
    {"schooling", S::education},
    {"skills", S::skills},
    {"competencies", S::skills},
    {"core competencies", S::skills},
    {"expertise", S::skills},
    {"areas of expertise", S::skills},
    {"technologies", S::skills},
    {"tech stack", S::skills},
    {"toolbox", S::skills},
    {"abilities", S::skills},
    {"projects", S::projects},
    {"open source", S::projects},
    {"portfolio", S::projects},
    {"certificates", S::certificates},
    {"certifications", S::certificates},
    {"certification", S::certificates},
    {"licenses", S::certificates},
    {"courses", S::certificates},
    {"training", S::certificates},
    {"trainings", S::certificates},
    {"continuing education", S::certificates},
    {"languages", S::languages},
    {"language", S::languages},
    {"awards", S::awards},
    {"honors", S::awards},
    {"honours", S::awards},
    {"achievements", S::awards},
    {"scholarships", S::awards},
    {"publications", S::publications},
    {"papers", S::publications},
    {"talks", S::publications},
    {"presentations", S::publications},
    {"volunteer", S::volunteer},
    {"volunteering", S::volunteer},
    {"volunteer work", S::volunteer},
    {"community", S::volunteer},
    {"extracurricular activities", S::volunteer},
    {"activities", S::volunteer},
    {"interests", S::interests},
    {"hobbies", S::interests},
    {"references", S::references},
    {"referees", S::references},
    {"contact", S::contact},
    {"contact information", S::contact},
    {"contact details", S::contact},
    {"personal information", S::contact},
    {"personal details", S::contact},
    {"personal data", S::contact},
    // German
    {"profil", S::summary},
    {"kurzprofil", S::summary},
    {"zusammenfassung", S::summary},
    {"uber mich", S::summary},
    {"zur person", S::summary},
    {"berufsziel", S::summary},
    {"berufserfahrung", S::work},
    {"berufliche erfahrung", S::work},
    {"beruflicher werdegang", S::work},
    {"werdegang", S::work},
    {"praxiserfahrung", S::work},
    {"berufspraxis", S::work},
    {"erfahrung", S::work},
    {"praktika", S::work},
    {"berufstatigkeit", S::work},
    {"taetigkeiten", S::work},
    {"tatigkeiten", S::work},
    {"ausbildung", S::education},
    {"bildung", S::education},
    {"bildungsweg", S::education},
    {"studium", S::education},
    {"schulbildung", S::education},
    {"akademischer werdegang", S::education},
    {"schulische ausbildung", S::education},
    {"kenntnisse", S::skills},
    {"fahigkeiten", S::skills},
    {"kompetenzen", S::skills},
    {"fertigkeiten", S::skills},
    {"qualifikationen", S::skills},
    {"it kenntnisse", S::skills},
    {"edv kenntnisse", S::skills},
    {"fachkenntnisse", S::skills},
    {"projekte", S::projects},
    {"projekterfahrung", S::projects},
    {"zertifikate", S::certificates},
    {"zertifizierungen", S::certificates},
    {"weiterbildung", S::certificates},
    {"weiterbildungen", S::certificates},
    {"fortbildungen", S::certificates},
    {"fortbildung", S::certificates},
    {"kurse", S::certificates},
    {"schulungen", S::certificates},
    {"sprachen", S::languages},
    {"sprachkenntnisse", S::languages},
    {"fremdsprachen", S::languages},
    {"fremdsprachenkenntnisse", S::languages},
    {"auszeichnungen", S::awards},
    {"preise", S::awards},
    {"ehrungen", S::awards},
    {"stipendien", S::awards},
    {"publikationen", S::publications},
    {"veroffentlichungen", S::publications},
    {"vortrage", S::publications},
    {"ehrenamt", S::volunteer},
    {"ehrenamtliches engagement", S::volunteer},
    {"engagement", S::volunteer},
    {"ehrenamtliche tatigkeiten", S::volunteer},
    {"soziales engagement", S::volunteer},
    {"interessen", S::interests},
    {"hobbys", S::interests},
    {"freizeit", S::interests},
    {"freizeitaktivitaten", S::interests},
    {"referenzen", S::references},
    {"kontakt", S::contact},
    {"personliche daten", S::contact},
    {"personliche angaben", S::contact},
    {"kontaktdaten", S::contact},
    // French
    {"a propos", S::summary},
    {"a propos de moi", S::summary},
    {"presentation", S::summary},
    {"objectif", S::summary},
    {"objectif professionnel", S::summary},
    {"experience professionnelle", S::work},
    {"experiences professionnelles", S::work},
    {"experiences", S::work},
    {"parcours professionnel", S::work},
    {"emplois", S::work},
    {"stages", S::work},
    {"parcours", S::work},
    {"formation", S::education},
    {"formations", S::education},
    {"etudes", S::education},
    {"diplomes", S::education},
    {"parcours academique", S::education},
    {"cursus", S::education},
    {"scolarite", S::education},
    {"competences", S::skills},
    {"competences techniques", S::skills},
    {"savoir faire", S::skills},
    {"connaissances", S::skills},
    {"outils", S::skills},
    {"projets", S::projects},
    {"realisations", S::projects},
    {"certificats", S::certificates},
    {"certifications", S::certificates},
    {"langues", S::languages},
    {"langues etrangeres", S::languages},
    {"prix", S::awards},
    {"distinctions", S::awards},
    {"recompenses", S::awards},
    {"benevolat", S::volunteer},
    {"vie associative", S::volunteer},
    {"engagements", S::volunteer},
    {"activites associatives", S::volunteer},
    {"centres d interet", S::interests},
    {"centres d'interet", S::interests},
    {"loisirs", S::interests},
    {"interets", S::interests},
    {"coordonnees", S::contact},
    {"informations personnelles", S::contact},
    // Spanish
    {"perfil", S::summary},
    {"perfil profesional", S::summary},
    {"resumen", S::summary},
    {"sobre mi", S::summary},
    {"acerca de mi", S::summary},
    {"objetivo", S::summary},
    {"objetivo profesional", S::summary},
    {"extracto", S::summary},
    {"experiencia", S::work},
    {"experiencia laboral", S::work},
    {"experiencia profesional", S::work},
    {"trayectoria profesional", S::work},
    {"historial laboral", S::work},
    {"practicas", S::work},
    {"educacion", S::education},
    {"formacion", S::education},
    {"formacion academica", S::education},
    {"estudios", S::education},
    {"titulaciones", S::education},
    {"titulacion", S::education},
    {"habilidades", S::skills},
    {"competencias", S::skills},
    {"conocimientos", S::skills},
    {"aptitudes", S::skills},
    {"capacidades", S::skills},
    {"herramientas", S::skills},
    {"proyectos", S::projects},
    {"certificados", S::certificates},
    {"certificaciones", S::certificates},
    {"cursos", S::certificates},
    {"formacion complementaria", S::certificates},
    {"idiomas", S::languages},
    {"lenguas", S::languages},
    {"premios", S::awards},
    {"reconocimientos", S::awards},
    {"logros", S::awards},
    {"publicaciones", S::publications},
    {"voluntariado", S::volunteer},
    {"actividades", S::volunteer},
    {"intereses", S::interests},
    {"aficiones", S::interests},
    {"pasatiempos", S::interests},
    {"referencias", S::references},
    {"contacto", S::contact},
    {"datos personales", S::contact},
    {"informacion personal", S::contact},
    {"datos de contacto", S::contact},
};

// Words a heading may add without changing what it names: "My Professional Experience",
// "Skills & Tools", "Berufliche Erfahrung und Praktika".
constexpr std::string_view kModifiers[] = {"and",
                                           "und",
                                           "et",
                                           "y",
                                           "e",
                                           "of",
                                           "my",
                                           "the",
                                           "de",
                                           "des",
                                           "du",
                                           "la",
                                           "le",
                                           "les",
                                           "del",
                                           "d",
                                           "mes",
                                           "mis",
                                           "meine",
                                           "professional",
                                           "relevant",
                                           "selected",
                                           "key",
                                           "technical",
                                           "other",
                                           "additional",
                                           "academic",
                                           "personal",
                                           "core",
                                           "main",
                                           "recent",
                                           "work",
                                           "industry",
                                           "research",
                                           "teaching",
                                           "berufliche",
                                           "fachliche",
                                           "personliche",
                                           "weitere",
                                           "sonstige",
                                           "autres",
                                           "principales",
                                           "otros",
                                           "otras",
                                           "relevante",
                                           "professionnelle",
                                           "professionnelles",
                                           "profesional",
                                           "profesionales",
                                           "laboral",
                                           "techniques",
                                           "tecnicas",
                                           "informatiques",
                                           "it",
                                           "soft",
                                           "hard",
                                           "history",
                                           "highlights",
                                           "skills",
                                           "tools",
                                           "and",
                                           "etrangeres",
                                           "complementaire",
                                           "complementaria",
                                           "summary",
                                           "information",
                                           "details",
                                           "certifications",
                                           "awards",
                                           "interests",
                                           "languages"};

std::vector<std::string> words_of_phrase(std::string_view text) {
    return words_of(text);
}

struct CompiledPhrase {
    std::vector<std::string> words;
    ResumeSection section;
};

const std::vector<CompiledPhrase>& compiled() {
    static const std::vector<CompiledPhrase> phrases = [] {
        std::vector<CompiledPhrase> out;
        for (const auto& p : kPhrases)
            out.push_back({words_of_phrase(p.text), p.section});
        return out;
    }();
    return phrases;
}

// "E X P E R I E N C E" and "E x p e r i e n c e": letter-spaced headings read as one word.
// "E X P E R I E N C E" and "S U M M A RY" (a kerned pair stays together): letter-spaced
// headings read as one word.
std::vector<std::string> unspaced(std::vector<std::string> words) {
    std::size_t singles = 0;
    for (const auto& w : words) {
        bool single = w.size() == 1 || (w.size() == 2 && static_cast<unsigned char>(w[0]) >= 0x80);
        singles += single ? 1 : 0;
        if (w.size() > 3)
            return words;
    }
    if (words.size() < 4 || singles * 4 < words.size() * 3)
        return words;
    std::string joined;
    for (auto& w : words)
        joined += w;
    return {joined};
}

// The position of phrase in words, or npos.
std::size_t find_phrase(const std::vector<std::string>& words,
                        const std::vector<std::string>& phrase) {
    if (phrase.empty() || phrase.size() > words.size())
        return std::string::npos;
    for (std::size_t i = 0; i + phrase.size() <= words.size(); ++i) {
        if (std::equal(phrase.begin(), phrase.end(), words.begin() + static_cast<long>(i)))
            return i;
    }
    return std::string::npos;
}

bool is_modifier(const std::string& word) {
    return std::find(std::begin(kModifiers), std::end(kModifiers), word) != std::end(kModifiers);
}

}  // namespace

std::optional<HeadingMatch> match_heading(std::string_view line) {
    auto text = trim_chars(line, ":.-");
    if (text.size() > 60 || text.empty() || has_digit(text) ||
        text.find('@') != std::string_view::npos)
        return std::nullopt;
    auto words = unspaced(words_of(fold(text)));
    // Letter-spaced words with normal gaps ("B E R U F   E R F A H R U N G") fold to one.
    if (words.empty() || words.size() > 6)
        return std::nullopt;
    const CompiledPhrase* best = nullptr;
    std::size_t best_at = std::string::npos;
    for (const auto& p : compiled()) {
        auto at = find_phrase(words, p.words);
        if (at == std::string::npos)
            continue;
        bool better =
            !best || at < best_at || (at == best_at && p.words.size() > best->words.size());
        if (better) {
            best = &p;
            best_at = at;
        }
    }
    if (!best)
        return std::nullopt;
    std::size_t extra = 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
        bool in_phrase = i >= best_at && i < best_at + best->words.size();
        if (!in_phrase && !is_modifier(words[i]))
            ++extra;
    }
    if (extra > 2)
        return std::nullopt;
    return HeadingMatch{best->section, extra == 0};
}

std::string_view section_key(ResumeSection section) {
    switch (section) {
        case S::contact:
        case S::summary:
            return "basics";
        case S::work:
            return "work";
        case S::education:
            return "education";
        case S::skills:
            return "skills";
        case S::projects:
            return "projects";
        case S::certificates:
            return "certificates";
        case S::languages:
            return "languages";
        case S::awards:
            return "awards";
        case S::publications:
            return "publications";
        case S::volunteer:
            return "volunteer";
        case S::interests:
            return "interests";
        case S::references:
            return "references";
        case S::unknown:
            break;
    }
    return "x-imported-sections";
}

}  // namespace vitae::cv
