#pragma once
// The CV editor's page data: every section of the form (cv_form_schema) filled from a
// stored CV, with validation problems next to their fields and focus on the control a
// no-JavaScript round trip should continue from.
#include <nlohmann/json.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "cv/cv_service.hpp"
#include "cv/resume.hpp"
#include "web/cv_form_schema.hpp"
#include "web/views.hpp"

namespace vitae::web {

// The entry a field belongs to, for labels: "job", 2.
struct EntryRef {
    std::string noun;  // empty in basics
    std::size_t number = 0;

    std::string text() const { return noun + " " + std::to_string(number); }
};

// cpp-httplib (Debian's shared build) refuses a multipart form of more than 1024 parts,
// and one field is one part: past this many the editor warns that saving needs JavaScript.
inline constexpr std::size_t kMaxFieldsWithoutScript = 1000;

class CvEditorView {
  public:
    // `focus`: the id of the element to focus (from ?at=); compared, never shown.
    CvEditorView(const cv::Cv& cv, std::string focus);

    // Sections, metadata and the problem summary, for templates/pages/cv_edit.html.
    Data data();
    // The problems alone, for the editor's script after an autosave:
    // [{path, message, label, id}] where id is the field's element id or null.
    nlohmann::json problems_json();

  private:
    Data section(const CvFormSection& s);
    Data list_section(const CvFormSection& s, const nlohmann::json* stored);
    Data entry(const CvFormSection& s, const nlohmann::json& object,
               const std::vector<std::string>& at, std::size_t index, std::size_t count);
    Data field(const CvFormField& f, const nlohmann::json& object,
               const std::vector<std::string>& at, const EntryRef& where);
    Data text_list(const CvFormList& l, const nlohmann::json& object,
                   const std::vector<std::string>& at, const EntryRef& where);
    Data text_item(const CvFormList& l, const std::string& value,
                   const std::vector<std::string>& at, std::size_t index, std::size_t count,
                   const EntryRef& where);
    Data item_controls(const std::string& op_list, const std::string& id, std::size_t index,
                       std::size_t count);
    Data templates(const CvFormSection& s);
    Data problem_at(const std::vector<std::string>& segments, const std::string& label,
                    const std::string& id);
    Data summary();
    Data metadata();
    bool focused(const std::string& id) const {
        return !templating_ && !focus_.empty() && id == focus_;
    }

    const cv::Cv& cv_;
    std::string focus_;
    bool templating_ = false;  // building the empty entries JavaScript clones
    std::size_t inputs_ = 4;   // named form fields: csrf, title, template, language, …
    std::vector<cv::Problem> problem_list_;
    std::map<std::string, std::string> problems_;  // validation path -> message
    std::map<std::string, std::string> shown_;     // validation path -> field id
    std::map<std::string, std::string> labels_;    // validation path -> what people call it
};

}  // namespace vitae::web
