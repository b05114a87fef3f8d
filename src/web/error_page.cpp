#include "web/error_page.hpp"

namespace vitae::web {

std::string render_error_page(const Views& views, const http::ErrorInfo& error) {
    Data data;
    data.set("status", std::to_string(error.status));
    data.set("title", error.title);
    data.set("message", error.message);
    data.set("request_id", error.request_id);
    return views.page("error", error.title, data, "");
}

}  // namespace vitae::web
