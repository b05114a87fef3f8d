#pragma once
// Renders mustache templates from the asset store: page bodies inside the layout.
#include <kainjow/mustache.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "auth/principal.hpp"
#include "core/asset_store.hpp"

namespace vitae::web {

using Data = kainjow::mustache::data;

// Who is looking at a page: shapes the navigation, and carries the CSRF token that the
// page's forms echo (the session's, or the anonymous browser's).
struct Viewer {
    std::optional<auth::Principal> principal;
    std::string csrf;

    bool signed_in() const { return principal.has_value(); }
    bool admin() const { return principal && principal->is_admin(); }
};

class Views {
  public:
    Views(const core::AssetStore& assets, std::string version);

    // templates/<path> rendered with data. Throws vitae::Error(internal) when the
    // template is missing or does not parse.
    std::string render(std::string_view path, const Data& data) const;

    // templates/pages/<name>.html rendered with page_data, placed in the layout.
    // `current_path` marks the matching navigation entry. The page and the layout both
    // get {{csrf}} for their forms.
    std::string page(std::string_view name, const std::string& title, const Data& page_data,
                     std::string_view current_path, const Viewer& viewer = {}) const;

    const std::string& version() const { return version_; }

  private:
    Data layout_data(const std::string& title, std::string_view current_path,
                     const Viewer& viewer) const;

    const core::AssetStore& assets_;
    std::string version_;
};

}  // namespace vitae::web
