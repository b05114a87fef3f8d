#include "api/cv_handlers.hpp"

#include <charconv>
#include <nlohmann/json.hpp>

#include "api/json_body.hpp"
#include "core/error.hpp"
#include "cv/resume.hpp"

namespace vitae::api {

namespace {

using nlohmann::json;

constexpr const char* kCvs = "/api/v1/cvs";
constexpr const char* kCv = R"(/api/v1/cvs/(\d+))";

json summary_json(const cv::Cv& cv) {
    return {{"id", cv.id},
            {"title", cv.title},
            {"template", cv.template_name},
            {"language", cv.language},
            {"parent_id", cv.parent_id ? json(*cv.parent_id) : json(nullptr)},
            {"created_at", core::iso8601_utc(cv.created_at)},
            {"updated_at", core::iso8601_utc(cv.updated_at)}};
}

// The draft is saved whatever its problems; they come back so the client can show them.
json full_json(const cv::Cv& cv) {
    auto out = summary_json(cv);
    out["resume"] = cv.resume;
    out["problems"] = cv::to_json(cv::validate(cv.resume));
    return out;
}

void send_json(httplib::Response& res, const json& body, int status = 200) {
    res.status = status;
    res.set_header("Cache-Control", "no-store");  // a CV is personal data
    res.set_content(body.dump(), "application/json");
}

void send_created(httplib::Response& res, const cv::Cv& cv) {
    res.set_header("Location", std::string(kCvs) + "/" + std::to_string(cv.id));
    send_json(res, full_json(cv), 201);
}

// The size is checked before parsing: a huge body must not cost a parse first.
JsonBody cv_body(const httplib::Request& req) {
    if (req.body.size() > cv::kMaxResumeBytes)
        throw Error(ErrorCode::bad_request, "The request body is larger than 1 MiB.");
    return JsonBody(req, {"title", "template", "language", "resume"});
}

// 0 when missing or not a number: the service refuses it after checking the owner, so a
// stranger learns nothing, not even that the query was wrong.
std::int64_t version_param(const httplib::Request& req, const char* name) {
    std::string text = req.get_param_value(name);
    std::int64_t n = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || n <= 0)
        return 0;
    return n;
}

void register_collection(http::Router& router, cv::CvService& cvs) {
    router.get(kCvs, http::Access::member,
               [&cvs](const httplib::Request&, httplib::Response& res, const auth::Principal& me) {
                   auto list = json::array();
                   for (const auto& cv : cvs.list(me.user_id))
                       list.push_back(summary_json(cv));
                   send_json(res, {{"cvs", list}});
               });

    router.post(
        kCvs, http::Access::member,
        [&cvs](const httplib::Request& req, httplib::Response& res, const auth::Principal& me) {
            auto body = cv_body(req);
            cv::NewCv input{.title = body.required_text("title")};
            input.template_name = body.text("template").value_or(input.template_name);
            input.language = body.text("language").value_or(input.language);
            input.resume = body.object("resume").value_or(input.resume);
            send_created(res, cvs.create(me.user_id, input));
        });
}

void register_member(http::Router& router, cv::CvService& cvs) {
    router.get(
        kCv, http::Access::member,
        [&cvs](const httplib::Request& req, httplib::Response& res, const auth::Principal& me) {
            send_json(res, full_json(cvs.get(me.user_id, http::path_id(req))));
        });

    router.put(
        kCv, http::Access::member,
        [&cvs](const httplib::Request& req, httplib::Response& res, const auth::Principal& me) {
            auto id = http::path_id(req);
            auto body = cv_body(req);
            auto cv = cvs.update(me.user_id, id,
                                 {.title = body.text("title"),
                                  .template_name = body.text("template"),
                                  .language = body.text("language"),
                                  .resume = body.object("resume")});
            send_json(res, full_json(cv));
        });

    router.del(
        kCv, http::Access::member,
        [&cvs](const httplib::Request& req, httplib::Response& res, const auth::Principal& me) {
            cvs.remove(me.user_id, http::path_id(req));
            res.status = 204;
        });
}

void register_history(http::Router& router, cv::CvService& cvs) {
    router.get(
        std::string(kCv) + "/versions", http::Access::member,
        [&cvs](const httplib::Request& req, httplib::Response& res, const auth::Principal& me) {
            auto list = json::array();
            for (const auto& v : cvs.versions(me.user_id, http::path_id(req))) {
                list.push_back({{"number", v.number},
                                {"title", v.title},
                                {"created_at", core::iso8601_utc(v.created_at)}});
            }
            send_json(res, {{"versions", list}});
        });

    router.get(
        std::string(kCv) + "/diff", http::Access::member,
        [&cvs](const httplib::Request& req, httplib::Response& res, const auth::Principal& me) {
            auto id = http::path_id(req);
            auto from = version_param(req, "from");
            auto to = version_param(req, "to");
            auto changes = cvs.diff(me.user_id, id, from, to);
            send_json(res, {{"from", from}, {"to", to}, {"changes", cv::to_json(changes)}});
        });

    router.post(
        std::string(kCv) + R"(/versions/(\d+)/restore)", http::Access::member,
        [&cvs](const httplib::Request& req, httplib::Response& res, const auth::Principal& me) {
            auto cv = cvs.restore(me.user_id, http::path_id(req), http::path_id(req, 2));
            send_json(res, full_json(cv));
        });

    router.post(
        std::string(kCv) + "/duplicate", http::Access::member,
        [&cvs](const httplib::Request& req, httplib::Response& res, const auth::Principal& me) {
            send_created(res, cvs.duplicate(me.user_id, http::path_id(req)));
        });
}

}  // namespace

void register_cv_routes(http::Router& router, cv::CvService& cvs) {
    register_collection(router, cvs);
    register_member(router, cvs);
    register_history(router, cvs);
}

}  // namespace vitae::api
