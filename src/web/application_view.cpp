#include "web/application_view.hpp"

#include <algorithm>
#include <charconv>

#include "applications/application_fields.hpp"
#include "core/clock.hpp"

namespace vitae::web {

namespace {

using applications::Application;
using applications::ApplicationInput;

std::string id_text(std::int64_t id) {
    return std::to_string(id);
}

std::string utc_text(std::int64_t at) {
    return core::format_utc(std::chrono::system_clock::time_point(std::chrono::seconds(at)),
                            "%Y-%m-%d %H:%M UTC");
}

// A positive id, or nothing for "" and anything that is not one (refused as "no CV").
std::optional<std::int64_t> id_of(std::string_view text) {
    std::int64_t n = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || n <= 0)
        return std::nullopt;
    return n;
}

const cv::Cv* find_cv(const std::vector<cv::Cv>& cvs, std::optional<std::int64_t> id) {
    if (!id)
        return nullptr;
    auto it = std::find_if(cvs.begin(), cvs.end(), [&](const cv::Cv& c) { return c.id == *id; });
    return it == cvs.end() ? nullptr : &*it;
}

Data cv_options(const std::vector<cv::Cv>& cvs, std::optional<std::int64_t> selected) {
    Data list{Data::type::list};
    for (const auto& c : cvs) {
        Data d;
        d.set("id", id_text(c.id));
        d.set("title", c.title);
        d.set("selected", selected && *selected == c.id);
        list.push_back(d);
    }
    return list;
}

Data cv_link(const std::vector<cv::Cv>& cvs, std::optional<std::int64_t> id) {
    const cv::Cv* c = find_cv(cvs, id);
    if (!c)
        return Data(false);
    Data d;
    d.set("id", id_text(c->id));
    d.set("title", c->title);
    return d;
}

Data events_data(const Application& a) {
    Data list{Data::type::list};
    for (const auto& e : a.events) {
        Data d;
        d.set("status", status_label(e.status));
        d.set("at_iso", core::iso8601_utc(e.at));
        d.set("at_text", utc_text(e.at));
        if (e.note)
            d.set("note", *e.note);
        list.push_back(d);
    }
    return list;
}

}  // namespace

std::string status_label(std::string_view status) {
    std::string label(status);
    if (!label.empty())
        label[0] = static_cast<char>(label[0] - 'a' + 'A');
    return label;
}

std::optional<std::string> posted(const httplib::Request& req, const std::string& name) {
    if (req.has_file(name))
        return req.get_file_value(name).content;
    if (req.has_param(name))
        return req.get_param_value(name);
    return std::nullopt;
}

ApplicationInput posted_input(const httplib::Request& req, bool with_status) {
    ApplicationInput in;
    in.company = posted(req, "company");
    in.role = posted(req, "role");
    in.location = posted(req, "location");
    in.job_url = posted(req, "job_url");
    in.salary = posted(req, "salary");
    in.source = posted(req, "source");
    if (with_status)
        in.status = posted(req, "status");
    in.saved_on = posted(req, "saved_on");
    in.applied_on = posted(req, "applied_on");
    in.follow_up_on = posted(req, "follow_up_on");
    if (auto contacts = posted(req, "contacts"))
        in.contacts = applications::parse_contacts(*contacts);
    in.notes = posted(req, "notes");
    in.job_description = posted(req, "job_description");
    if (auto cv = posted(req, "cv_id")) {
        // "" is "no CV"; anything else must be an id, and a non-number is no CV of theirs.
        in.cv_id = cv->empty() ? std::optional<std::int64_t>() : id_of(*cv).value_or(-1);
    }
    return in;
}

Application refilled(Application a, const ApplicationInput& in) {
    auto put = [](const std::optional<std::string>& from, std::string& to) {
        if (from)
            to = *from;
    };
    put(in.company, a.company);
    put(in.role, a.role);
    put(in.location, a.location);
    put(in.job_url, a.job_url);
    put(in.salary, a.salary);
    put(in.source, a.source);
    put(in.status, a.status);
    put(in.notes, a.notes);
    put(in.job_description, a.job_description);
    for (auto [from, to] :
         {std::pair{&in.saved_on, &a.saved_on}, std::pair{&in.applied_on, &a.applied_on},
          std::pair{&in.follow_up_on, &a.follow_up_on}}) {
        if (*from)
            *to = **from;
    }
    if (in.contacts)
        a.contacts = *in.contacts;
    if (in.cv_id)
        a.cv_id = *in.cv_id;
    return a;
}

Data status_options(std::string_view current) {
    Data list{Data::type::list};
    for (auto status : applications::kStatuses) {
        Data d;
        d.set("value", std::string(status));
        d.set("label", status_label(status));
        d.set("selected", status == current);
        list.push_back(d);
    }
    return list;
}

Data application_row(const Application& a) {
    Data d;
    d.set("id", id_text(a.id));
    d.set("company", a.company);
    d.set("role", a.role);
    d.set("location", a.location);
    d.set("status", a.status);
    d.set("status_label", status_label(a.status));
    d.set("statuses", status_options(a.status));
    d.set("follow_up_on", a.follow_up_on.value_or(""));
    d.set("has_follow_up", a.follow_up_on.has_value());  // "" would count as true
    d.set("has_location", !a.location.empty());
    d.set("applied_on", a.applied_on.value_or(""));
    d.set("updated_iso", core::iso8601_utc(a.updated_at));
    d.set("updated_text", utc_text(a.updated_at));
    return d;
}

Data application_form(const Application& a, const std::vector<cv::Cv>& cvs) {
    Data d = application_row(a);
    d.set("job_url", a.job_url);
    d.set("salary", a.salary);
    d.set("source", a.source);
    d.set("saved_on", a.saved_on.value_or(""));
    d.set("contacts", applications::contacts_text(a.contacts));
    d.set("notes", a.notes);
    d.set("job_description", a.job_description);
    d.set("cvs", cv_options(cvs, a.cv_id));
    d.set("no_cv", !a.cv_id);
    return d;
}

Data application_detail(const Application& a, const std::vector<cv::Cv>& cvs) {
    Data d;
    d.set("application", application_form(a, cvs));
    d.set("id", id_text(a.id));
    d.set("events", events_data(a));
    d.set("statuses", status_options(a.status));
    d.set("cv", cv_link(cvs, a.cv_id));
    d.set("tailored_cv", cv_link(cvs, a.tailored_cv_id));
    d.set("tailor_choices", cv_options(cvs, a.cv_id));
    d.set("has_cvs", !cvs.empty());
    d.set("created_text", utc_text(a.created_at));
    d.set("fetch_job", true);  // the job URL's "fetch" button (web/job_fetch_page.cpp)
    return d;
}

}  // namespace vitae::web
