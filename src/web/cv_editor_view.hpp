#pragma once
// The CV editor's page: every section of the form (cv_form_schema) filled from a stored
// CV, with validation problems next to their fields and focus on the control a
// no-JavaScript round trip should continue from.
//
// The form itself is written as HTML here rather than through mustache: a long CV has
// hundreds of fields, and kainjow's mustache took about 20 ms to render them, against a
// budget of 5 ms for the whole page (bench/cases/editor.sh). The page around it (header,
// settings, problem summary, preview) stays a template, templates/pages/cv_edit.html.
#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

#include "cv/cv_service.hpp"
#include "cv/resume.hpp"
#include "web/cv_form_schema.hpp"
#include "web/html_writer.hpp"
#include "web/views.hpp"

namespace vitae::web {

// cpp-httplib (Debian's shared build) refuses a multipart form of more than 1024 parts,
// and one field is one part: past this many the editor warns that saving needs JavaScript.
inline constexpr std::size_t kMaxFieldsWithoutScript = 1000;

// The entry a field belongs to, for labels: "job", 2.
struct EntryRef {
    std::string noun;  // empty in basics
    std::size_t number = 0;

    std::string text() const { return noun + " " + std::to_string(number); }
};

class CvEditorView {
  public:
    // `focus`: the id of the element to focus (from ?at=); compared, never shown.
    CvEditorView(const cv::Cv& cv, std::string focus);

    // For templates/pages/cv_edit.html: meta, the form's sections as HTML (form_html),
    // the problem summary.
    Data data();
    // The problems alone, for the editor's script after an autosave:
    // [{path, message, label, id}] where id is the field's element id or null.
    nlohmann::json problems_json();

  private:
    using Path = std::vector<std::string>;

    std::string form_html();
    void section(HtmlWriter& h, const CvFormSection& s);
    void list_section(HtmlWriter& h, const CvFormSection& s, const nlohmann::json* stored);
    void entry(HtmlWriter& h, const CvFormSection& s, const nlohmann::json& object, const Path& at,
               std::size_t index, std::size_t count);
    void field(HtmlWriter& h, const CvFormField& f, const nlohmann::json& object, const Path& at,
               const EntryRef& where);
    void text_list(HtmlWriter& h, const CvFormList& l, const nlohmann::json& object, const Path& at,
                   const EntryRef& where);
    void text_item(HtmlWriter& h, const CvFormList& l, const std::string& value, const Path& at,
                   std::size_t index, std::size_t count, const EntryRef& where);
    void templates(HtmlWriter& h, const CvFormSection& s);
    void button(HtmlWriter& h, const char* op, const std::string& value, const std::string& id,
                const char* css, bool hidden);
    // The problem validation reported at `segments`, or nullptr; remembers the field's
    // label and id for the summary.
    const std::string* problem_at(const Path& segments, const std::string& label,
                                  const std::string& id);
    Data summary();
    Data metadata();
    bool focused(const std::string& id) const {
        return !templating_ && !focus_.empty() && id == focus_;
    }

    const cv::Cv& cv_;
    std::string focus_;
    bool templating_ = false;  // writing the empty entries JavaScript clones
    std::size_t inputs_ = 4;   // named form fields: csrf, title, template, language, …
    std::vector<cv::Problem> problem_list_;
    std::map<std::string, std::string> problems_;  // validation path -> message
    std::map<std::string, std::string> shown_;     // validation path -> field id
    std::map<std::string, std::string> labels_;    // validation path -> what people call it
};

}  // namespace vitae::web
