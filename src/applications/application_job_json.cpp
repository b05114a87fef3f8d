#include "applications/application_job_json.hpp"

#include "core/error.hpp"

namespace vitae::applications {

namespace {

using nlohmann::json;

[[noreturn]] void refuse(const std::string& message) {
    throw Error(ErrorCode::bad_request, message);
}

// The string at job[key], nothing when absent; refuses another type.
std::optional<std::string> string_at(const json& object, const char* key, const std::string& path) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null())
        return std::nullopt;
    if (!it->is_string())
        refuse("\"" + path + "\" must be a string.");
    return it->get<std::string>();
}

std::vector<std::string> strings_at(const json& job, const char* key) {
    auto it = job.find(key);
    if (it == job.end() || it->is_null())
        return {};
    if (!it->is_array())
        refuse("\"" + std::string(key) + "\" must be a list of strings.");
    std::vector<std::string> out;
    for (const auto& item : *it) {
        if (!item.is_string())
            refuse("\"" + std::string(key) + "\" must be a list of strings.");
        out.push_back(item.get<std::string>());
    }
    return out;
}

std::string location_of(const json& job) {
    auto it = job.find("location");
    if (it == job.end() || it->is_null())
        return {};
    if (!it->is_object())
        refuse("\"location\" must be an object (address, city, region, countryCode).");
    std::string joined;
    for (const char* key : {"city", "region", "countryCode"}) {
        auto part = string_at(*it, key, std::string("location.") + key).value_or("");
        if (!part.empty())
            joined += (joined.empty() ? "" : ", ") + part;
    }
    auto address = string_at(*it, "address", "location.address").value_or("");
    return joined.empty() ? address : joined;
}

// "Web Development (Master): HTML, CSS"
std::string skill_line(const json& skill) {
    if (!skill.is_object())
        refuse("\"skills\" must be a list of objects (name, level, keywords).");
    auto line = string_at(skill, "name", "skills.name").value_or("");
    if (auto level = string_at(skill, "level", "skills.level"); level && !level->empty())
        line += " (" + *level + ")";
    auto keywords = strings_at(skill, "keywords");
    for (std::size_t i = 0; i < keywords.size(); ++i)
        line += (i ? ", " : ": ") + keywords[i];
    return line;
}

void append_list(std::string& text, const char* heading, const std::vector<std::string>& items) {
    if (items.empty())
        return;
    text += std::string(text.empty() ? "" : "\n\n") + heading + ":";
    for (const auto& item : items)
        text += "\n- " + item;
}

// The description, then what the schema keeps in fields of its own, as readable text.
std::string description_of(const json& job) {
    auto text = string_at(job, "description", "description").value_or("");
    std::string facts;
    for (auto [key, label] : {std::pair{"type", "Type"}, std::pair{"remote", "Remote"},
                              std::pair{"experience", "Experience"}}) {
        if (auto value = string_at(job, key, key); value && !value->empty())
            facts += (facts.empty() ? "" : "\n") + std::string(label) + ": " + *value;
    }
    if (!facts.empty())
        text += (text.empty() ? "" : "\n\n") + facts;
    append_list(text, "Responsibilities", strings_at(job, "responsibilities"));
    append_list(text, "Qualifications", strings_at(job, "qualifications"));
    std::vector<std::string> skills;
    if (auto it = job.find("skills"); it != job.end() && !it->is_null()) {
        if (!it->is_array())
            refuse("\"skills\" must be a list of objects (name, level, keywords).");
        for (const auto& skill : *it)
            skills.push_back(skill_line(skill));
    }
    append_list(text, "Skills", skills);
    return text;
}

// The schema's date may be YYYY, YYYY-MM or YYYY-MM-DD; only a full day is a saved_on.
std::optional<std::string> day_of(const json& job) {
    auto date = string_at(job, "date", "date");
    if (!date || date->size() != 10)
        return std::nullopt;
    return date;
}

}  // namespace

nlohmann::json to_job_json(const Application& a) {
    json job = {{"title", a.role}, {"company", a.company}, {"description", a.job_description}};
    if (!a.location.empty())
        job["location"] = {{"address", a.location}};
    if (!a.salary.empty())
        job["salary"] = a.salary;
    if (a.saved_on)
        job["date"] = *a.saved_on;
    json meta = {{"lastModified", core::format_utc(std::chrono::system_clock::time_point(
                                                       std::chrono::seconds(a.updated_at)),
                                                   "%Y-%m-%dT%H:%M:%S")}};
    if (!a.job_url.empty())
        meta["canonical"] = a.job_url;
    job["meta"] = meta;
    return job;
}

ApplicationInput from_job_json(const nlohmann::json& job) {
    if (!job.is_object())
        refuse("A job description must be a JSON object (JSON Resume job schema).");
    ApplicationInput in;
    in.role = string_at(job, "title", "title");
    in.company = string_at(job, "company", "company");
    if (!in.role || !in.company)
        refuse("A job description needs \"title\" and \"company\" to become an application.");
    in.job_description = description_of(job);
    in.location = location_of(job);
    in.salary = string_at(job, "salary", "salary");
    in.saved_on = day_of(job);
    if (auto meta = job.find("meta"); meta != job.end() && meta->is_object())
        in.job_url = string_at(*meta, "canonical", "meta.canonical");
    return in;
}

ApplicationInput parse_job_json(std::string_view text) {
    if (text.size() > kMaxJobJsonBytes)
        refuse("The job description file is larger than 1 MiB.");
    auto job = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (job.is_discarded())
        refuse("The file is not valid JSON (UTF-8).");
    return from_job_json(job);
}

}  // namespace vitae::applications
