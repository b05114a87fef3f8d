#pragma once
// The HTML error page, rendered in the layout so a 404 still looks like Vitae.
#include "http/middleware.hpp"
#include "web/views.hpp"

namespace vitae::web {

std::string render_error_page(const Views& views, const http::ErrorInfo& error);

}  // namespace vitae::web
