#include "http/middleware.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

#include "http/server.hpp"

namespace vitae::http {
namespace {

TEST_CASE("status_for_maps_every_error_code_to_its_http_status") {
    const std::vector<std::pair<ErrorCode, int>> expected = {
        {ErrorCode::bad_request, 400},       {ErrorCode::unauthorized, 401},
        {ErrorCode::forbidden, 403},         {ErrorCode::not_found, 404},
        {ErrorCode::conflict, 409},          {ErrorCode::payload_too_large, 413},
        {ErrorCode::unsupported_media, 415}, {ErrorCode::too_many_requests, 429},
        {ErrorCode::unavailable, 503},       {ErrorCode::config, 500},
        {ErrorCode::storage, 500},           {ErrorCode::internal, 500},
    };
    // `internal` is the last enumerator: a code added to ErrorCode must be added here.
    REQUIRE(expected.size() == static_cast<size_t>(ErrorCode::internal) + 1);
    for (const auto& [code, status] : expected) {
        INFO(to_string(code));
        CHECK(status_for(code) == status);
    }
}

TEST_CASE("json_error_body_has_the_documented_shape") {
    auto body = nlohmann::json::parse(json_error_body("not_found", "No such CV.", "req-42"));

    REQUIRE(body.is_object());
    CHECK(body.size() == 1);
    const auto& error = body.at("error");
    REQUIRE(error.is_object());
    CHECK(error.size() == 3);
    CHECK(error.at("code") == "not_found");
    CHECK(error.at("message") == "No such CV.");
    CHECK(error.at("request_id") == "req-42");
}

TEST_CASE("json_error_body_stays_valid_json_for_quotes_newlines_and_invalid_utf8") {
    std::string body = json_error_body("bad_request", "bad \"name\"\nin \xff\xfe file", "id\xc3");

    REQUIRE(nlohmann::json::accept(body));
    auto error = nlohmann::json::parse(body).at("error");
    CHECK(error.at("message") == "bad \"name\"\nin \xEF\xBF\xBD\xEF\xBF\xBD file");
    CHECK(error.at("request_id") == "id\xEF\xBF\xBD");
}

TEST_CASE("request_id_is_the_header_value_or_a_dash") {
    httplib::Request req;
    CHECK(request_id(req) == "-");
    req.set_header(kRequestIdHeader, "abc123");
    CHECK(request_id(req) == "abc123");
}

TEST_CASE("wants_json_only_for_api_paths") {
    httplib::Request req;
    req.path = "/api/health";
    CHECK(wants_json(req));
    req.path = "/apis";
    CHECK_FALSE(wants_json(req));
    req.path = "/";
    CHECK_FALSE(wants_json(req));
}

}  // namespace
}  // namespace vitae::http
