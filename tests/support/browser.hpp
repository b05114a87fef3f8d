#pragma once
// A browser for integration tests: keeps cookies, reads the CSRF token of the last page
// it loaded and sends it with forms, never follows redirects (tests check them).
#include <doctest/doctest.h>
#include <httplib.h>

#include <map>
#include <regex>
#include <string>

namespace vitae::test {

class Browser {
  public:
    explicit Browser(int port) : client_("127.0.0.1", port) {
        client_.set_connection_timeout(5);
        client_.set_read_timeout(30);
    }

    httplib::Result get(const std::string& path) { return remember(client_.Get(path, headers())); }

    // A form POST; the CSRF token of the last page is added unless the form has one.
    httplib::Result post(const std::string& path, httplib::Params form = {}) {
        if (!form.count("csrf") && !csrf_.empty())
            form.emplace("csrf", csrf_);
        return remember(client_.Post(path, headers(), form));
    }

    // A multipart/form-data POST (forms with enctype="multipart/form-data"); the CSRF
    // token is added the same way.
    httplib::Result post_multipart(const std::string& path, const httplib::Params& form) {
        httplib::MultipartFormDataItems items;
        for (const auto& [name, value] : form)
            items.push_back({name, value, "", ""});
        if (!form.count("csrf") && !csrf_.empty())
            items.push_back({"csrf", csrf_, "", ""});
        return remember(client_.Post(path, headers(), items));
    }

    // A multipart/form-data POST carrying one file (`field`, with its name and media type)
    // beside the form's fields, as a browser sends <input type="file">.
    httplib::Result post_file(const std::string& path, const std::string& field,
                              const std::string& file_name, const std::string& content,
                              const std::string& content_type, const httplib::Params& form = {}) {
        httplib::MultipartFormDataItems items;
        for (const auto& [name, value] : form)
            items.push_back({name, value, "", ""});
        items.push_back({field, content, file_name, content_type});
        if (!form.count("csrf") && !csrf_.empty())
            items.push_back({"csrf", csrf_, "", ""});
        return remember(client_.Post(path, headers(), items));
    }

    // GET /login, then POST the credentials. Returns the POST's response.
    httplib::Result sign_in(const std::string& email, const std::string& password) {
        auto page = get("/login");
        REQUIRE(page);
        REQUIRE(page->status == 200);
        return post("/login", {{"email", email}, {"password", password}});
    }

    const std::string& csrf() const { return csrf_; }
    void set_csrf(std::string token) { csrf_ = std::move(token); }
    std::string cookie(const std::string& name) const {
        auto it = cookies_.find(name);
        return it == cookies_.end() ? std::string() : it->second;
    }
    void set_cookie(const std::string& name, const std::string& value) { cookies_[name] = value; }
    void forget_cookies() { cookies_.clear(); }
    const std::map<std::string, std::string>& cookies() const { return cookies_; }
    httplib::Client& client() { return client_; }

  private:
    httplib::Headers headers() const {
        std::string header;
        for (const auto& [name, value] : cookies_)
            header += (header.empty() ? "" : "; ") + name + "=" + value;
        if (header.empty())
            return {};
        return {{"Cookie", header}};
    }

    httplib::Result remember(httplib::Result res) {
        if (!res)
            return res;
        auto range = res->headers.equal_range("Set-Cookie");
        for (auto it = range.first; it != range.second; ++it) {
            const std::string& line = it->second;
            auto eq = line.find('=');
            auto semi = line.find(';');
            std::string name = line.substr(0, eq);
            std::string value = line.substr(eq + 1, semi - eq - 1);
            if (line.find("Max-Age=0") != std::string::npos)
                cookies_.erase(name);
            else
                cookies_[name] = value;
        }
        static const std::regex kCsrf(R"re(name="csrf" value="([^"]+)")re");
        std::smatch m;
        if (std::regex_search(res->body, m, kCsrf))
            csrf_ = m[1].str();
        return res;
    }

    httplib::Client client_;
    std::map<std::string, std::string> cookies_;
    std::string csrf_;
};

}  // namespace vitae::test
