#include "auth/audit.hpp"

#include <charconv>
#include <chrono>
#include <limits>

#include "core/error.hpp"
#include "store/database.hpp"

namespace vitae::auth {

namespace {

constexpr std::int64_t kDay = 86400;

[[noreturn]] void reject(const std::string& message) {
    throw Error(ErrorCode::bad_request, message);
}

std::string_view trim(std::string_view text) {
    auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

bool valid_utf8(std::string_view text) {
    try {
        (void)nlohmann::json(std::string(text)).dump();
        return true;
    } catch (const nlohmann::json::type_error&) {
        return false;
    }
}

// The trimmed text of a filter field, nothing when empty.
std::optional<std::string> text_filter(std::string_view raw, std::string_view field) {
    std::string_view text = trim(raw);
    if (text.size() > AuditLog::kMaxFilterBytes) {
        reject("The " + std::string(field) + " filter is too long: use at most " +
               std::to_string(AuditLog::kMaxFilterBytes) + " bytes.");
    }
    if (!valid_utf8(text))
        reject("The " + std::string(field) + " filter is not valid text (UTF-8).");
    if (text.empty())
        return std::nullopt;
    return std::string(text);
}

// Midnight UTC starting the day "YYYY-MM-DD".
std::optional<std::int64_t> day_start(std::string_view raw, std::string_view field) {
    std::string_view text = trim(raw);
    if (text.empty())
        return std::nullopt;
    auto bad = [&] {
        reject("The " + std::string(field) +
               " date must be a real date written year-month-day, like 2027-01-31.");
    };
    int y = 0;
    unsigned m = 0, d = 0;
    auto digits = [&](std::size_t at, std::size_t n, auto& out) {
        auto part = text.substr(at, n);
        auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), out);
        if (ec != std::errc() || end != part.data() + part.size())
            bad();
    };
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        bad();
    digits(0, 4, y);
    digits(5, 2, m);
    digits(8, 2, d);
    std::chrono::year_month_day date{std::chrono::year(y), std::chrono::month(m),
                                     std::chrono::day(d)};
    if (!date.ok() || y < 1970)
        bad();
    return std::chrono::sys_days(date).time_since_epoch().count() * kDay;
}

std::optional<std::int64_t> whole_number(std::string_view raw, std::int64_t min, std::int64_t max,
                                         const std::string& message) {
    std::string_view text = trim(raw);
    if (text.empty())
        return std::nullopt;
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max)
        reject(message);
    return value;
}

// "signin." asks for every sign-in action; "signin.failure" for that one alone.
void split_prefix(std::optional<std::string> text, std::string_view prefix_ends,
                  std::optional<std::string>& exact, std::optional<std::string>& prefix) {
    if (text && prefix_ends.find(text->back()) != std::string_view::npos)
        prefix = std::move(text);
    else
        exact = std::move(text);
}

store::AuditFilter parse(const AuditSearch& s) {
    store::AuditFilter f;
    split_prefix(text_filter(s.action, "action"), ".", f.action, f.action_prefix);
    f.actor = text_filter(s.actor, "actor");
    f.target = text_filter(s.target, "target");
    split_prefix(text_filter(s.ip, "IP"), ".:", f.ip, f.ip_prefix);
    f.from = day_start(s.from, "from");
    if (auto last_day = day_start(s.to, "to"))
        f.until = *last_day + kDay;
    if (f.from && f.until && *f.from >= *f.until)
        reject("The from date is after the to date.");
    f.before_id = whole_number(s.before, 1, std::numeric_limits<std::int64_t>::max(),
                               "The page marker (before) must be a positive whole number.");
    f.limit = static_cast<int>(
        whole_number(s.limit, 1, store::AuditLogRepository::kMaxLimit,
                     "The limit must be a whole number from 1 to " +
                         std::to_string(store::AuditLogRepository::kMaxLimit) + ".")
            .value_or(AuditLog::kDefaultLimit));
    return f;
}

}  // namespace

void audit(store::Connection& conn, std::int64_t now, const Actor& actor, std::string_view action,
           std::string_view target, const nlohmann::json& detail) {
    store::AuditLogRepository::append(
        conn, {.at = now,
               .actor_user_id = actor.user_id,
               .actor = actor.label,
               .action = std::string(action),
               .target = std::string(target),
               .ip = actor.ip,
               .detail = detail.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)});
}

AuditSearch AuditSearch::from_params(const std::function<std::string(const char*)>& param) {
    return {param("action"), param("actor"), param("target"), param("ip"),
            param("from"),   param("to"),    param("before"), param("limit")};
}

void AuditLog::record(const Actor& actor, std::string_view action, std::string_view target,
                      const nlohmann::json& detail) {
    auto now = clock_();
    db_.write([&](store::Connection& conn) { audit(conn, now, actor, action, target, detail); });
}

AuditResults AuditLog::list(const AuditSearch& search) const {
    store::AuditFilter filter = parse(search);
    return db_.read([&](store::Connection& conn) {
        return AuditResults{store::AuditLogRepository::list(conn, filter),
                            store::AuditLogRepository::count(conn, filter)};
    });
}

std::int64_t AuditLog::prune(int keep_days) {
    std::int64_t cutoff = clock_() - keep_days * kDay;
    return db_.write(
        [&](store::Connection& conn) { return store::AuditLogRepository::prune(conn, cutoff); });
}

}  // namespace vitae::auth
