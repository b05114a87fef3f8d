#include "applications/application_fields.hpp"

#include <chrono>
#include <limits>

#include "core/error.hpp"
#include "core/utf8.hpp"

namespace vitae::applications {

namespace {

[[noreturn]] void refuse(const std::string& message) {
    throw Error(ErrorCode::bad_request, message);
}

std::string quoted(std::string_view field) {
    return "\"" + std::string(field) + "\"";
}

std::string_view trimmed(std::string_view s) {
    auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return {};
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

bool all_digits(std::string_view s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace

std::size_t core_length(std::string_view s) {
    return core::utf8_code_points(s).value_or(std::numeric_limits<std::size_t>::max());
}

std::string text(std::string_view value, std::string_view field, std::size_t max) {
    auto length = core::utf8_code_points(value);
    if (!length)
        refuse(quoted(field) + " is not UTF-8 text.");
    if (*length > max)
        refuse(quoted(field) + " is longer than " + std::to_string(max) + " characters.");
    return std::string(value);
}

std::string line(std::string_view value, std::string_view field) {
    auto s = text(trimmed(value), field, kMaxLine);
    if (s.find_first_of("\r\n") != std::string::npos)
        refuse(quoted(field) + " must be one line.");
    return s;
}

std::string required_line(std::string_view value, std::string_view field) {
    auto s = line(value, field);
    if (s.empty())
        refuse(quoted(field) + " is required.");
    return s;
}

std::string checked_url(std::string_view value) {
    auto url = text(trimmed(value), "job_url", kMaxUrl);
    if (url.empty())
        return url;
    bool web = url.starts_with("https://") || url.starts_with("http://");
    if (!web || url.find_first_of(" \t\r\n<>\"") != std::string::npos)
        refuse("\"job_url\" must be a web address starting with http:// or https://.");
    return url;
}

std::string checked_status(std::string_view value) {
    if (!is_status(value)) {
        refuse("Unknown status \"" + text(value, "status", kMaxLine) +
               "\": use saved, applied, interviewing, offer, accepted, rejected or withdrawn.");
    }
    return std::string(value);
}

std::string checked_date(std::string_view value, std::string_view field) {
    value = trimmed(value);
    if (value.empty())
        return {};
    bool shaped = value.size() == 10 && value[4] == '-' && value[7] == '-' &&
                  all_digits(value.substr(0, 4)) && all_digits(value.substr(5, 2)) &&
                  all_digits(value.substr(8, 2));
    if (shaped) {
        std::chrono::year_month_day day{
            std::chrono::year(std::stoi(std::string(value.substr(0, 4)))),
            std::chrono::month(std::stoul(std::string(value.substr(5, 2)))),
            std::chrono::day(std::stoul(std::string(value.substr(8, 2))))};
        if (day.ok())
            return std::string(value);
    }
    refuse(quoted(field) + " must be a date written YYYY-MM-DD, such as 2027-01-31.");
}

std::vector<Contact> checked_contacts(const std::vector<Contact>& contacts) {
    std::vector<Contact> out;
    for (const auto& c : contacts) {
        Contact checked{line(c.name, "contacts"), line(c.email, "contacts"),
                        line(c.phone, "contacts"), line(c.role, "contacts")};
        if (checked.name.empty() && checked.email.empty() && checked.phone.empty() &&
            checked.role.empty())
            continue;
        for (const auto* field : {&checked.name, &checked.email, &checked.phone, &checked.role}) {
            if (field->find('|') != std::string::npos)
                refuse("\"contacts\" fields cannot contain |, which separates them.");
        }
        out.push_back(std::move(checked));
    }
    if (out.size() > kMaxContacts)
        refuse("\"contacts\" holds at most " + std::to_string(kMaxContacts) + " people.");
    return out;
}

std::string contacts_text(const std::vector<Contact>& contacts) {
    std::string out;
    for (const auto& c : contacts) {
        std::vector<const std::string*> fields = {&c.name, &c.email, &c.phone, &c.role};
        while (!fields.empty() && fields.back()->empty())
            fields.pop_back();
        std::string row;
        for (std::size_t i = 0; i < fields.size(); ++i)
            row += (i ? " | " : "") + *fields[i];
        out += (out.empty() ? "" : "\n") + row;
    }
    return out;
}

std::vector<Contact> parse_contacts(std::string_view text) {
    std::vector<Contact> out;
    while (!text.empty()) {
        auto end = text.find('\n');
        auto row = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        std::vector<std::string> parts;
        for (std::size_t at = 0;;) {
            auto bar = row.find('|', at);
            parts.emplace_back(trimmed(row.substr(at, bar - at)));
            if (bar == std::string_view::npos)
                break;
            at = bar + 1;
        }
        // Extra fields stay in the role, where checked_contacts() refuses them by name
        // rather than dropping what the member typed.
        while (parts.size() > 4) {
            parts[3] += " | " + parts[4];
            parts.erase(parts.begin() + 4);
        }
        parts.resize(4);
        out.push_back({parts[0], parts[1], parts[2], parts[3]});
    }
    return out;
}

std::string join_problems(const std::vector<std::string>& problems) {
    constexpr std::size_t kShown = 20;
    std::string out;
    for (std::size_t i = 0; i < problems.size() && i < kShown; ++i)
        out += (i ? "; " : "") + problems[i];
    if (problems.size() > kShown)
        out += "; and " + std::to_string(problems.size() - kShown) + " more rows";
    return out + ". Nothing was imported.";
}

}  // namespace vitae::applications
