#include "web/cv_template_styles.hpp"

#include "core/error.hpp"
#include "cv/cv_render.hpp"
#include "http/static_assets.hpp"

namespace vitae::web {

namespace {

// Only the built-in templates: the name never reaches the asset store unchecked.
std::optional<core::Asset> template_css(const core::AssetStore& assets, std::string_view name) {
    for (const auto& t : cv::kTemplates) {
        if (name == t.name)
            return assets.find("templates/cv/" + std::string(t.name) + ".css");
    }
    return std::nullopt;
}

}  // namespace

void register_cv_template_styles(http::Router& router, const core::AssetStore& assets) {
    router.get(R"(/cv-templates/([a-z]+)\.css)", http::Access::public_,
               [&assets](const httplib::Request& req, httplib::Response& res) {
                   auto css = template_css(assets, req.matches[1].str());
                   if (!css)
                       throw Error(ErrorCode::not_found, "There is no such CV template.");
                   bool immutable = req.get_param_value("v") == css->hash;
                   http::send_asset(req, res, *css, http::mime_type_for(".css"), immutable);
               });
}

std::string cv_template_css_url(const core::AssetStore& assets, std::string_view template_name) {
    const auto& known = cv::find_cv_template(template_name);
    auto css = template_css(assets, known.name);
    if (!css)
        throw Error(ErrorCode::internal,
                    "the stylesheet of template " + std::string(known.name) + " is missing");
    return "/cv-templates/" + std::string(known.name) + ".css?v=" + std::string(css->hash);
}

}  // namespace vitae::web
