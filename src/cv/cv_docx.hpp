#pragma once
// A CV as a Word document: our own WordprocessingML (styles for the name, headings, entry
// headings and bulleted highlights) in a zip written by libarchive.
#include <nlohmann/json.hpp>

#include <string>

namespace vitae::cv {

struct DocxOptions {
    std::string title;     // docProps/core.xml dc:title
    std::string author;    // docProps/core.xml dc:creator
    std::string language;  // w:lang of the default run style, a BCP 47 tag such as "en"
};

// The .docx file's bytes.
std::string render_cv_docx(const nlohmann::json& resume, const DocxOptions& options);

}  // namespace vitae::cv
