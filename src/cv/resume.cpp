#include "cv/resume.hpp"

#include <cctype>
#include <string_view>

#include "core/error.hpp"

namespace vitae::cv {

namespace {

using nlohmann::json;

enum class Kind { text, date, url, email, text_list, object, object_list };

struct Field {
    const char* name;
    Kind kind;
    const std::vector<Field>* fields = nullptr;  // for object and object_list
};

// The JSON Resume schema (v1.0.0), as far as validation needs it. Fields missing here
// are kept and never checked.
const std::vector<Field> kLocation = {{"address", Kind::text},
                                      {"postalCode", Kind::text},
                                      {"city", Kind::text},
                                      {"countryCode", Kind::text},
                                      {"region", Kind::text}};
const std::vector<Field> kProfile = {
    {"network", Kind::text}, {"username", Kind::text}, {"url", Kind::url}};
const std::vector<Field> kBasics = {{"name", Kind::text},
                                    {"label", Kind::text},
                                    {"image", Kind::text},
                                    {"email", Kind::email},
                                    {"phone", Kind::text},
                                    {"url", Kind::url},
                                    {"summary", Kind::text},
                                    {"location", Kind::object, &kLocation},
                                    {"profiles", Kind::object_list, &kProfile}};
const std::vector<Field> kWork = {
    {"name", Kind::text},     {"location", Kind::text}, {"description", Kind::text},
    {"position", Kind::text}, {"url", Kind::url},       {"startDate", Kind::date},
    {"endDate", Kind::date},  {"summary", Kind::text},  {"highlights", Kind::text_list}};
const std::vector<Field> kVolunteer = {
    {"organization", Kind::text},   {"position", Kind::text}, {"url", Kind::url},
    {"startDate", Kind::date},      {"endDate", Kind::date},  {"summary", Kind::text},
    {"highlights", Kind::text_list}};
const std::vector<Field> kEducation = {{"institution", Kind::text}, {"url", Kind::url},
                                       {"area", Kind::text},        {"studyType", Kind::text},
                                       {"startDate", Kind::date},   {"endDate", Kind::date},
                                       {"score", Kind::text},       {"courses", Kind::text_list}};
const std::vector<Field> kAward = {
    {"title", Kind::text}, {"date", Kind::date}, {"awarder", Kind::text}, {"summary", Kind::text}};
const std::vector<Field> kCertificate = {
    {"name", Kind::text}, {"date", Kind::date}, {"url", Kind::url}, {"issuer", Kind::text}};
const std::vector<Field> kPublication = {{"name", Kind::text},
                                         {"publisher", Kind::text},
                                         {"releaseDate", Kind::date},
                                         {"url", Kind::url},
                                         {"summary", Kind::text}};
const std::vector<Field> kSkill = {
    {"name", Kind::text}, {"level", Kind::text}, {"keywords", Kind::text_list}};
const std::vector<Field> kLanguage = {{"language", Kind::text}, {"fluency", Kind::text}};
const std::vector<Field> kInterest = {{"name", Kind::text}, {"keywords", Kind::text_list}};
const std::vector<Field> kReference = {{"name", Kind::text}, {"reference", Kind::text}};
const std::vector<Field> kProject = {{"name", Kind::text},
                                     {"description", Kind::text},
                                     {"highlights", Kind::text_list},
                                     {"keywords", Kind::text_list},
                                     {"startDate", Kind::date},
                                     {"endDate", Kind::date},
                                     {"url", Kind::url},
                                     {"roles", Kind::text_list},
                                     {"entity", Kind::text},
                                     {"type", Kind::text}};
const std::vector<Field> kMeta = {
    {"canonical", Kind::url}, {"version", Kind::text}, {"lastModified", Kind::text}};
const std::vector<Field> kResume = {{"basics", Kind::object, &kBasics},
                                    {"work", Kind::object_list, &kWork},
                                    {"volunteer", Kind::object_list, &kVolunteer},
                                    {"education", Kind::object_list, &kEducation},
                                    {"awards", Kind::object_list, &kAward},
                                    {"certificates", Kind::object_list, &kCertificate},
                                    {"publications", Kind::object_list, &kPublication},
                                    {"skills", Kind::object_list, &kSkill},
                                    {"languages", Kind::object_list, &kLanguage},
                                    {"interests", Kind::object_list, &kInterest},
                                    {"references", Kind::object_list, &kReference},
                                    {"projects", Kind::object_list, &kProject},
                                    {"meta", Kind::object, &kMeta}};

bool is_digits(std::string_view s) {
    for (char c : s) {
        if (c < '0' || c > '9')
            return false;
    }
    return !s.empty();
}

int days_in_month(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

// YYYY, YYYY-MM or YYYY-MM-DD naming a real calendar day.
bool is_date(std::string_view s) {
    if (s.size() != 4 && s.size() != 7 && s.size() != 10)
        return false;
    if (!is_digits(s.substr(0, 4)))
        return false;
    if (s.size() == 4)
        return true;
    if (s[4] != '-' || !is_digits(s.substr(5, 2)))
        return false;
    int year = std::stoi(std::string(s.substr(0, 4)));
    int month = std::stoi(std::string(s.substr(5, 2)));
    if (month < 1 || month > 12)
        return false;
    if (s.size() == 7)
        return true;
    if (s[7] != '-' || !is_digits(s.substr(8, 2)))
        return false;
    int day = std::stoi(std::string(s.substr(8, 2)));
    return day >= 1 && day <= days_in_month(year, month);
}

bool has_space_or_control(std::string_view s) {
    for (unsigned char c : s) {
        if (c <= ' ' || c == 0x7f)
            return true;
    }
    return false;
}

bool starts_with_nocase(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size())
        return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i])
            return false;
    }
    return true;
}

