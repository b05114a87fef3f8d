#include "auth/second_factor.hpp"

#include <nlohmann/json.hpp>

#include "auth/audit.hpp"
#include "auth/recovery_codes.hpp"
#include "core/log.hpp"
#include "store/database.hpp"
#include "store/user_repository.hpp"

namespace vitae::auth {

namespace {

std::vector<std::string> parse_hashes(const std::string& json_array) {
    auto parsed = nlohmann::json::parse(json_array, nullptr, false);
    if (!parsed.is_array()) {
        log::error("stored recovery codes are not a JSON array; treating as none");
        return {};
    }
    std::vector<std::string> out;
    for (const auto& item : parsed) {
        if (item.is_string())
            out.push_back(item.get<std::string>());
    }
    return out;
}

}  // namespace

bool SecondFactor::verify_sign_in(std::int64_t user_id, std::string_view code,
                                  const std::string& ip) {
    auto now = clock_();
    // Read, decide and record in one write transaction: two requests racing with the same
    // code cannot both see the step or the recovery code as unused.
    return db_.write([&](store::Connection& conn) {
        auto user = store::UserRepository::find_by_id(conn, user_id);
        if (!user || !user->totp_secret || user->disabled)
            return false;
        Actor actor{user->id, user->email, ip};
        if (code.size() <= 16) {
            if (auto step = totp_.verify(*user->totp_secret, code, now, user->totp_last_step)) {
                store::UserRepository::set_totp_last_step(conn, user->id, *step);
                audit(conn, now, actor, "signin.success", user->email, {{"second_factor", "totp"}});
                return true;
            }
        }
        auto hashes = parse_hashes(user->recovery_code_hashes);
        if (code.size() <= 64) {
            if (auto index = RecoveryCodes::match(hashes, code)) {
                hashes.erase(hashes.begin() + static_cast<std::ptrdiff_t>(*index));
                store::UserRepository::set_recovery_code_hashes(conn, user->id,
                                                                nlohmann::json(hashes).dump());
                audit(conn, now, actor, "signin.success", user->email,
                      {{"second_factor", "recovery_code"}, {"recovery_codes_left", hashes.size()}});
                return true;
            }
        }
        audit(conn, now, actor, "signin.failure", user->email, {{"reason", "second_factor"}});
        return false;
    });
}

}  // namespace vitae::auth
