// Import quality over the fixture corpus (tests/fixtures/cv): every CV is imported and
// scored field by field against its true JSON Resume; the recall of the fields a member
// cannot do without must reach 90 %.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include "core/error.hpp"
#include "cv/import/cv_import.hpp"
#include "support/import_scoring.hpp"

namespace fs = std::filesystem;
using vitae::test::ImportScore;
using vitae::test::json;

namespace {

constexpr double kRecallBar = 0.90;
constexpr std::size_t kMissesPerFixture = 12;

struct Fixture {
    std::string name;   // "01_anna_schmidt"
    fs::path document;  // .pdf or .docx
    json truth;
};

std::string read_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in, "cannot read " << path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<Fixture> corpus() {
    fs::path dir = fs::path(VITAE_SOURCE_DIR) / "tests" / "fixtures" / "cv";
    std::vector<Fixture> out;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().extension() != ".json")
            continue;
        Fixture f{.name = entry.path().stem().string(), .document = {}, .truth = {}};
        for (const char* ext : {".pdf", ".docx"}) {
            if (fs::exists(dir / (f.name + ext)))
                f.document = dir / (f.name + ext);
        }
        REQUIRE_MESSAGE(!f.document.empty(), f.name << ".json has no .pdf or .docx beside it");
        f.truth = json::parse(read_bytes(entry.path()));
        out.push_back(std::move(f));
    }
    std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.name < b.name; });
    return out;
}

// What the import produced, or nullopt and the reason when it refused the file.
std::optional<json> imported(const Fixture& f, std::string& failure) {
    try {
        return vitae::cv::import_document(read_bytes(f.document), {}).resume;
    } catch (const std::exception& e) {
        failure = e.what();
        return std::nullopt;
    }
}

// "01_anna_schmidt: basics.phone: want …; work[…].endDate: …" on one line, at most
// kMissesPerFixture of them: enough to see what a parser change broke.
std::string fixture_line(const std::string& name, const ImportScore& score) {
    std::string line = name + " (" + std::to_string(score.misses.size()) + "):";
    for (std::size_t i = 0; i < score.misses.size() && i < kMissesPerFixture; ++i)
        line += (i ? "; " : " ") + score.misses[i].substr(name.size() + 2);
    if (score.misses.size() > kMissesPerFixture)
        line += "; …";
    return line + "\n";
}

}  // namespace

TEST_CASE("import_recalls_names_contacts_sections_and_jobs_over_the_cv_corpus") {
    auto fixtures = corpus();
    REQUIRE(fixtures.size() >= 14);
    ImportScore total;
    std::string details;
    for (const auto& f : fixtures) {
        std::string failure;
        auto got = imported(f, failure);
        auto score = vitae::test::score_import(f.name, f.truth, got.value_or(json(nullptr)));
        total.add(score);
        if (!got)
            details += f.name + ": import failed: " + failure + "\n";
        else if (!score.misses.empty())
            details += fixture_line(f.name, score);
    }
    std::cout << "CV import over " << fixtures.size() << " fixtures (tests/fixtures/cv)\n"
              << vitae::test::score_table(total) << "misses per fixture:\n"
              << details;

    for (const auto& field : vitae::test::gated_fields()) {
        INFO(field);
        CHECK(total.fields[field].recall() >= kRecallBar);
    }
}
