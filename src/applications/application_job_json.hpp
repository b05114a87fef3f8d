#pragma once
// An application's job as a JSON Resume job description (job-schema.json of the
// jsonresume resume-schema project), and a job description read back into a new
// application's fields.
//
// Mapping: title <-> role, company <-> company, description <-> job_description,
// salary <-> salary, date <-> saved_on (a full YYYY-MM-DD only), meta.canonical <-> job_url,
// location <-> location (exported as {"address": location}; imported as "city, region,
// countryCode", or the address when none of those is given). type, remote, experience,
// responsibilities, qualifications and skills have no field of their own: an import
// appends them to the job description text, where a member and a review read them.
#include <nlohmann/json.hpp>

#include "applications/application_service.hpp"

namespace vitae::applications {

// The most bytes of job JSON an import reads.
inline constexpr std::size_t kMaxJobJsonBytes = 1024 * 1024;

nlohmann::json to_job_json(const Application& application);

// Throws Error(bad_request) naming the field when `job` is not an object, lacks title or
// company, or has a known field of the wrong type. The result is checked again by
// ApplicationService::create.
ApplicationInput from_job_json(const nlohmann::json& job);

// from_job_json of text; Error(bad_request) when it is not JSON or larger than
// kMaxJobJsonBytes.
ApplicationInput parse_job_json(std::string_view text);

}  // namespace vitae::applications
