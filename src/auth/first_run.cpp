#include "auth/first_run.hpp"

#include "core/error.hpp"
#include "store/database.hpp"
#include "store/user_repository.hpp"

namespace vitae::auth {

bool FirstRun::pending() {
    return db_.read([](store::Connection& conn) { return store::UserRepository::count(conn); }) ==
           0;
}

std::optional<std::string> FirstRun::issue() {
    return db_.write([&](store::Connection& conn) -> std::optional<std::string> {
        if (store::UserRepository::count(conn) != 0)
            return std::nullopt;
        return links_.issue(conn, LinkPurpose::setup, std::nullopt, OneTimeLinks::kSetupTtlS);
    });
}

bool FirstRun::link_works(std::string_view token) {
    return pending() && links_.peek(token, LinkPurpose::setup).has_value();
}

std::int64_t FirstRun::complete(std::string_view token, NewAccount account, const std::string& ip) {
    if (!link_works(token))
        throw Error(ErrorCode::forbidden, kSetupLinkInvalidMessage);
    account.role = "admin";
    return accounts_.create(account, Actor{std::nullopt, "setup", ip},
                            [&](store::Connection& conn) {
                                if (store::UserRepository::count(conn) != 0)
                                    throw Error(ErrorCode::forbidden, kSetupLinkInvalidMessage);
                                links_.consume(conn, token, LinkPurpose::setup);
                            });
}

}  // namespace vitae::auth
