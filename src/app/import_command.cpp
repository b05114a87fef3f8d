#include "app/import_command.hpp"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "core/error.hpp"
#include "cv/import/cv_import.hpp"
#include "cv/import/docx_extract.hpp"
#include "cv/import/pdf_extract.hpp"

namespace vitae::app {

namespace {

struct ImportOptions {
    std::string file;
    std::string format = "json";
};

ImportOptions parse_import_options(const std::vector<std::string>& rest) {
    ImportOptions o;
    for (std::size_t i = 0; i < rest.size(); ++i) {
        const std::string& a = rest[i];
        if (a == "--format") {
            if (i + 1 >= rest.size())
                throw Error(ErrorCode::config, "--format needs a value: json or text");
            o.format = rest[++i];
        } else if (a.starts_with("--format=")) {
            o.format = a.substr(9);
        } else if (o.file.empty() && !a.starts_with("--")) {
            o.file = a;
        } else {
            throw Error(ErrorCode::config, "unknown argument '" + a + "' (see vitae --help)");
        }
    }
    if (o.file.empty())
        throw Error(ErrorCode::config, "usage: vitae import FILE [--format json|text]");
    if (o.format != "json" && o.format != "text")
        throw Error(ErrorCode::config, "--format is json or text, not '" + o.format + "'");
    return o;
}

// The file's bytes, read no further than the upload limit: the limit is what the server
// would refuse, and reading past it could exhaust memory on a huge file.
std::string read_file(const std::string& path, std::uint64_t max_bytes) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(ErrorCode::not_found, "cannot open " + path);
    std::string bytes;
    std::vector<char> buffer(64 * 1024);
    while (in && bytes.size() <= max_bytes) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        bytes.append(buffer.data(), static_cast<std::size_t>(in.gcount()));
    }
    if (in.bad())
        throw Error(ErrorCode::storage, "cannot read " + path);
    return bytes;
}

// One line per TextLine: page, left edge, top edge, font size, then the hints (P paragraph
// start, B bold, H heading, * bullet; '.' when not) and the text.
void print_lines(const cv::TextDocument& doc, std::ostream& out) {
    for (const auto& line : doc.lines) {
        char hints[5] = {line.paragraph_start ? 'P' : '.', line.bold ? 'B' : '.',
                         line.heading ? 'H' : '.', line.bullet ? '*' : '.', '\0'};
        char prefix[64];
        std::snprintf(prefix, sizeof prefix, "%2d %6.1f %6.1f %5.1f %s  ", line.page,
                      static_cast<double>(line.x), static_cast<double>(line.y),
                      static_cast<double>(line.size), hints);
        out << prefix << line.text << "\n";
    }
}

cv::TextDocument extract(const std::string& bytes, const cv::ImportLimits& limits) {
    switch (cv::detect_kind(bytes, limits)) {
        case cv::SourceKind::pdf:
            return cv::extract_pdf(bytes, limits);
        case cv::SourceKind::docx:
            return cv::extract_docx(bytes, limits);
        case cv::SourceKind::json:
            throw Error(ErrorCode::bad_request,
                        "a JSON Resume file has no extracted lines; use --format json");
        case cv::SourceKind::text:
            break;
    }
    cv::TextDocument doc;
    std::istringstream in(bytes);
    for (std::string text; std::getline(in, text);) {
        if (text.find_first_not_of(" \t\r") != std::string::npos)
            doc.lines.push_back({.text = text});
    }
    return doc;
}

}  // namespace

int cmd_import(const core::LoadedConfig& loaded, Io& io) {
    const auto options = parse_import_options(loaded.rest);
    cv::ImportLimits limits;
    limits.max_bytes = loaded.config.max_upload_bytes;
    limits.max_pdf_pages = loaded.config.import_max_pdf_pages;
    const std::string bytes = read_file(options.file, limits.max_bytes);
    if (options.format == "text") {
        print_lines(extract(bytes, limits), io.out);
        return 0;
    }
    auto imported = cv::import_document(bytes, limits);
    io.out << imported.resume.dump(2) << "\n";
    for (const auto& note : imported.notes)
        io.err << "note: " << note << "\n";
    return 0;
}

}  // namespace vitae::app
