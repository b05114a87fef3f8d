#include "core/error.hpp"

namespace vitae {

std::string_view to_string(ErrorCode code) {
    switch (code) {
        case ErrorCode::bad_request:
            return "bad_request";
        case ErrorCode::unauthorized:
            return "unauthorized";
        case ErrorCode::forbidden:
            return "forbidden";
        case ErrorCode::not_found:
            return "not_found";
        case ErrorCode::conflict:
            return "conflict";
        case ErrorCode::payload_too_large:
            return "payload_too_large";
        case ErrorCode::unsupported_media:
            return "unsupported_media_type";
        case ErrorCode::too_many_requests:
            return "too_many_requests";
        case ErrorCode::unavailable:
            return "unavailable";
        case ErrorCode::config:
            return "config";
        case ErrorCode::storage:
            return "storage";
        case ErrorCode::internal:
            return "internal";
    }
    return "internal";
}

}  // namespace vitae