// An absolute http or https URL with a host; what a reader of the CV can click.
bool is_url(std::string_view s) {
    if (has_space_or_control(s))
        return false;
    std::size_t scheme = starts_with_nocase(s, "https://")  ? 8
                         : starts_with_nocase(s, "http://") ? 7
                                                            : 0;
    if (scheme == 0)
        return false;
    auto rest = s.substr(scheme);
    auto host = rest.substr(0, rest.find_first_of("/?#"));
    auto at = host.rfind('@');
    if (at != std::string_view::npos)
        host = host.substr(at + 1);
    return !host.empty() && host.front() != ':' && host.front() != '.';
}

}  // namespace

bool is_email(std::string_view s) {
    if (has_space_or_control(s))
        return false;
    auto at = s.find('@');
    if (at == 0 || at == std::string_view::npos || s.find('@', at + 1) != std::string_view::npos)
        return false;
    auto domain = s.substr(at + 1);
    auto dot = domain.find('.');
    return dot != std::string_view::npos && dot > 0 && domain.back() != '.' &&
           domain.find("..") == std::string_view::npos;
}

namespace {

class Validator {
  public:
    std::vector<Problem> problems;

    void fields(const json& object, const std::vector<Field>& known, const std::string& path) {
        for (const auto& field : known) {
            auto it = object.find(field.name);
            if (it != object.end())
                value(*it, field, path.empty() ? field.name : path + "." + field.name);
        }
    }

  private:
    void add(const std::string& path, const char* message) { problems.push_back({path, message}); }

    void value(const json& v, const Field& field, const std::string& path) {
        switch (field.kind) {
            case Kind::text:
                return text(v, path, nullptr, nullptr);
            case Kind::date:
                return text(v, path, is_date, "must be a date: YYYY, YYYY-MM or YYYY-MM-DD");
            case Kind::url:
                return text(v, path, is_url, "must be a web address starting with https://");
            case Kind::email:
                return text(v, path, is_email, "must be an email address like name@example.org");
            case Kind::text_list:
                return text_list(v, path);
            case Kind::object:
                return object(v, *field.fields, path);
            case Kind::object_list:
                return object_list(v, *field.fields, path);
        }
    }

    void text(const json& v, const std::string& path, bool (*ok)(std::string_view),
              const char* message) {
        if (!v.is_string())
            return add(path, "must be text");
        const auto& s = v.get_ref<const std::string&>();
        if (ok && !s.empty() && !ok(s))
            add(path, message);
    }

    void text_list(const json& v, const std::string& path) {
        if (!v.is_array())
            return add(path, "must be a list of texts");
        for (std::size_t i = 0; i < v.size(); ++i)
            text(v[i], path + "[" + std::to_string(i) + "]", nullptr, nullptr);
    }

    void object(const json& v, const std::vector<Field>& known, const std::string& path) {
        if (!v.is_object())
            return add(path, "must be an object");
        fields(v, known, path);
    }

    void object_list(const json& v, const std::vector<Field>& known, const std::string& path) {
        if (!v.is_array())
            return add(path, "must be a list");
        for (std::size_t i = 0; i < v.size(); ++i)
            object(v[i], known, path + "[" + std::to_string(i) + "]");
    }
};

}  // namespace

void check_storable(const nlohmann::json& resume) {
    if (!resume.is_object())
        throw Error(ErrorCode::bad_request, "\"resume\" must be a JSON object.");
    std::string text;
    try {
        text = resume.dump();
    } catch (const nlohmann::json::type_error&) {
        throw Error(ErrorCode::bad_request, "The résumé holds text that is not UTF-8.");
    }
    if (text.size() > kMaxResumeBytes)
        throw Error(ErrorCode::bad_request, "The résumé is larger than 1 MiB.");
}

bool is_language_tag(std::string_view tag) {
    bool ok = tag.size() >= 2 && tag.size() <= 35 && tag.front() != '-' && tag.back() != '-';
    for (char c : tag)
        ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '-');
    return ok;
}

std::vector<Problem> validate(const nlohmann::json& resume) {
    Validator v;
    if (resume.is_object())
        v.fields(resume, kResume, "");
    return std::move(v.problems);
}

nlohmann::json to_json(const std::vector<Problem>& problems) {
    auto out = nlohmann::json::array();
    for (const auto& p : problems)
        out.push_back({{"path", p.path}, {"message", p.message}});
    return out;
}

}  // namespace vitae::cv
