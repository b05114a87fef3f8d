#include "cv/import/vocabulary.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

#include "cv/import/text_fold.hpp"

namespace vitae::cv {

namespace {

// Whole words naming a job.
constexpr std::string_view kTitleWords[] = {
    // English
    "engineer", "developer", "manager", "intern", "internship", "consultant", "analyst", "designer",
    "director", "lead", "head", "officer", "specialist", "architect", "scientist", "assistant",
    "administrator", "coordinator", "teacher", "nurse", "associate", "programmer", "researcher",
    "technician", "accountant", "editor", "writer", "founder", "cofounder", "cto", "ceo", "cfo",
    "coo", "cio", "vp", "president", "partner", "advisor", "adviser", "tutor", "lecturer",
    "professor", "fellow", "trainee", "apprentice", "representative", "executive", "supervisor",
    "recruiter", "devops", "sre", "tester", "operator", "clerk", "agent", "strategist", "planner",
    "auditor", "lawyer", "attorney", "paralegal", "physician", "pharmacist", "therapist", "chef",
    "mechanic", "electrician", "owner", "senior", "junior", "principal", "staff", "chief",
    "postdoc", "postdoctoral", "volunteer", "freelancer", "contractor", "instructor", "mentor",
    "product", "sales", "marketing", "support", "qa", "owner", "student", "working", "werkstudent",
    "werkstudentin",
    // German
    "entwickler", "entwicklerin", "ingenieur", "ingenieurin", "leiter", "leiterin", "berater",
    "beraterin", "managerin", "referent", "referentin", "assistent", "assistentin", "architektin",
    "analystin", "designerin", "praktikant", "praktikantin", "kaufmann", "kauffrau",
    "sachbearbeiter", "sachbearbeiterin", "mitarbeiter", "mitarbeiterin", "lehrer", "lehrerin",
    "administratorin", "geschaftsfuhrer", "geschaftsfuhrerin", "teamleiter", "teamleiterin",
    "azubi", "auszubildender", "auszubildende", "dozent", "dozentin", "wissenschaftlicher",
    "wissenschaftliche", "hilfskraft", "programmierer", "programmiererin",
    // French
    "developpeur", "developpeuse", "responsable", "stagiaire", "consultante", "analyste",
    "directeur", "directrice", "charge", "chargee", "assistante", "technicien", "technicienne",
    "architecte", "gestionnaire", "conseiller", "conseillere", "professeur", "enseignant",
    "enseignante", "alternant", "alternante", "concepteur", "conceptrice", "comptable",
    "commercial", "commerciale", "juriste", "redacteur", "redactrice", "infirmier", "infirmiere",
    "chercheur", "chercheuse", "ingenieure", "stage", "alternance",
    // Spanish
    "ingeniero", "ingeniera", "desarrollador", "desarrolladora", "jefe", "jefa", "gerente",
    "becario", "becaria", "practicante", "consultor", "consultora", "directora", "asistente",
    "tecnico", "tecnica", "arquitecto", "arquitecta", "coordinador", "coordinadora", "programador",
    "programadora", "disenador", "disenadora", "profesora", "administrativo", "administrativa",
    "abogado", "abogada", "enfermero", "enfermera", "auxiliar", "especialista", "investigador",
    "investigadora", "lider", "analista", "responsable", "practicas"};

// Endings of German (and some other) compound titles.
constexpr std::string_view kTitleEndings[] = {
    "entwickler",    "entwicklerin",  "ingenieur",       "ingenieurin",       "leiter",
    "leiterin",      "berater",       "beraterin",       "manager",           "managerin",
    "referent",      "referentin",    "assistent",       "assistentin",       "architekt",
    "architektin",   "analyst",       "analystin",       "designer",          "designerin",
    "kaufmann",      "kauffrau",      "lehrer",          "lehrerin",          "praktikant",
    "praktikantin",  "spezialist",    "spezialistin",    "techniker",         "technikerin",
    "administrator", "programmierer", "wissenschaftler", "wissenschaftlerin", "mitarbeiter",
    "mitarbeiterin", "engineer",      "developer"};

constexpr std::string_view kOrganisationWords[] = {"gmbh",
                                                   "ag",
                                                   "inc",
                                                   "ltd",
                                                   "llc",
                                                   "plc",
                                                   "sa",
                                                   "sas",
                                                   "sarl",
                                                   "sl",
                                                   "slu",
                                                   "corp",
                                                   "corporation",
                                                   "co",
                                                   "company",
                                                   "kg",
                                                   "ug",
                                                   "gbr",
                                                   "se",
                                                   "kgaa",
                                                   "group",
                                                   "gruppe",
                                                   "groupe",
                                                   "grupo",
                                                   "bank",
                                                   "banque",
                                                   "banco",
                                                   "technologies",
                                                   "technology",
                                                   "tech",
                                                   "labs",
                                                   "lab",
                                                   "systems",
                                                   "solutions",
                                                   "software",
                                                   "consulting",
                                                   "partners",
                                                   "studio",
                                                   "studios",
                                                   "agency",
                                                   "agentur",
                                                   "agence",
                                                   "hospital",
                                                   "klinikum",
                                                   "ministry",
                                                   "ministerium",
                                                   "freelance",
                                                   "selbststandig",
                                                   "freiberuflich",
                                                   "independant",
                                                   "autonomo",
                                                   "payments",
                                                   "analytics",
                                                   "logistics",
                                                   "services",
                                                   "digital",
                                                   "media",
                                                   "foundation",
                                                   "stiftung",
                                                   "ev",
                                                   "verein",
                                                   "association",
                                                   "ong",
                                                   "ngo",
                                                   "gmbh & co",
                                                   "holding",
                                                   "industries",
                                                   "networks",
                                                   "ventures",
                                                   "capital",
                                                   "insurance",
                                                   "versicherung",
                                                   "werke",
                                                   "werk",
                                                   "freight",
                                                   "health",
                                                   "energy",
                                                   "telecom",
                                                   "motors",
                                                   "airlines",
                                                   "retail",
                                                   "startup",
                                                   "beratung",
                                                   "verlag",
                                                   "editions",
                                                   "ayuntamiento",
                                                   "mairie",
                                                   "stadtwerke",
                                                   "cloud",
                                                   "data",
                                                   "robotics",
                                                   "security",
                                                   "games",
                                                   "entertainment",
                                                   "pharma",
                                                   "bio",
                                                   "international",
                                                   "global",
                                                   "sociedad",
                                                   "societe",
                                                   "compagnie",
                                                   "cabinet",
                                                   "universidad",
                                                   "university",
                                                   "universitat",
                                                   "universite",
                                                   "institute",
                                                   "institut",
                                                   "instituto",
                                                   "school",
                                                   "college",
                                                   "fraunhofer",
                                                   "max",
                                                   "council",
                                                   "agencia",
                                                   "consultora",
                                                   "empresa",
                                                   "entreprise",
                                                   "unternehmen",
                                                   "systeme",
                                                   "sistemas",
                                                   "soluciones",
                                                   "servicios",
                                                   "conseil",
                                                   "informatique",
                                                   "informatica",
                                                   "it",
                                                   "e.v",
                                                   "s.a",
                                                   "s.l",
                                                   "a.g"};

constexpr std::string_view kSchoolWords[] = {"university",
                                             "universitat",
                                             "universite",
                                             "universidad",
                                             "universita",
                                             "college",
                                             "school",
                                             "hochschule",
                                             "fachhochschule",
                                             "institut",
                                             "institute",
                                             "instituto",
                                             "ecole",
                                             "escuela",
                                             "gymnasium",
                                             "lycee",
                                             "academy",
                                             "akademie",
                                             "academie",
                                             "academia",
                                             "polytechnic",
                                             "politecnico",
                                             "polytechnique",
                                             "tu",
                                             "eth",
                                             "epfl",
                                             "mit",
                                             "kit",
                                             "rwth",
                                             "lmu",
                                             "tum",
                                             "ucl",
                                             "insa",
                                             "iut",
                                             "facultad",
                                             "faculte",
                                             "fakultat",
                                             "campus",
                                             "colegio",
                                             "conservatoire",
                                             "seminar",
                                             "berufsschule",
                                             "realschule",
                                             "gesamtschule",
                                             "schule",
                                             "uni",
                                             "escola",
                                             "mba",
                                             "sorbonne",
                                             "sciences",
                                             "business",
                                             "hec",
                                             "essec",
                                             "ie",
                                             "esade",
                                             "iese",
                                             "upm",
                                             "ucm",
                                             "uam",
                                             "uab",
                                             "ub",
                                             "upc",
                                             "unam",
                                             "uned"};

struct DegreeName {
    std::string_view folded;
};

// Longest first: the first match wins.
constexpr std::string_view kDegrees[] = {"master of business administration",
                                         "bachelor of science",
                                         "bachelor of arts",
                                         "bachelor of engineering",
                                         "bachelor of laws",
                                         "bachelor of fine arts",
                                         "bachelor of business administration",
                                         "master of science",
                                         "master of arts",
                                         "master of engineering",
                                         "master of laws",
                                         "master of fine arts",
                                         "master of education",
                                         "doctor of philosophy",
                                         "doctor of medicine",
                                         "diplome d'ingenieur",
                                         "diplome d ingenieur",
                                         "diplome",
                                         "master of",
                                         "bachelor of",
                                         "associate of",
                                         "associate degree",
                                         "high school diploma",
                                         "grado en",
                                         "grado",
                                         "licenciatura",
                                         "licenciado",
                                         "licenciada",
                                         "diplomatura",
                                         "maestria",
                                         "master universitario",
                                         "master",
                                         "doctorado",
                                         "doctorat",
                                         "doctorate",
                                         "bachillerato",
                                         "tecnico superior",
                                         "ciclo formativo",
                                         "licence professionnelle",
                                         "licence",
                                         "baccalaureat",
                                         "bac",
                                         "dut",
                                         "bts",
                                         "but",
                                         "mastere",
                                         "magistere",
                                         "staatsexamen",
                                         "erstes staatsexamen",
                                         "zweites staatsexamen",
                                         "diplom",
                                         "magister",
                                         "promotion",
                                         "abitur",
                                         "fachabitur",
                                         "mittlere reife",
                                         "ausbildung",
                                         "meister",
                                         "bachelor",
                                         "mba",
                                         "phd",
                                         "ph.d.",
                                         "ph.d",
                                         "dphil",
                                         "md",
                                         "jd",
                                         "llm",
                                         "ll.m.",
                                         "llb",
                                         "msc",
                                         "m.sc.",
                                         "m.sc",
                                         "bsc",
                                         "b.sc.",
                                         "b.sc",
                                         "m.a.",
                                         "b.a.",
                                         "m.s.",
                                         "b.s.",
                                         "m.eng.",
                                         "b.eng.",
                                         "meng",
                                         "beng",
                                         "ba",
                                         "ma",
                                         "bs",
                                         "ms",
                                         "mphil",
                                         "pgce",
                                         "dscg",
                                         "dcg",
                                         "dr.",
                                         "dr",
                                         "a-levels",
                                         "a levels",
                                         "gcse",
                                         "hnd",
                                         "ged",
                                         "cap",
                                         "bep"};

constexpr std::string_view kLanguages[] = {
    "english",     "german",     "french",      "spanish",       "italian",        "portuguese",
    "dutch",       "russian",    "chinese",     "mandarin",      "cantonese",      "japanese",
    "korean",      "arabic",     "hindi",       "turkish",       "polish",         "swedish",
    "norwegian",   "danish",     "finnish",     "greek",         "czech",          "hungarian",
    "romanian",    "ukrainian",  "hebrew",      "catalan",       "basque",         "galician",
    "urdu",        "bengali",    "persian",     "farsi",         "vietnamese",     "thai",
    "indonesian",  "malay",      "swahili",     "tagalog",       "deutsch",        "englisch",
    "franzosisch", "spanisch",   "italienisch", "portugiesisch", "niederlandisch", "russisch",
    "chinesisch",  "japanisch",  "koreanisch",  "arabisch",      "turkisch",       "polnisch",
    "schwedisch",  "griechisch", "tschechisch", "ukrainisch",    "anglais",        "allemand",
    "francais",    "espagnol",   "italien",     "portugais",     "neerlandais",    "russe",
    "chinois",     "japonais",   "arabe",       "turc",          "polonais",       "grec",
    "ingles",      "aleman",     "frances",     "espanol",       "italiano",       "portugues",
    "ruso",        "chino",      "japones",     "arabe",         "catalan",        "euskera",
    "gallego",     "valenciano", "castellano"};

constexpr std::string_view kFluency[] = {"native",
                                         "fluent",
                                         "bilingual",
                                         "proficient",
                                         "advanced",
                                         "intermediate",
                                         "basic",
                                         "beginner",
                                         "elementary",
                                         "conversational",
                                         "professional",
                                         "working",
                                         "limited",
                                         "full",
                                         "mother",
                                         "tongue",
                                         "a1",
                                         "a2",
                                         "b1",
                                         "b2",
                                         "c1",
                                         "c2",
                                         "muttersprache",
                                         "muttersprachlich",
                                         "fliessend",
                                         "verhandlungssicher",
                                         "grundkenntnisse",
                                         "gut",
                                         "sehr",
                                         "gute",
                                         "kenntnisse",
                                         "maternelle",
                                         "langue",
                                         "courant",
                                         "bilingue",
                                         "intermediaire",
                                         "notions",
                                         "avance",
                                         "debutant",
                                         "scolaire",
                                         "nativo",
                                         "nativa",
                                         "lengua",
                                         "materna",
                                         "avanzado",
                                         "intermedio",
                                         "basico",
                                         "fluido",
                                         "competencia",
                                         "alto",
                                         "medio",
                                         "bajo",
                                         "toeic",
                                         "toefl",
                                         "ielts",
                                         "delf",
                                         "dalf",
                                         "dele",
                                         "goethe",
                                         "cambridge",
                                         "level",
                                         "niveau",
                                         "nivel",
                                         "excellent",
                                         "good",
                                         "fair",
                                         "b2+",
                                         "c1+",
                                         "first",
                                         "second"};

struct CountryName {
    std::string_view folded;
    std::string_view code;
};

constexpr CountryName kCountries[] = {
    {"germany", "DE"},     {"deutschland", "DE"},   {"allemagne", "DE"},
    {"alemania", "DE"},    {"france", "FR"},        {"frankreich", "FR"},
    {"francia", "FR"},     {"spain", "ES"},         {"spanien", "ES"},
    {"espagne", "ES"},     {"espana", "ES"},        {"united kingdom", "GB"},
    {"uk", "GB"},          {"england", "GB"},       {"scotland", "GB"},
    {"usa", "US"},         {"united states", "US"}, {"us", "US"},
    {"austria", "AT"},     {"osterreich", "AT"},    {"autriche", "AT"},
    {"switzerland", "CH"}, {"schweiz", "CH"},       {"suisse", "CH"},
    {"suiza", "CH"},       {"belgium", "BE"},       {"belgique", "BE"},
    {"belgien", "BE"},     {"netherlands", "NL"},   {"niederlande", "NL"},
    {"italy", "IT"},       {"italien", "IT"},       {"italia", "IT"},
    {"portugal", "PT"},    {"mexico", "MX"},        {"argentina", "AR"},
    {"canada", "CA"},      {"ireland", "IE"},       {"luxembourg", "LU"},
    {"chile", "CL"},       {"colombia", "CO"},      {"peru", "PE"},
    {"india", "IN"},       {"nigeria", "NG"},       {"poland", "PL"},
    {"polen", "PL"},       {"sweden", "SE"},        {"denmark", "DK"},
    {"norway", "NO"},      {"australia", "AU"},     {"brazil", "BR"},
    {"brasil", "BR"},      {"japan", "JP"}};

struct CityName {
    std::string_view folded;
    std::string_view code;
};

constexpr CityName kCities[] = {
    {"berlin", "DE"},      {"hamburg", "DE"},      {"munchen", "DE"},   {"munich", "DE"},
    {"koln", "DE"},        {"cologne", "DE"},      {"frankfurt", "DE"}, {"stuttgart", "DE"},
    {"dusseldorf", "DE"},  {"leipzig", "DE"},      {"dresden", "DE"},   {"potsdam", "DE"},
    {"hannover", "DE"},    {"nurnberg", "DE"},     {"bremen", "DE"},    {"karlsruhe", "DE"},
    {"heidelberg", "DE"},  {"aachen", "DE"},       {"bonn", "DE"},      {"mannheim", "DE"},
    {"paris", "FR"},       {"lyon", "FR"},         {"marseille", "FR"}, {"toulouse", "FR"},
    {"nantes", "FR"},      {"bordeaux", "FR"},     {"lille", "FR"},     {"strasbourg", "FR"},
    {"nice", "FR"},        {"montpellier", "FR"},  {"rennes", "FR"},    {"grenoble", "FR"},
    {"madrid", "ES"},      {"barcelona", "ES"},    {"valencia", "ES"},  {"sevilla", "ES"},
    {"seville", "ES"},     {"bilbao", "ES"},       {"malaga", "ES"},    {"zaragoza", "ES"},
    {"granada", "ES"},     {"salamanca", "ES"},    {"london", "GB"},    {"manchester", "GB"},
    {"edinburgh", "GB"},   {"cambridge", "GB"},    {"oxford", "GB"},    {"dublin", "IE"},
    {"vienna", "AT"},      {"wien", "AT"},         {"zurich", "CH"},    {"geneva", "CH"},
    {"geneve", "CH"},      {"basel", "CH"},        {"bern", "CH"},      {"amsterdam", "NL"},
    {"brussels", "BE"},    {"bruxelles", "BE"},    {"lisbon", "PT"},    {"lisboa", "PT"},
    {"rome", "IT"},        {"milan", "IT"},        {"new york", "US"},  {"san francisco", "US"},
    {"austin", "US"},      {"seattle", "US"},      {"boston", "US"},    {"chicago", "US"},
    {"los angeles", "US"}, {"houston", "US"},      {"dallas", "US"},    {"denver", "US"},
    {"toronto", "CA"},     {"montreal", "CA"},     {"vancouver", "CA"}, {"lagos", "NG"},
    {"bangalore", "IN"},   {"bengaluru", "IN"},    {"mumbai", "IN"},    {"chennai", "IN"},
    {"kochi", "IN"},       {"pune", "IN"},         {"delhi", "IN"},     {"hyderabad", "IN"},
    {"mexico city", "MX"}, {"buenos aires", "AR"}, {"santiago", "CL"},  {"bogota", "CO"},
    {"lima", "PE"},        {"sydney", "AU"},       {"melbourne", "AU"}, {"tokyo", "JP"}};

constexpr std::string_view kRemote[] = {"remote",      "hybrid", "homeoffice", "home office",
                                        "teletravail", "remoto", "distancia",  "worldwide"};

constexpr std::string_view kUsStates[] = {
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL",
    "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT",
    "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI",
    "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC"};

template <std::size_t N>
bool listed(std::string_view word, const std::string_view (&list)[N]) {
    return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

template <std::size_t N>
int count_words(std::string_view text, const std::string_view (&list)[N]) {
    int n = 0;
    for (const auto& w : words_of(fold(text)))
        n += listed(w, list) ? 1 : 0;
    return n;
}

// A phrase of several words inside folded text, on word boundaries.
bool has_phrase(const std::string& folded, std::string_view phrase) {
    for (auto at = folded.find(phrase); at != std::string::npos; at = folded.find(phrase, at + 1)) {
        bool left = at == 0 || !std::isalnum(static_cast<unsigned char>(folded[at - 1]));
        auto end = at + phrase.size();
        bool right = end >= folded.size() || !std::isalnum(static_cast<unsigned char>(folded[end]));
        if (left && right)
            return true;
    }
    return false;
}

// "Austin, TX" and "Berlin, DE": a name and then a state or country code.
bool ends_with_code(std::string_view text) {
    auto comma = text.rfind(',');
    if (comma == std::string_view::npos)
        return false;
    auto code = trim(text.substr(comma + 1));
    return code.size() == 2 && is_upper_case(code) && has_letter(text.substr(0, comma));
}

// "10115 Berlin", "75001 Paris", "28013 Madrid", "CH-8001 Zürich".
bool has_postcode_then_name(std::string_view text) {
    auto words = split_any(text, {" "});
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
        auto w = std::string_view(words[i]);
        if (w.size() > 3 && w[2] == '-')
            w.remove_prefix(3);
        bool digits = w.size() >= 4 && w.size() <= 5 &&
                      std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (digits && has_letter(words[i + 1]))
            return true;
    }
    return false;
}

}  // namespace

int title_score(std::string_view text) {
    int score = 0;
    for (const auto& w : words_of(fold(text))) {
        if (listed(w, kTitleWords)) {
            score += 2;
            continue;
        }
        for (auto ending : kTitleEndings) {
            if (w.size() > ending.size() + 2 && w.ends_with(ending)) {
                score += 2;
                break;
            }
        }
    }
    return score;
}

int organisation_score(std::string_view text) {
    int score = 2 * count_words(text, kOrganisationWords);
    if (text.find('&') != std::string_view::npos)
        ++score;
    return score;
}

int school_score(std::string_view text) {
    return 2 * count_words(text, kSchoolWords);
}

bool is_location(std::string_view text) {
    auto folded = fold(trim(text));
    if (folded.empty() || folded.size() > 60 || words_of(folded).size() > 6)
        return false;
    for (auto r : kRemote) {
        if (has_phrase(folded, r))
            return true;
    }
    if (ends_with_code(trim(text)) || has_postcode_then_name(text))
        return true;
    auto parts = split_any(folded, {",", "/", "(", ")"});
    for (const auto& part : parts) {
        for (const auto& c : kCities) {
            if (part == c.folded)
                return true;
        }
        for (const auto& c : kCountries) {
            if (part == c.folded)
                return true;
        }
    }
    return false;
}

Place place_of(std::string_view text) {
    Place place;
    auto parts = split_any(trim(text), {","});
    for (const auto& part : parts) {
        auto folded = fold(part);
        // Postcode first: the city is what follows it.
        auto words = split_any(part, {" "});
        if (words.size() >= 2 && has_digit(words[0]) &&
            !has_letter(words[0].substr(words[0].size() > 3 && words[0][2] == '-' ? 3 : 0))) {
            std::string city;
            for (std::size_t i = 1; i < words.size(); ++i)
                city += (i > 1 ? " " : "") + words[i];
            if (place.city.empty())
                place.city = city;
            continue;
        }
        bool matched = false;
        for (const auto& c : kCountries) {
            if (folded == c.folded) {
                place.country_code = c.code;
                matched = true;
            }
        }
        if (matched)
            continue;
        if (part.size() == 2 && is_upper_case(part) && !place.city.empty()) {
            if (listed(part, kUsStates)) {
                place.region = part;  // the country is not written, so it is not guessed
            } else {
                place.country_code = part;
            }
            continue;
        }
        if (place.city.empty() && !has_digit(part))
            place.city = part;
    }
    return place;
}

std::string degree_prefix(std::string_view text) {
    auto folded = fold(trim(text));
    for (auto degree : kDegrees) {
        if (!folded.starts_with(degree))
            continue;
        auto end = degree.size();
        bool boundary = end == folded.size() ||
                        !std::isalnum(static_cast<unsigned char>(folded[end])) ||
                        degree.ends_with('.');
        if (!boundary)
            continue;
        // Folding keeps ASCII lengths; the degree names are ASCII, so the prefix of the
        // original has the same length unless it held accents.
        auto original = trim(text);
        if (fold(original.substr(0, end)) == degree)
            return std::string(original.substr(0, end));
        // With accents ("Máster", "Diplôme"): take as many words as the degree has.
        auto words = static_cast<std::size_t>(std::count(degree.begin(), degree.end(), ' ') + 1);
        std::size_t at = 0;
        for (std::size_t n = 0; n < words && at != std::string_view::npos; ++n)
            at = original.find(' ', at + (n ? 1 : 0));
        return std::string(at == std::string_view::npos ? original : original.substr(0, at));
    }
    return {};
}

bool is_language_name(std::string_view text) {
    auto words = words_of(fold(text));
    return !words.empty() && words.size() <= 2 && listed(words[0], kLanguages);
}

bool is_fluency(std::string_view text) {
    auto words = words_of(fold(text));
    if (words.empty() || words.size() > 6)
        return false;
    int known = 0;
    for (const auto& w : words)
        known += listed(w, kFluency) ? 1 : 0;
    return known * 2 >= static_cast<int>(words.size());
}

}  // namespace vitae::cv
