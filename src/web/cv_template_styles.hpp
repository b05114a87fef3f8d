#pragma once
// GET /cv-templates/{name}.css: the stylesheets of the built-in CV templates, public like
// the other assets. Pages under our CSP cannot inline a template's CSS, so they link it.
#include <string>
#include <string_view>

#include "core/asset_store.hpp"
#include "http/router.hpp"

namespace vitae::web {

void register_cv_template_styles(http::Router& router, const core::AssetStore& assets);

// "/cv-templates/classic.css?v=<content hash>": cached by browsers until the file changes.
// Throws vitae::Error(bad_request) for a template that is not built in.
std::string cv_template_css_url(const core::AssetStore& assets, std::string_view template_name);

}  // namespace vitae::web
