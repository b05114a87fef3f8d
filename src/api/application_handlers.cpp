#include "api/application_handlers.hpp"

#include <nlohmann/json.hpp>

#include "api/json_body.hpp"
#include "core/error.hpp"

namespace vitae::api {

namespace {

using applications::Application;
using applications::ApplicationInput;
using nlohmann::json;

constexpr const char* kApplications = "/api/v1/applications";
constexpr const char* kApplication = R"(/api/v1/applications/(\d+))";
// A job description of 100 000 characters is up to 400 kB of UTF-8; the rest is small.
constexpr std::size_t kMaxBody = 1024 * 1024;

json nullable(const std::optional<std::string>& s) {
    return s ? json(*s) : json(nullptr);
}

json nullable(const std::optional<std::int64_t>& n) {
    return n ? json(*n) : json(nullptr);
}

json summary_json(const Application& a) {
    auto contacts = json::array();
    for (const auto& c : a.contacts)
        contacts.push_back(
            {{"name", c.name}, {"email", c.email}, {"phone", c.phone}, {"role", c.role}});
    return {{"id", a.id},
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
            {"contacts", contacts},
            {"notes", a.notes},
            {"cv_id", nullable(a.cv_id)},
            {"tailored_cv_id", nullable(a.tailored_cv_id)},
            {"created_at", core::iso8601_utc(a.created_at)},
            {"updated_at", core::iso8601_utc(a.updated_at)}};
}

json full_json(const Application& a) {
    auto out = summary_json(a);
    out["job_description"] = a.job_description;
    auto events = json::array();
    for (const auto& e : a.events)
        events.push_back(
            {{"status", e.status}, {"at", core::iso8601_utc(e.at)}, {"note", nullable(e.note)}});
    out["events"] = events;
    return out;
}

void send_json(httplib::Response& res, const json& body, int status = 200) {
    res.status = status;
    res.set_header("Cache-Control", "no-store");  // applications are personal data
    res.set_content(body.dump(), "application/json");
}

[[noreturn]] void refuse(const std::string& message) {
    throw Error(ErrorCode::bad_request, message);
}

// A date field: a string, or null (or "") to clear it.
std::optional<std::string> date_field(const JsonBody& body, const char* field) {
    auto v = body.value(field);
    if (!v)
        return std::nullopt;
    if (v->is_null())
        return std::string();
    if (!v->is_string())
        refuse("\"" + std::string(field) + "\" must be a date string YYYY-MM-DD or null.");
    return v->get<std::string>();
}

std::optional<std::optional<std::int64_t>> cv_field(const JsonBody& body) {
    auto v = body.value("cv_id");
    if (!v)
        return std::nullopt;
    if (v->is_null())
        return std::optional<std::int64_t>();
    if (!v->is_number_integer() || v->get<std::int64_t>() <= 0)
        refuse("\"cv_id\" must be the id of one of your CVs, or null.");
    return std::optional(v->get<std::int64_t>());
}

std::string contact_part(const json& contact, const char* key) {
    auto it = contact.find(key);
    if (it == contact.end() || it->is_null())
        return {};
    if (!it->is_string())
        refuse("\"contacts\": \"" + std::string(key) + "\" must be a string.");
    return it->get<std::string>();
}

std::optional<std::vector<applications::Contact>> contacts_field(const JsonBody& body) {
    auto v = body.value("contacts");
    if (!v)
        return std::nullopt;
    if (!v->is_array())
        refuse("\"contacts\" must be a list of {name, email, phone, role}.");
    std::vector<applications::Contact> out;
    for (const auto& c : *v) {
        if (!c.is_object())
            refuse("\"contacts\" must be a list of {name, email, phone, role}.");
        out.push_back({contact_part(c, "name"), contact_part(c, "email"), contact_part(c, "phone"),
                       contact_part(c, "role")});
    }
    return out;
}

// The size is checked before parsing: a huge body must not cost a parse first.
ApplicationInput input_of(const httplib::Request& req) {
    if (req.body.size() > kMaxBody)
        throw Error(ErrorCode::payload_too_large, "The request body is larger than 1 MiB.");
    JsonBody body(
        req, {"company", "role", "location", "job_url", "salary", "source", "status", "saved_on",
              "applied_on", "follow_up_on", "contacts", "notes", "job_description", "cv_id"});
    return {body.text("company"),
            body.text("role"),
            body.text("location"),
            body.text("job_url"),
            body.text("salary"),
            body.text("source"),
            body.text("status"),
            date_field(body, "saved_on"),
            date_field(body, "applied_on"),
            date_field(body, "follow_up_on"),
            contacts_field(body),
            body.text("notes"),
            body.text("job_description"),
            cv_field(body)};
}

void register_collection(http::Router& router, applications::ApplicationService& apps) {
    router.get(kApplications, http::Access::member,
               [&apps](const httplib::Request&, httplib::Response& res, const auth::Principal& me) {
                   auto list = json::array();
                   for (const auto& a : apps.list(me.user_id))
                       list.push_back(summary_json(a));
                   send_json(res, {{"applications", list}});
               });

    router.post(
        kApplications, http::Access::member,
        [&apps](const httplib::Request& req, httplib::Response& res, const auth::Principal& me) {
            auto created = apps.create(me.user_id, input_of(req));
            res.set_header("Location",
                           std::string(kApplications) + "/" + std::to_string(created.id));
            send_json(res, full_json(created), 201);
        });
}

void register_member(http::Router& router, applications::ApplicationService& apps) {
    router.get(
        kApplication, http::Access::member,
        [&apps](const httplib::Request& req, httplib::Response& res, const auth::Principal& me) {
            send_json(res, full_json(apps.get(me.user_id, http::path_id(req))));
        });

    router.put(
        kApplication, http::Access::member,
        [&apps](const httplib::Request& req, httplib::Response& res, const auth::Principal& me) {
            auto id = http::path_id(req);
            apps.get(me.user_id, id);  // a stranger's id is 404 before any word on the body
            send_json(res, full_json(apps.update(me.user_id, id, input_of(req))));
        });

    router.del(
        kApplication, http::Access::member,
        [&apps](const httplib::Request& req, httplib::Response& res, const auth::Principal& me) {
            apps.remove(me.user_id, http::path_id(req));
            res.status = 204;
        });
}

}  // namespace

void register_application_routes(http::Router& router,
                                 applications::ApplicationService& applications) {
    register_collection(router, applications);
    register_member(router, applications);
}

}  // namespace vitae::api
