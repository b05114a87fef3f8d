#pragma once
// One JSON API request as a script holding a personal token sends it.
#include <httplib.h>

#include <string>

namespace vitae::test {

inline httplib::Result api_call(httplib::Client& cli, const std::string& method,
                                const std::string& path, const std::string& token,
                                const std::string& body = "") {
    httplib::Headers headers = {{"Authorization", "Bearer " + token}};
    if (method == "GET")
        return cli.Get(path, headers);
    if (method == "POST")
        return cli.Post(path, headers, body, "application/json");
    if (method == "PUT")
        return cli.Put(path, headers, body, "application/json");
    return cli.Delete(path, headers);
}

}  // namespace vitae::test
