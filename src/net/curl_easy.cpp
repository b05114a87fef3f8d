#include "net/curl_easy.hpp"

#include <mutex>

#include "core/error.hpp"

namespace vitae::net {

namespace {

void global_init() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
            throw Error(ErrorCode::internal, "libcurl could not be initialised");
    });
}

}  // namespace

CurlEasy::CurlEasy() {
    global_init();
    handle_.reset(curl_easy_init());
    if (!handle_)
        throw Error(ErrorCode::internal, "libcurl could not make a handle");
}

void CurlEasy::check(CURLcode code, const char* what) {
    if (code != CURLE_OK)
        throw Error(ErrorCode::internal,
                    std::string("libcurl refused ") + what + ": " + curl_easy_strerror(code));
}

CurlUrl::CurlUrl() {
    global_init();
    handle_.reset(curl_url());
    if (!handle_)
        throw Error(ErrorCode::internal, "libcurl could not make a URL handle");
}

std::string CurlUrl::part(CURLUPart which) const {
    char* value = nullptr;
    if (curl_url_get(handle_.get(), which, &value, 0) != CURLUE_OK || !value)
        return {};
    std::string out(value);
    curl_free(value);
    return out;
}

}  // namespace vitae::net
