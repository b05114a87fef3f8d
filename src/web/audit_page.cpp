#include "web/audit_page.hpp"

#include "core/error.hpp"
#include "web/browser_session.hpp"
#include "web/sign_in_pages.hpp"

namespace vitae::web {

namespace {

constexpr const char* kPath = "/admin/audit";
constexpr const char* kTitle = "Audit log";

// The search fields as the form shows them, and as the "older" link carries them on.
httplib::Params search_params(const auth::AuditSearch& s) {
    httplib::Params params;
    auto keep = [&](const char* name, const std::string& value) {
        if (!value.empty())
            params.emplace(name, value);
    };
    keep("action", s.action);
    keep("actor", s.actor);
    keep("target", s.target);
    keep("ip", s.ip);
    keep("from", s.from);
    keep("to", s.to);
    keep("limit", s.limit);
    return params;
}

Data form_data(const auth::AuditSearch& search, int keep_days) {
    Data data;
    Data fields;
    for (const auto& [name, value] : search_params(search))
        fields.set(name, value);
    data.set("search", fields);
    data.set("keep_days", std::to_string(keep_days));
    return data;
}

Data entry_data(const store::AuditEntry& e) {
    Data row;
    row.set("time", core::iso8601_utc(e.at));
    row.set("actor", e.actor);
    row.set("action", e.action);
    row.set("target", e.target);
    row.set("ip", e.ip);
    if (e.detail != "{}")
        row.set("detail", e.detail);
    return row;
}

Data results_data(const auth::AuditSearch& search, const auth::AuditResults& results,
                  int keep_days) {
    Data data = form_data(search, keep_days);
    Data rows{Data::type::list};
    for (const auto& entry : results.page.entries)
        rows.push_back(entry_data(entry));
    data.set("entries", rows);
    data.set("total", std::to_string(results.total));
    data.set("plural", results.total != 1);
    if (results.page.next_before_id) {
        auto params = search_params(search);
        params.emplace("before", std::to_string(*results.page.next_before_id));
        data.set("older_href", httplib::append_query_params(kPath, params));
    }
    if (!search.before.empty())
        data.set("newest_href", httplib::append_query_params(kPath, search_params(search)));
    return data;
}

}  // namespace

void register_audit_page(http::Router& router, const AuditPage& p) {
    router.get(
        kPath, http::Access::admin,
        [p](const httplib::Request& req, httplib::Response& res, const auth::Principal& who) {
            auto search = auth::AuditSearch::from_params(
                [&req](const char* name) { return req.get_param_value(name); });
            auth::AuditResults results;
            try {
                results = p.audit.list(search);
            } catch (const Error& e) {
                if (e.code() != ErrorCode::bad_request)
                    throw;
                send_form_error(res, p.views, "admin_audit", kTitle, form_data(search, p.keep_days),
                                BrowserSessions::viewer(who), 400, e.what());
                return;
            }
            send_html(
                res, p.views.page("admin_audit", kTitle, results_data(search, results, p.keep_days),
                                  kPath, BrowserSessions::viewer(who)));
        });
}

}  // namespace vitae::web
