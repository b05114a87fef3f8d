#pragma once
// A running app and a member calling the CV API with a personal token, for the tests of
// /api/v1/cvs and what hangs below it.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "auth/account_service.hpp"
#include "auth/api_token_service.hpp"
#include "support/api_call.hpp"
#include "support/db_file.hpp"
#include "support/fake_clock.hpp"
#include "support/test_app.hpp"

namespace vitae::test {

// Three versions are kept per CV, so pruning shows after a few saves.
struct CvApiSite {
    static constexpr const char* kPassword = "correct horse battery staple";

    FakeClock clock;
    TestApp app{std::vector<std::string>{"--cv-versions-keep", "3"}, clock.options()};
    std::string token = token_for(member("zoe@example.org"));

    std::int64_t member(const std::string& email, const std::string& name = "") {
        return app.app().accounts().create({email, name, "member", kPassword},
                                           auth::Actor{std::nullopt, "test", ""});
    }

    std::string token_for(std::int64_t user_id) {
        return auth::ApiTokenService(app.app().database())
            .create(user_id, "t", auth::Actor{std::nullopt, "test", ""})
            .token;
    }

    httplib::Result call(const std::string& method, const std::string& path,
                         const std::string& body = "", const std::string& as = "") {
        auto cli = app.client();
        return api_call(cli, method, path, as.empty() ? token : as, body);
    }

    nlohmann::json ok(const std::string& method, const std::string& path,
                      const nlohmann::json& body = nullptr, int status = 200) {
        auto res = call(method, path, body.is_null() ? "" : body.dump());
        REQUIRE(res);
        CAPTURE(res->body);
        REQUIRE(res->status == status);
        return nlohmann::json::parse(res->body);
    }

    nlohmann::json create(const nlohmann::json& body) {
        return ok("POST", "/api/v1/cvs", body, 201);
    }

    std::string stored(const std::string& sql) {
        return query_value(app.data_dir() / "vitae.db", sql);
    }
};

}  // namespace vitae::test
