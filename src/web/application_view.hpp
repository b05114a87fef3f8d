#pragma once
// View models of the application pages: what each template gets, and the form's fields
// read back from a post.
#include <httplib.h>

#include <vector>

#include "applications/application_service.hpp"
#include "cv/cv_service.hpp"
#include "web/views.hpp"

namespace vitae::web {

// "Interviewing" for "interviewing".
std::string status_label(std::string_view status);

// A field of a posted form, multipart (the application form, whose job description can
// pass cpp-httplib's 8 KiB limit on urlencoded bodies) or urlencoded.
std::optional<std::string> posted(const httplib::Request& req, const std::string& name);

// The application form's fields as posted; `with_status` for the new form only (an edit
// moves the status through its own form, which can carry a note).
applications::ApplicationInput posted_input(const httplib::Request& req, bool with_status);

// `a` with the posted fields put over it unchecked, to refill a form that was refused.
applications::Application refilled(applications::Application a,
                                   const applications::ApplicationInput& in);

// One application for the list and the board.
Data application_row(const applications::Application& a);

// The form's values and choices: statuses and the member's CVs, the current ones selected.
Data application_form(const applications::Application& a, const std::vector<cv::Cv>& cvs);

// The detail page: the form, the status history, the CV links and the tailor choices.
Data application_detail(const applications::Application& a, const std::vector<cv::Cv>& cvs);

// Status choices with `current` selected.
Data status_options(std::string_view current);

}  // namespace vitae::web
