#include "web/sign_in_pages.hpp"

#include "core/error.hpp"
#include "core/log.hpp"
#include "http/middleware.hpp"
#include "http/rate_limiter.hpp"
#include "http/server.hpp"

namespace vitae::web {

namespace {

using Wait = std::chrono::milliseconds;

std::string param(const httplib::Request& req, const char* name) {
    return req.get_param_value(name);
}

// Statuses a form shows inline, next to what was typed; anything else is an error page.
bool shown_in_form(const Error& e) {
    return e.code() == ErrorCode::bad_request || e.code() == ErrorCode::unauthorized ||
           e.code() == ErrorCode::conflict || e.code() == ErrorCode::payload_too_large ||
           e.code() == ErrorCode::unsupported_media;
}

void register_login(http::Router& router, const SignInPages& p) {
    router.get("/login", http::Access::public_,
               [p](const httplib::Request& req, httplib::Response& res) {
                   std::string next = local_path_or_home(param(req, "next"));
                   if (p.browser.principal(req)) {
                       res.set_redirect(next, 303);
                       return;
                   }
                   Data data;
                   data.set("next", next);
                   data.set("setup_pending", p.first_run.pending());
                   send_html(res, p.views.page("login", "Sign in", data, "/login",
                                               p.browser.anonymous_viewer(req, res)));
               });

    router
        .post("/login", http::Access::public_,
              [p](const httplib::Request& req, httplib::Response& res) {
                  std::string email = param(req, "email");
                  std::string next = local_path_or_home(param(req, "next"));
                  Data data;
                  data.set("email", email);
                  data.set("next", next);
                  Viewer viewer{std::nullopt, p.browser.anonymous_csrf(req)};
                  handle_form(res, p.views, "login", "Sign in", data, viewer, [&] {
                      std::string ip = http::caller_ip(req);
                      std::string account = "account:" + auth::normalize_email(email);
                      p.throttle.check("ip:" + ip, account);
                      auth::PasswordCheck check;
                      try {
                          check = p.credentials.check_password(email, param(req, "password"), ip);
                      } catch (const Error& e) {
                          if (e.code() == ErrorCode::unauthorized)
                              audit_throttle(p.audit,
                                             p.throttle.record_failure("ip:" + ip, account), email,
                                             ip, "password");
                          throw;
                      }
                      p.throttle.succeeded(account);
                      // A new session id at every sign-in: an id planted before cannot be carried
                      // in.
                      if (auto old = p.browser.cookie(req); !old.empty())
                          p.browser.sessions().end(old);
                      auto issued = p.browser.sessions().start(check.user_id, client_of(req),
                                                               check.second_factor_due);
                      p.browser.begin(res, issued);
                      if (check.second_factor_due) {
                          res.set_redirect(
                              "/login/two-factor?next=" + httplib::detail::encode_query_param(next),
                              303);
                          return;
                      }
                      res.set_redirect(next, 303);
                  });
              })
        .limit(p.rate);
}

void register_two_factor(http::Router& router, const SignInPages& p) {
    router.get("/login/two-factor", http::Access::public_,
               [p](const httplib::Request& req, httplib::Response& res) {
                   if (!p.browser.sessions().pending_user(p.browser.cookie(req))) {
                       res.set_redirect("/login", 303);
                       return;
                   }
                   Data data;
                   data.set("next", local_path_or_home(param(req, "next")));
                   send_html(res, p.views.page("login_two_factor", "Two-factor sign-in", data,
                                               "/login", p.browser.anonymous_viewer(req, res)));
               });

    router
        .post("/login/two-factor", http::Access::public_,
              [p](const httplib::Request& req, httplib::Response& res) {
                  std::string cookie = p.browser.cookie(req);
                  auto user_id = p.browser.sessions().pending_user(cookie);
                  if (!user_id) {
                      res.set_redirect("/login", 303);
                      return;
                  }
                  std::string next = local_path_or_home(param(req, "next"));
                  Data data;
                  data.set("next", next);
                  Viewer viewer{std::nullopt, p.browser.anonymous_csrf(req)};
                  handle_form(
                      res, p.views, "login_two_factor", "Two-factor sign-in", data, viewer, [&] {
                          std::string ip = http::caller_ip(req);
                          std::string account = "second-factor:" + std::to_string(*user_id);
                          p.throttle.check("ip:" + ip, account);
                          if (!p.second_factor.verify_sign_in(*user_id, param(req, "code"), ip)) {
                              audit_throttle(
                                  p.audit, p.throttle.record_failure("ip:" + ip, account),
                                  "user " + std::to_string(*user_id), ip, "second_factor");
                              throw Error(ErrorCode::unauthorized,
                                          "That code is not right. Try the newest one.");
                          }
                          p.throttle.succeeded(account);
                          // Signing in is complete: a privilege change, so a new session id.
                          auto issued = p.browser.sessions().rotate(cookie, true);
                          if (!issued) {
                              res.set_redirect("/login", 303);
                              return;
                          }
                          p.browser.begin(res, *issued);
                          res.set_redirect(next, 303);
                      });
              })
        .limit(p.rate);
}

void register_sign_out(http::Router& router, const SignInPages& p) {
    router.post(
        "/logout", http::Access::member,
        [p](const httplib::Request& req, httplib::Response& res, const auth::Principal& who) {
            p.browser.sessions().end(p.browser.cookie(req));
            p.audit.record(auth::Actor::of(who, http::caller_ip(req)), "signout", who.email);
            p.browser.clear(res);
            res.set_redirect("/login", 303);
        });
}

void register_setup(http::Router& router, const SignInPages& p) {
    router.get("/setup", http::Access::public_,
               [p](const httplib::Request& req, httplib::Response& res) {
                   if (!p.first_run.pending()) {
                       res.set_redirect("/login", 303);
                       return;
                   }
                   std::string token = param(req, "token");
                   if (!p.first_run.link_works(token))
                       throw Error(ErrorCode::forbidden, auth::kSetupLinkInvalidMessage);
                   Data data;
                   data.set("token", token);
                   send_html(res, p.views.page("setup", "Set up Vitae", data, "/setup",
                                               p.browser.anonymous_viewer(req, res)));
               });

    router
        .post(
            "/setup", http::Access::public_,
            [p](const httplib::Request& req, httplib::Response& res) {
                std::string ip = http::caller_ip(req);
                std::string token = param(req, "token");
                Data data;
                data.set("token", token);
                data.set("email", param(req, "email"));
                data.set("name", param(req, "name"));
                Viewer viewer{std::nullopt, p.browser.anonymous_csrf(req)};
                handle_form(res, p.views, "setup", "Set up Vitae", data, viewer, [&] {
                    p.throttle.check("ip:" + ip, "");
                    if (param(req, "password") != param(req, "password_confirm"))
                        throw Error(ErrorCode::bad_request, "The two passwords are not the same.");
                    std::int64_t user_id = 0;
                    try {
                        user_id = p.first_run.complete(token,
                                                       {param(req, "email"), param(req, "name"),
                                                        "admin", param(req, "password")},
                                                       ip);
                    } catch (const Error& e) {
                        if (e.code() == ErrorCode::forbidden)
                            audit_throttle(p.audit, p.throttle.record_failure("ip:" + ip, ""),
                                           "setup", ip, "setup_link");
                        throw;
                    }
                    log::info("first admin created through the setup link", {{"user_id", user_id}});
                    p.browser.begin(res, p.browser.sessions().start(user_id, client_of(req)));
                    res.set_redirect("/", 303);
                });
            })
        .limit(p.rate);
}

}  // namespace

void register_sign_in_pages(http::Router& router, const SignInPages& pages) {
    register_login(router, pages);
    register_two_factor(router, pages);
    register_sign_out(router, pages);
    register_setup(router, pages);
}

void send_form_error(httplib::Response& res, const Views& views, std::string_view name,
                     const std::string& title, Data data, const Viewer& viewer, int status,
                     std::string_view message) {
    data.set("error", std::string(message));
    send_html(res, views.page(name, title, data, "", viewer), status);
}

void handle_form(httplib::Response& res, const Views& views, std::string_view name,
                 const std::string& title, const Data& data, const Viewer& viewer,
                 const std::function<void()>& submit) {
    try {
        submit();
    } catch (const http::RateLimited& e) {
        res.set_header("Retry-After", std::to_string(e.retry_after_s()));
        send_form_error(res, views, name, title, data, viewer, 429, e.what());
    } catch (const Error& e) {
        if (!shown_in_form(e))
            throw;
        send_form_error(res, views, name, title, data, viewer, http::status_for(e.code()),
                        e.what());
    }
}

void audit_throttle(auth::AuditLog& audit, std::chrono::milliseconds wait, const std::string& who,
                    const std::string& ip, std::string_view what) {
    if (wait <= Wait(0))
        return;
    auto seconds = std::chrono::ceil<std::chrono::seconds>(wait).count();
    audit.record(auth::Actor{std::nullopt, who, ip}, "signin.throttled", who,
                 {{"attempt", what}, {"wait_s", seconds}});
    log::warn("sign-in throttled",
              {{"ip", ip}, {"attempt", std::string(what)}, {"wait_s", seconds}});
}

auth::ClientInfo client_of(const httplib::Request& req) {
    return {http::caller_ip(req), req.get_header_value("User-Agent")};
}

}  // namespace vitae::web
