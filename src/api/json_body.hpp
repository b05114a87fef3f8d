#pragma once
// A JSON request body read field by field: every refusal is a 400 whose message names the
// field, so a script's author sees what to fix.
#include <httplib.h>

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace vitae::api {

class JsonBody {
  public:
    // Throws vitae::Error(bad_request) when the body is not a JSON object (invalid UTF-8
    // included) or has a field not in `allowed`.
    JsonBody(const httplib::Request& req, std::initializer_list<std::string_view> allowed);

    // The field when present; Error(bad_request) when it has another type (null too).
    std::optional<std::string> text(std::string_view field) const;
    std::optional<bool> flag(std::string_view field) const;
    // The field when it is a JSON object; Error(bad_request) when it has another type.
    std::optional<nlohmann::json> object(std::string_view field) const;
    // The field as sent, whatever its type (null included), for fields a handler reads
    // itself (nullable ids, lists).
    std::optional<nlohmann::json> value(std::string_view field) const;
    // text(), or Error(bad_request) when it is missing.
    std::string required_text(std::string_view field) const;

  private:
    const nlohmann::json* find(std::string_view field) const;

    nlohmann::json body_;
};

}  // namespace vitae::api
