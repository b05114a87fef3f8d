#pragma once
// Owning wrappers for libcurl handles, so no path forgets a cleanup.
#include <curl/curl.h>

#include <memory>
#include <string>

namespace vitae::net {

class CurlEasy {
  public:
    // Initialises libcurl once per process (thread-safe), then a fresh easy handle.
    // Throws Error(internal) when libcurl cannot.
    CurlEasy();
    CURL* get() const { return handle_.get(); }

    // curl_easy_setopt that throws Error(internal) naming `what` on failure: an option
    // this libcurl does not know is a build problem, never the member's.
    template <typename T>
    void set(CURLoption option, T value, const char* what) {
        check(curl_easy_setopt(handle_.get(), option, value), what);
    }

  private:
    static void check(CURLcode code, const char* what);

    struct Cleanup {
        void operator()(CURL* c) const { curl_easy_cleanup(c); }
    };
    std::unique_ptr<CURL, Cleanup> handle_;
};

class CurlUrl {
  public:
    CurlUrl();
    CURLU* get() const { return handle_.get(); }
    // A part (CURLUPART_SCHEME, ...) or empty when the URL has none.
    std::string part(CURLUPart which) const;

  private:
    struct Cleanup {
        void operator()(CURLU* u) const { curl_url_cleanup(u); }
    };
    std::unique_ptr<CURLU, Cleanup> handle_;
};

}  // namespace vitae::net
