#include "api/import_handlers.hpp"

#include <nlohmann/json.hpp>

#include "core/error.hpp"

namespace vitae::api {

void register_import_routes(http::Router& router, cv::CvImportService& imports,
                            http::RateLimiter& import_rate) {
    router
        .post("/api/v1/imports", http::Access::member,
              [&imports](const httplib::Request& req, httplib::Response& res,
                         const auth::Principal& me) {
                  if (!req.is_multipart_form_data() || !req.has_file("file"))
                      throw Error(ErrorCode::bad_request,
                                  "Send the CV as multipart/form-data in the field \"file\".");
                  const auto& file = req.get_file_value("file");
                  auto draft = imports.upload(me.user_id, file.content, file.filename);
                  nlohmann::json body = {{"kind", std::string(cv::to_string(draft.imported.kind))},
                                         {"resume", draft.imported.resume},
                                         {"notes", draft.imported.notes},
                                         {"upload_id", draft.upload.id}};
                  res.set_header("Cache-Control", "no-store");
                  res.set_content(body.dump(), "application/json");
              })
        .limit(import_rate);
}

}  // namespace vitae::api
