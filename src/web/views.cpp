#include "web/views.hpp"

#include "core/error.hpp"

namespace vitae::web {

namespace {

enum class Shown { always, signed_in, admin };

struct NavEntry {
    const char* href;
    const char* label;
    Shown shown;
};

// Grows with the member and admin pages of later issues.
constexpr NavEntry kNav[] = {
    {"/", "Home", Shown::always},
    {"/cvs", "CVs", Shown::signed_in},
    {"/applications", "Applications", Shown::signed_in},
    {"/account", "Account", Shown::signed_in},
    {"/admin/users", "Users", Shown::admin},
    {"/admin/audit", "Audit", Shown::admin},
    {"/admin/settings", "Settings", Shown::admin},
};

// templates/partials/<name>.html, usable as {{> name}} in every page.
constexpr const char* kPartials[] = {"alerts", "application_fields", "one_time_link",
                                     "password_fields"};

bool visible(const NavEntry& entry, const Viewer& viewer) {
    switch (entry.shown) {
        case Shown::always:
            return true;
        case Shown::signed_in:
            return viewer.signed_in();
        case Shown::admin:
            return viewer.admin();
    }
    return false;
}

}  // namespace

Views::Views(const core::AssetStore& assets, std::string version)
    : assets_(assets), version_(std::move(version)) {}

std::string Views::render(std::string_view path, const Data& data) const {
    std::string full = "templates/" + std::string(path);
    auto file = assets_.find(full);
    if (!file)
        throw Error(ErrorCode::internal, "template " + full + " is missing");
    // Parsed per render: kainjow's render mutates its parse tree, so a shared parsed
    // template would race between worker threads; parsing a page costs microseconds.
    kainjow::mustache::mustache tmpl{std::string(file->data)};
    if (!tmpl.is_valid()) {
        throw Error(ErrorCode::internal, "template " + full + ": " + tmpl.error_message());
    }
    return tmpl.render(data);
}

Data Views::layout_data(const std::string& title, std::string_view current_path,
                        const Viewer& viewer) const {
    Data nav{Data::type::list};
    for (const auto& entry : kNav) {
        if (!visible(entry, viewer))
            continue;
        Data item;
        item.set("href", entry.href);
        item.set("label", entry.label);
        item.set("current", current_path == entry.href);
        nav.push_back(item);
    }
    Data asset;
    asset.set("css_app", assets_.url_for("css/app.css"));
    asset.set("js_app", assets_.url_for("js/app.js"));
    asset.set("icon", assets_.url_for("icons/favicon.svg"));
    Data layout;
    layout.set("title", title);
    layout.set("version", version_);
    layout.set("nav", nav);
    layout.set("asset", asset);
    layout.set("csrf", viewer.csrf);
    if (viewer.principal) {
        Data user;
        user.set("name",
                 viewer.principal->name.empty() ? viewer.principal->email : viewer.principal->name);
        user.set("email", viewer.principal->email);
        layout.set("user", user);
    }
    return layout;
}

std::string Views::page(std::string_view name, const std::string& title, const Data& page_data,
                        std::string_view current_path, const Viewer& viewer) const {
    Data layout = layout_data(title, current_path, viewer);
    Data body = page_data;
    body.set("csrf", viewer.csrf);
    for (const char* name : kPartials) {
        std::string path = "templates/partials/" + std::string(name) + ".html";
        auto file = assets_.find(path);
        if (!file)
            throw Error(ErrorCode::internal, "template " + path + " is missing");
        std::string text(file->data);
        body.set(name, kainjow::mustache::partial([text] { return text; }));
    }
    layout.set("body", render("pages/" + std::string(name) + ".html", body));
    return render("layout.html", layout);
}

}  // namespace vitae::web
