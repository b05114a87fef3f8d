#include "api/json_body.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace vitae::api {

namespace {

[[noreturn]] void refuse(const std::string& message) {
    throw Error(ErrorCode::bad_request, message);
}

}  // namespace

JsonBody::JsonBody(const httplib::Request& req, std::initializer_list<std::string_view> allowed) {
    body_ = nlohmann::json::parse(req.body, nullptr, /*allow_exceptions=*/false);
    if (body_.is_discarded())
        refuse("The request body is not valid JSON (UTF-8).");
    if (!body_.is_object())
        refuse("The request body must be a JSON object.");
    for (const auto& [key, value] : body_.items()) {
        if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
            refuse("Unknown field \"" + key + "\".");
    }
}

const nlohmann::json* JsonBody::find(std::string_view field) const {
    auto it = body_.find(field);
    return it == body_.end() ? nullptr : &*it;
}

std::optional<std::string> JsonBody::text(std::string_view field) const {
    const auto* value = find(field);
    if (!value)
        return std::nullopt;
    if (!value->is_string())
        refuse("\"" + std::string(field) + "\" must be a string.");
    return value->get<std::string>();
}

std::optional<bool> JsonBody::flag(std::string_view field) const {
    const auto* value = find(field);
    if (!value)
        return std::nullopt;
    if (!value->is_boolean())
        refuse("\"" + std::string(field) + "\" must be true or false.");
    return value->get<bool>();
}

std::optional<nlohmann::json> JsonBody::object(std::string_view field) const {
    const auto* value = find(field);
    if (!value)
        return std::nullopt;
    if (!value->is_object())
        refuse("\"" + std::string(field) + "\" must be a JSON object.");
    return *value;
}

std::optional<nlohmann::json> JsonBody::value(std::string_view field) const {
    const auto* value = find(field);
    if (!value)
        return std::nullopt;
    return *value;
}

std::string JsonBody::required_text(std::string_view field) const {
    auto value = text(field);
    if (!value)
        refuse("\"" + std::string(field) + "\" is required.");
    return *value;
}

}  // namespace vitae::api
