#include "web/two_factor_pages.hpp"

#include "auth/qr_svg.hpp"
#include "auth/totp.hpp"
#include "core/error.hpp"
#include "http/middleware.hpp"
#include "http/server.hpp"
#include "web/sign_in_pages.hpp"

namespace vitae::web {

namespace {

constexpr const char* kTitle = "Two-factor sign-in";
constexpr const char* kPath = "/account/two-factor";
// The name authenticator apps show above the code.
constexpr std::string_view kIssuer = "Vitae";

// Notices after a redirect back (?done=…): fixed texts, so the query cannot put words on
// the page.
const char* notice_for(std::string_view done) {
    if (done == "off")
        return "Two-factor sign-in is off. Your password alone signs you in now.";
    return nullptr;
}

Data page_data(auth::SecondFactor& second_factor, const auth::Principal& who) {
    auto status = second_factor.status(who);
    Data data;
    data.set("enabled", status.enabled);
    data.set("required", status.required);
    data.set("must_enrol", who.must_enrol_second_factor);
    data.set("recovery_codes_left", std::to_string(status.recovery_codes_left));
    data.set("can_start", !status.enabled && !status.pending_secret);
    if (status.pending_secret) {
        const std::string& secret = *status.pending_secret;
        Data pending;
        pending.set("secret", secret);
        // Our own SVG: qr_svg() escapes the text it embeds, so the page may place it raw.
        pending.set("qr", auth::qr_svg(auth::Totp::otpauth_uri(kIssuer, who.email, secret),
                                       "QR code to scan with your authenticator app"));
        data.set("pending", pending);
    }
    return data;
}

void show_codes(Data& data, const std::vector<std::string>& codes) {
    Data list{Data::type::list};
    for (const auto& code : codes) {
        Data item;
        item.set("code", code);
        list.push_back(item);
    }
    data.set("show_codes", true);
    data.set("recovery_codes", list);
}

void send_page(httplib::Response& res, const TwoFactorPages& p, const Data& data,
               const auth::Principal& who) {
    send_html(res,
              p.views.page("two_factor", kTitle, data, "/account", BrowserSessions::viewer(who)));
}

// Runs `submit`; a refusal it throws (wrong code or password, already on, required for
// admins) is shown on the page, with its status.
template <class Submit>
void refusals_in_page(httplib::Response& res, const TwoFactorPages& p, const auth::Principal& who,
                      Submit&& submit) {
    try {
        submit();
    } catch (const Error& e) {
        bool shown = e.code() == ErrorCode::bad_request || e.code() == ErrorCode::conflict ||
                     e.code() == ErrorCode::forbidden;
        if (!shown)
            throw;
        send_form_error(res, p.views, "two_factor", kTitle, page_data(p.second_factor, who),
                        BrowserSessions::viewer(who), http::status_for(e.code()), e.what());
    }
}

void register_enrolment(http::Router& router, const TwoFactorPages& p) {
    router.get(
        kPath, http::Access::member,
        [p](const httplib::Request& req, httplib::Response& res, const auth::Principal& who) {
            Data data = page_data(p.second_factor, who);
            if (const char* notice = notice_for(req.get_param_value("done")))
                data.set("notice", notice);
            send_page(res, p, data, who);
        });

    router.post("/account/two-factor/start", http::Access::member,
                [p](const httplib::Request&, httplib::Response& res, const auth::Principal& who) {
                    refusals_in_page(res, p, who, [&] {
                        p.second_factor.start_enrolment(who);
                        res.set_redirect(kPath, 303);
                    });
                });

    router
        .post("/account/two-factor/confirm", http::Access::member,
              [p](const httplib::Request& req, httplib::Response& res, const auth::Principal& who) {
                  refusals_in_page(res, p, who, [&] {
                      auto codes = p.second_factor.confirm_enrolment(
                          who, req.get_param_value("code"), http::caller_ip(req));
                      // A privilege change: the session moves to a new id, and this
                      // page's forms must carry the new session's CSRF token.
                      auth::Principal now_on = who;
                      now_on.must_enrol_second_factor = false;
                      if (auto issued = p.browser.sessions().rotate(p.browser.cookie(req))) {
                          p.browser.begin(res, *issued);
                          now_on.csrf_token = issued->csrf_token;
                      }
                      // Shown in this response, never after a redirect: the plain codes
                      // exist only here.
                      Data data = page_data(p.second_factor, now_on);
                      show_codes(data, codes);
                      send_page(res, p, data, now_on);
                  });
              })
        .limit(p.rate);
}

void register_management(http::Router& router, const TwoFactorPages& p) {
    router
        .post("/account/two-factor/recovery-codes", http::Access::member,
              [p](const httplib::Request& req, httplib::Response& res, const auth::Principal& who) {
                  refusals_in_page(res, p, who, [&] {
                      auto codes = p.second_factor.regenerate_recovery_codes(
                          who, req.get_param_value("current_password"), http::caller_ip(req));
                      Data data = page_data(p.second_factor, who);
                      show_codes(data, codes);
                      send_page(res, p, data, who);
                  });
              })
        .limit(p.rate);

    router
        .post("/account/two-factor/disable", http::Access::member,
              [p](const httplib::Request& req, httplib::Response& res, const auth::Principal& who) {
                  refusals_in_page(res, p, who, [&] {
                      p.second_factor.disable(who, req.get_param_value("current_password"),
                                              http::caller_ip(req));
                      res.set_redirect(std::string(kPath) + "?done=off", 303);
                  });
              })
        .limit(p.rate);
}

}  // namespace

void register_two_factor_pages(http::Router& router, const TwoFactorPages& pages) {
    register_enrolment(router, pages);
    register_management(router, pages);
}

}  // namespace vitae::web
