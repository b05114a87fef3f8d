// import_bench: what importing a CV file costs, for bench/cases/import.sh. Built by CMake as
// vitae_import_bench in release builds (`make bench`).
//
//   vitae_import_bench --fixture FILE [--runs N] [--pdf-out PATH] [--docx-out PATH]
//       Exports the JSON Resume in FILE as a PDF (classic template, A4) and as a DOCX with
//       Vitae's own exporters, optionally saves them (for the case to run pdftotext and
//       `vitae import` on the same file), then imports each N times (default 30) in this
//       process and prints one line per format:
//         format=<pdf|docx> measured=import_document pages=<n> lines=<n>
//         bytes=<size> median_ms=<wall> median_cpu_ms=<cpu> min_ms=<fastest>
//
// What is measured: cv::import_document, the whole import (kind detection, extraction and
// the résumé parser), as the server runs it per upload.

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/asset_store.hpp"
#include "core/error.hpp"
#include "cv/cv_docx.hpp"
#include "cv/cv_pdf.hpp"
#include "cv/import/cv_import.hpp"
#include "cv/import/docx_extract.hpp"
#include "cv/import/pdf_extract.hpp"
#include "timing.hpp"
#include "web/views.hpp"

namespace {

using vitae::bench::median;
using vitae::bench::Samples;

struct Options {
    std::string fixture;
    std::string pdf_out;
    std::string docx_out;
    int runs = 30;
};

[[noreturn]] void usage(const char* problem) {
    std::fprintf(stderr,
                 "import_bench: %s\nusage: vitae_import_bench --fixture FILE [--runs N] "
                 "[--pdf-out PATH] [--docx-out PATH]\n",
                 problem);
    std::exit(2);
}

Options parse_options(int argc, char** argv) {
    Options options;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string_view flag = argv[i];
        const std::string value = argv[i + 1];
        if (flag == "--fixture")
            options.fixture = value;
        else if (flag == "--pdf-out")
            options.pdf_out = value;
        else if (flag == "--docx-out")
            options.docx_out = value;
        else if (flag == "--runs" && std::atoi(value.c_str()) > 0)
            options.runs = std::atoi(value.c_str());
        else
            usage(("bad option " + std::string(flag) + " " + value).c_str());
    }
    if (argc % 2 == 0 || options.fixture.empty())
        usage("--fixture is required");
    return options;
}

void save(const std::string& path, const std::string& bytes) {
    if (path.empty())
        return;
    std::ofstream out(path, std::ios::binary);
    out << bytes;
    if (!out)
        usage(("cannot write " + path).c_str());
}

void measure(const char* format, const std::string& bytes, int pages, int runs,
             vitae::cv::TextDocument (*extract)(std::string_view, const vitae::cv::ImportLimits&)) {
    const std::size_t lines = extract(bytes, {}).lines.size();
    std::size_t produced = 0;  // read after the loop, so the imports are not optimised away
    Samples samples;
    for (int i = 0; i < runs; ++i)
        samples.time([&] { produced += vitae::cv::import_document(bytes, {}).resume.size(); });
    if (produced == 0)
        throw std::runtime_error(std::string(format) + ": the import produced nothing");
    const double fastest = *std::min_element(samples.wall_ms.begin(), samples.wall_ms.end());
    std::printf(
        "format=%s measured=import_document pages=%d lines=%zu bytes=%zu median_ms=%.2f "
        "median_cpu_ms=%.2f min_ms=%.2f\n",
        format, pages, lines, bytes.size(), median(samples.wall_ms), median(samples.cpu_ms),
        fastest);
}

}  // namespace

int main(int argc, char** argv) try {
    const Options options = parse_options(argc, argv);
    std::ifstream in(options.fixture);
    if (!in)
        usage(("cannot read " + options.fixture).c_str());
    const auto resume = nlohmann::json::parse(in);
    const auto assets = vitae::core::AssetStore::embedded();
    const vitae::web::Views views(assets, "bench");

    const std::string pdf = vitae::cv::render_cv_pdf(views, "classic", resume,
                                                     {vitae::cv::PaperSize::a4, "CV", "Bench"});
    const std::string docx =
        vitae::cv::render_cv_docx(resume, {.title = "CV", .author = "Bench", .language = "en"});
    save(options.pdf_out, pdf);
    save(options.docx_out, docx);

    const int pages = vitae::cv::extract_pdf(pdf, {}).pages;
    measure("pdf", pdf, pages, options.runs, vitae::cv::extract_pdf);
    measure("docx", docx, 0, options.runs, vitae::cv::extract_docx);
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "import_bench: %s\n", e.what());
    return 1;
}
