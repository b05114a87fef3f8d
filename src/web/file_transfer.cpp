#include "web/file_transfer.hpp"

#include "core/error.hpp"

namespace vitae::web {

std::string uploaded_file(const httplib::Request& req, const std::string& what) {
    if (!req.has_file("file") || req.get_file_value("file").content.empty())
        throw Error(ErrorCode::bad_request, "Choose a " + what + " file to import.");
    return req.get_file_value("file").content;
}

void send_download(httplib::Response& res, std::string body, const char* type,
                   const std::string& filename) {
    res.set_header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    res.set_header("Cache-Control", "no-store");
    res.set_content(std::move(body), type);
}

}  // namespace vitae::web
