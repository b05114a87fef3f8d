#include "net/page_fetch.hpp"

#include <algorithm>
#include <cctype>

#include "core/error.hpp"
#include "core/utf8.hpp"

namespace vitae::net {

namespace {

// "Text/HTML; charset=UTF-8" -> "text/html"
std::string bare_media_type(std::string_view content_type) {
    auto type = content_type.substr(0, content_type.find(';'));
    while (!type.empty() && std::isspace(static_cast<unsigned char>(type.back())))
        type.remove_suffix(1);
    while (!type.empty() && std::isspace(static_cast<unsigned char>(type.front())))
        type.remove_prefix(1);
    std::string out(type);
    std::ranges::transform(out, out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

PageText plain_text(std::string body, std::size_t max_bytes) {
    if (!core::is_utf8(body))
        throw Error(ErrorCode::bad_request,
                    "The page is plain text but not UTF-8; Vitae cannot read it. Paste the "
                    "text instead.");
    // Plain text keeps its own line breaks; it only needs the cap.
    PageText page;
    if (body.size() > max_bytes) {
        body.resize(max_bytes);
        while (!body.empty() && !core::is_utf8(body))
            body.pop_back();
        page.truncated = true;
    }
    page.text = std::move(body);
    return page;
}

}  // namespace

PageText fetch_page_text(std::string_view url, const FetchPolicy& policy,
                         std::size_t max_text_bytes) {
    auto page = fetch(url, policy);
    if (page.status < 200 || page.status > 299)
        throw Error(ErrorCode::bad_request, "The site answered with HTTP status " +
                                                std::to_string(page.status) +
                                                ", not the page; check the address.");
    const auto type = bare_media_type(page.content_type);
    if (type == "text/html" || type == "application/xhtml+xml" || type.empty())
        return html_to_text(page.body, max_text_bytes);
    if (type == "text/plain")
        return plain_text(std::move(page.body), max_text_bytes);
    throw Error(ErrorCode::unsupported_media,
                "The address gives " + type +
                    ", not a web page; Vitae reads HTML and plain text. Paste the text instead.");
}

}  // namespace vitae::net
