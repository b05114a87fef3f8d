#pragma once
// Files in and out of HTML pages: the file of a multipart form, and a download.
#include <httplib.h>

#include <string>

namespace vitae::web {

// The form's `file` field; Error(bad_request) "Choose a <what> file to import." when none
// was chosen or it is empty.
std::string uploaded_file(const httplib::Request& req, const std::string& what);

// An attachment named `filename` (ASCII, ours, never the client's), not cached: what
// members download is personal data.
void send_download(httplib::Response& res, std::string body, const char* type,
                   const std::string& filename);

}  // namespace vitae::web
