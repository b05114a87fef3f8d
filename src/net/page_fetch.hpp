#pragma once
// A web page fetched and read as text: the fetcher's guard and limits, then HTML reduced
// by html_to_text, text/plain as it is. Used for job adverts given by URL.
#include <string_view>

#include "net/fetcher.hpp"
#include "net/html_text.hpp"

namespace vitae::net {

// Throws what fetch() throws, and Error(bad_request) when the site answers with an error
// status, Error(unsupported_media) for anything but HTML or plain text (a PDF, an image).
PageText fetch_page_text(std::string_view url, const FetchPolicy& policy,
                         std::size_t max_text_bytes = 100 * 1024);

}  // namespace vitae::net
