// export_bench: what one CV export costs in time and memory, for bench/cases/export_pdf.sh.
// Built by CMake as vitae_export_bench in release builds (`make bench`).
//
//   vitae_export_bench --format pdf|docx|html --fixture FILE [--runs N] [--template NAME]
//                      [--paper a4|letter]
//       Exports the JSON Resume in FILE N times (default 20) with the template (default
//       classic) and prints one line:
//         format=<f> template=<t> paper=<p> runs=<N> pages=<n> bytes=<size>
//         median_ms=<wall> median_cpu_ms=<cpu> min_ms=<fastest>
//         rss_before_kb=<peak RSS before the first export> peak_rss_kb=<peak RSS after all>
//         export_peak_kb=<the difference: what the exports added to the high-water mark>
//         context_us=<median cost of one MuPDF context, made and dropped>
//
// Peak RSS is getrusage's ru_maxrss (KiB), the process's high-water mark. It is read once
// before the first export (the views, fixture and program are loaded then) and once after
// the last, so export_peak_kb is the most memory one export needed on top of the program.
// pages is 0 for formats without pages.
//
// A format is one row of kFormats: a name, a function that exports, and one that counts
// pages; docx joins with render_cv_docx.

#include <sys/resource.h>

#include <mupdf/pdf.h>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/asset_store.hpp"
#include "cv/cv_docx.hpp"
#include "cv/cv_pdf.hpp"
#include "cv/cv_render.hpp"
#include "cv/mupdf_context.hpp"
#include "timing.hpp"
#include "web/views.hpp"

namespace {

using vitae::bench::median;
using vitae::bench::Samples;
using vitae::cv::FzPtr;
using vitae::cv::MupdfContext;

struct Options {
    std::string format;
    std::string fixture;
    std::string template_name = "classic";
    vitae::cv::PaperSize paper = vitae::cv::PaperSize::a4;
    int runs = 20;
};

struct Job {
    const vitae::web::Views& views;
    const nlohmann::json& resume;
    const Options& options;
};

int pdf_pages(const std::string& pdf) {
    MupdfContext mupdf;
    fz_context* ctx = mupdf.get();
    FzPtr<fz_stream, fz_drop_stream> stream(mupdf);
    FzPtr<pdf_document, pdf_drop_document> doc(mupdf);
    return mupdf.call("counting pages", [&] {
        stream.reset(
            fz_open_memory(ctx, reinterpret_cast<const unsigned char*>(pdf.data()), pdf.size()));
        doc.reset(pdf_open_document_with_stream(ctx, stream.get()));
        return pdf_count_pages(ctx, doc.get());
    });
}

int no_pages(const std::string&) {
    return 0;
}

struct Format {
    const char* name;
    std::string (*render)(const Job&);
    int (*pages)(const std::string&);
};

const Format kFormats[] = {
    {"pdf",
     [](const Job& job) {
         return vitae::cv::render_cv_pdf(job.views, job.options.template_name, job.resume,
                                         {job.options.paper, "Bench CV", "Bench"});
     },
     pdf_pages},
    {"docx",
     [](const Job& job) {
         return vitae::cv::render_cv_docx(
             job.resume, {.title = "Bench CV", .author = "Bench", .language = "en"});
     },
     no_pages},
    {"html",
     [](const Job& job) {
         return vitae::cv::render_cv_html(job.views, job.options.template_name, job.resume);
     },
     no_pages},
};

[[noreturn]] void usage(const char* problem) {
    std::fprintf(
        stderr,
        "export_bench: %s\nusage: vitae_export_bench --format pdf|docx|html --fixture FILE "
        "[--runs N] [--template NAME] [--paper a4|letter]\n",
        problem);
    std::exit(2);
}

Options parse_options(int argc, char** argv) {
    Options options;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string_view flag = argv[i];
        const std::string value = argv[i + 1];
        if (flag == "--format")
            options.format = value;
        else if (flag == "--fixture")
            options.fixture = value;
        else if (flag == "--template")
            options.template_name = value;
        else if (flag == "--paper" && (value == "a4" || value == "letter"))
            options.paper = value == "a4" ? vitae::cv::PaperSize::a4 : vitae::cv::PaperSize::letter;
        else if (flag == "--runs" && std::atoi(value.c_str()) > 0)
            options.runs = std::atoi(value.c_str());
        else
            usage(("bad option " + std::string(flag) + " " + value).c_str());
    }
    if (argc % 2 == 0 || options.format.empty() || options.fixture.empty())
        usage("--format and --fixture are required");
    return options;
}

const Format& format_of(const std::string& name) {
    for (const auto& format : kFormats) {
        if (name == format.name)
            return format;
    }
    usage(("unknown format " + name).c_str());
}

long peak_rss_kb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

// One MuPDF context made and dropped, the fixed cost of a context per export.
double context_us() {
    Samples samples;
    for (int i = 0; i < 200; ++i)
        samples.time([] { MupdfContext mupdf; });
    return median(samples.wall_ms) * 1000;
}

}  // namespace

int main(int argc, char** argv) try {
    const Options options = parse_options(argc, argv);
    const Format& format = format_of(options.format);
    std::ifstream in(options.fixture);
    if (!in)
        usage(("cannot read " + options.fixture).c_str());
    const auto resume = nlohmann::json::parse(in);
    const auto assets = vitae::core::AssetStore::embedded();
    const vitae::web::Views views(assets, "bench");
    const Job job{views, resume, options};

    const long rss_before = peak_rss_kb();
    Samples samples;
    std::string out;
    for (int i = 0; i < options.runs; ++i)
        samples.time([&] { out = format.render(job); });
    const long rss_after = peak_rss_kb();

    const double fastest = *std::min_element(samples.wall_ms.begin(), samples.wall_ms.end());
    std::printf(
        "format=%s template=%s paper=%s runs=%d pages=%d bytes=%zu median_ms=%.1f "
        "median_cpu_ms=%.1f min_ms=%.1f rss_before_kb=%ld peak_rss_kb=%ld export_peak_kb=%ld "
        "context_us=%.1f\n",
        format.name, options.template_name.c_str(),
        options.paper == vitae::cv::PaperSize::a4 ? "a4" : "letter", options.runs,
        format.pages(out), out.size(), median(samples.wall_ms), median(samples.cpu_ms), fastest,
        rss_before, rss_after, rss_after - rss_before, context_us());
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "export_bench: %s\n", e.what());
    return 1;
}
