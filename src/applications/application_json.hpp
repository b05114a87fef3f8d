#pragma once
// An application as JSON, the shape of the API and of a member's data export: the
// fields of Application with ISO 8601 moments and YYYY-MM-DD days.
#include <nlohmann/json.hpp>

#include "applications/application_service.hpp"

namespace vitae::applications {

// The list shape; with_details adds job_description and events.
nlohmann::json to_json(const Application& application, bool with_details);

// The writable fields of a JSON object (company, role, ..., cv_id); a missing field stays
// unset. Throws Error(bad_request) naming the field for a wrong type or an unknown key.
ApplicationInput input_from_json(const nlohmann::json& object);

// The events of to_json(), oldest first. Throws Error(bad_request) for an unknown status or
// a moment that is not "YYYY-MM-DDTHH:MM:SSZ".
std::vector<StatusEvent> events_from_json(const nlohmann::json& events);

}  // namespace vitae::applications
