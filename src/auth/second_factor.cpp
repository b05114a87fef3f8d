#include "auth/second_factor.hpp"

#include <nlohmann/json.hpp>

#include "auth/audit.hpp"
#include "auth/credential_service.hpp"
#include "auth/recovery_codes.hpp"
#include "core/error.hpp"
#include "core/log.hpp"
#include "store/database.hpp"
#include "store/settings_repository.hpp"
#include "store/totp_enrolment_repository.hpp"
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

bool admins_must_enrol(store::Connection& conn) {
    return store::SettingsRepository::get(conn, SecondFactor::kRequireAdminSetting) == "1";
}

bool required_for(store::Connection& conn, const store::UserRow& user) {
    return user.role == "admin" && admins_must_enrol(conn);
}

// The signed-in user's row, re-read inside the caller's transaction: the principal was
// loaded before the request's checks, and two-factor state may have changed since.
store::UserRow current_user(store::Connection& conn, const Principal& who) {
    auto user = store::UserRepository::find_by_id(conn, who.user_id);
    if (!user || user->disabled)
        throw Error(ErrorCode::unauthorized, "Sign in to continue.");
    return std::move(*user);
}

void require_enabled(const store::UserRow& user) {
    if (!user.totp_secret)
        throw Error(ErrorCode::bad_request, "Two-factor sign-in is not on.");
}

void refuse_if_required(store::Connection& conn, const store::UserRow& user) {
    if (required_for(conn, user)) {
        throw Error(ErrorCode::forbidden,
                    "Administrators must keep two-factor sign-in on while it is required for "
                    "them. An administrator can change that under Admin → Settings.");
    }
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

SecondFactorStatus SecondFactor::status(const Principal& who) {
    auto now = clock_();
    return db_.read([&](store::Connection& conn) {
        SecondFactorStatus status;
        auto user = current_user(conn, who);
        status.enabled = user.totp_secret.has_value();
        status.recovery_codes_left = parse_hashes(user.recovery_code_hashes).size();
        status.required = required_for(conn, user);
        auto pending = store::TotpEnrolmentRepository::find(conn, who.user_id);
        if (!status.enabled && pending && now - pending->created_at < kEnrolmentTtlS)
            status.pending_secret = pending->secret;
        return status;
    });
}

std::string SecondFactor::start_enrolment(const Principal& who) {
    std::string secret = Totp::new_secret();
    auto now = clock_();
    db_.write([&](store::Connection& conn) {
        if (current_user(conn, who).totp_secret)
            throw Error(ErrorCode::conflict, "Two-factor sign-in is already on.");
        store::TotpEnrolmentRepository::put(conn, who.user_id, secret, now);
    });
    return secret;
}

std::vector<std::string> SecondFactor::confirm_enrolment(const Principal& who,
                                                         std::string_view code,
                                                         const std::string& ip) {
    auto now = clock_();
    auto codes = RecoveryCodes::generate();
    db_.write([&](store::Connection& conn) {
        auto user = current_user(conn, who);
        if (user.totp_secret)
            throw Error(ErrorCode::conflict, "Two-factor sign-in is already on.");
        auto pending = store::TotpEnrolmentRepository::find(conn, who.user_id);
        if (!pending || now - pending->created_at >= kEnrolmentTtlS) {
            throw Error(ErrorCode::bad_request,
                        "This set-up has expired. Start again and scan the new code.");
        }
        auto step = code.size() <= 16 ? totp_.verify(pending->secret, code, now, std::nullopt)
                                      : std::nullopt;
        if (!step) {
            throw Error(
                ErrorCode::bad_request,
                "That code is not right. Check the app shows Vitae and try the newest code.");
        }
        store::UserRepository::set_second_factor(conn, who.user_id, pending->secret,
                                                 nlohmann::json(codes.hashes).dump(), now);
        // The confirming code is spent like a sign-in code: it cannot sign in a thief who
        // watched it being typed.
        store::UserRepository::set_totp_last_step(conn, who.user_id, *step);
        store::TotpEnrolmentRepository::remove(conn, who.user_id);
        audit(conn, now, Actor::of(who, ip), "2fa.enable", who.email,
              {{"recovery_codes", codes.hashes.size()}});
    });
    log::info("two-factor sign-in turned on", {{"user_id", who.user_id}});
    return std::move(codes.plain);
}

void SecondFactor::check_password(const Principal& who, std::string_view password) const {
    if (!credentials_.is_current_password(who.user_id, password))
        throw Error(ErrorCode::bad_request, kWrongCurrentPassword);
}

void SecondFactor::disable(const Principal& who, std::string_view password, const std::string& ip) {
    // The policy goes before the password, so a refused admin learns nothing about the
    // password they typed; it is checked again below in case it changed meanwhile.
    db_.read([&](store::Connection& conn) { refuse_if_required(conn, current_user(conn, who)); });
    check_password(who, password);
    auto now = clock_();
    db_.write([&](store::Connection& conn) {
        auto user = current_user(conn, who);
        require_enabled(user);
        refuse_if_required(conn, user);
        store::UserRepository::set_second_factor(conn, who.user_id, std::nullopt, "[]", now);
        store::TotpEnrolmentRepository::remove(conn, who.user_id);
        audit(conn, now, Actor::of(who, ip), "2fa.disable", who.email);
    });
    log::info("two-factor sign-in turned off", {{"user_id", who.user_id}});
}

std::vector<std::string> SecondFactor::regenerate_recovery_codes(const Principal& who,
                                                                 std::string_view password,
                                                                 const std::string& ip) {
    check_password(who, password);
    auto now = clock_();
    auto codes = RecoveryCodes::generate();
    db_.write([&](store::Connection& conn) {
        require_enabled(current_user(conn, who));
        store::UserRepository::set_recovery_code_hashes(conn, who.user_id,
                                                        nlohmann::json(codes.hashes).dump());
        audit(conn, now, Actor::of(who, ip), "2fa.recovery_codes", who.email,
              {{"recovery_codes", codes.hashes.size()}});
    });
    return std::move(codes.plain);
}

bool SecondFactor::required_for_admins() {
    return db_.read([](store::Connection& conn) { return admins_must_enrol(conn); });
}

void SecondFactor::require_for_admins(bool on, const Actor& actor) {
    auto now = clock_();
    db_.write([&](store::Connection& conn) {
        store::SettingsRepository::put(conn, kRequireAdminSetting, on ? "1" : "0", now);
        audit(conn, now, actor, "settings.require_admin_2fa", kRequireAdminSetting,
              {{"value", on}});
    });
    log::info("admin two-factor requirement changed", {{"required", on}});
}

bool SecondFactor::enrolment_owed(const Principal& who) {
    if (!who.is_admin())
        return false;
    return db_.read([&](store::Connection& conn) {
        auto user = store::UserRepository::find_by_id(conn, who.user_id);
        return user && !user->totp_secret && required_for(conn, *user);
    });
}

}  // namespace vitae::auth
