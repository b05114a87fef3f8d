#include "applications/application_json.hpp"

#include <algorithm>
#include <array>

#include "core/clock.hpp"
#include "core/error.hpp"

namespace vitae::applications {

namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 14> kWritable = {
    "company",  "role",       "location",     "job_url",  "salary",          "source", "status",
    "saved_on", "applied_on", "follow_up_on", "contacts", "job_description", "notes",  "cv_id"};

[[noreturn]] void refuse(const std::string& message) {
    throw Error(ErrorCode::bad_request, message);
}

json nullable(const std::optional<std::string>& s) {
    return s ? json(*s) : json(nullptr);
}

json nullable(const std::optional<std::int64_t>& n) {
    return n ? json(*n) : json(nullptr);
}

const json* field(const json& object, std::string_view key) {
    auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

std::optional<std::string> text(const json& object, const char* key) {
    const json* v = field(object, key);
    if (!v)
        return std::nullopt;
    if (!v->is_string())
        refuse("\"" + std::string(key) + "\" must be a string.");
    return v->get<std::string>();
}

// A date field: a string, or null (or "") to clear it.
std::optional<std::string> date(const json& object, const char* key) {
    const json* v = field(object, key);
    if (!v)
        return std::nullopt;
    if (v->is_null())
        return std::string();
    if (!v->is_string())
        refuse("\"" + std::string(key) + "\" must be a date string YYYY-MM-DD or null.");
    return v->get<std::string>();
}

std::optional<std::optional<std::int64_t>> cv_link(const json& object) {
    const json* v = field(object, "cv_id");
    if (!v)
        return std::nullopt;
    if (v->is_null())
        return std::optional<std::int64_t>();
    if (!v->is_number_integer() || v->get<std::int64_t>() <= 0)
        refuse("\"cv_id\" must be the id of one of your CVs, or null.");
    return std::optional(v->get<std::int64_t>());
}

std::string contact_part(const json& contact, const char* key) {
    const json* v = field(contact, key);
    if (!v || v->is_null())
        return {};
    if (!v->is_string())
        refuse("\"contacts\": \"" + std::string(key) + "\" must be a string.");
    return v->get<std::string>();
}

std::optional<std::vector<Contact>> contacts(const json& object) {
    const json* v = field(object, "contacts");
    if (!v)
        return std::nullopt;
    if (!v->is_array())
        refuse("\"contacts\" must be a list of {name, email, phone, role}.");
    std::vector<Contact> out;
    for (const auto& c : *v) {
        if (!c.is_object())
            refuse("\"contacts\" must be a list of {name, email, phone, role}.");
        out.push_back({contact_part(c, "name"), contact_part(c, "email"), contact_part(c, "phone"),
                       contact_part(c, "role")});
    }
    return out;
}

}  // namespace

json to_json(const Application& a, bool with_details) {
    auto people = json::array();
    for (const auto& c : a.contacts)
        people.push_back(
            {{"name", c.name}, {"email", c.email}, {"phone", c.phone}, {"role", c.role}});
    json out = {{"id", a.id},
                {"company", a.company},
                {"role", a.role},
                {"location", a.location},
                {"job_url", a.job_url},
                {"salary", a.salary},
                {"source", a.source},
                {"status", a.status},
                {"saved_on", nullable(a.saved_on)},
                {"applied_on", nullable(a.applied_on)},
                {"follow_up_on", nullable(a.follow_up_on)},
                {"contacts", people},
                {"notes", a.notes},
                {"cv_id", nullable(a.cv_id)},
                {"tailored_cv_id", nullable(a.tailored_cv_id)},
                {"created_at", core::iso8601_utc(a.created_at)},
                {"updated_at", core::iso8601_utc(a.updated_at)}};
    if (!with_details)
        return out;
    out["job_description"] = a.job_description;
    auto events = json::array();
    for (const auto& e : a.events)
        events.push_back(
            {{"status", e.status}, {"at", core::iso8601_utc(e.at)}, {"note", nullable(e.note)}});
    out["events"] = events;
    return out;
}

ApplicationInput input_from_json(const json& object) {
    if (!object.is_object())
        refuse("An application must be a JSON object.");
    for (const auto& [key, value] : object.items()) {
        if (std::find(kWritable.begin(), kWritable.end(), key) == kWritable.end())
            refuse("Unknown field \"" + key + "\".");
    }
    return {text(object, "company"),         text(object, "role"),     text(object, "location"),
            text(object, "job_url"),         text(object, "salary"),   text(object, "source"),
            text(object, "status"),          date(object, "saved_on"), date(object, "applied_on"),
            date(object, "follow_up_on"),    contacts(object),         text(object, "notes"),
            text(object, "job_description"), cv_link(object)};
}

std::vector<StatusEvent> events_from_json(const json& events) {
    if (!events.is_array())
        refuse("\"events\" must be a list of {status, at, note}.");
    std::vector<StatusEvent> out;
    for (const auto& e : events) {
        if (!e.is_object())
            refuse("\"events\" must be a list of {status, at, note}.");
        auto status = text(e, "status").value_or("");
        if (!is_status(status))
            refuse("An event has the unknown status \"" + status + "\".");
        auto at = core::parse_iso8601_utc(text(e, "at").value_or(""));
        if (!at)
            refuse("An event's \"at\" must be a moment such as 2026-01-31T09:30:00Z.");
        const json* note = field(e, "note");
        out.push_back(
            {std::move(status), *at,
             note && note->is_string() ? std::optional(note->get<std::string>()) : std::nullopt});
    }
    return out;
}

}  // namespace vitae::applications
