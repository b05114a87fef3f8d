#pragma once
// A job advert read from its URL into the text of an application's job description:
// the page's title, a blank line, the page's text. The fetch goes through net::fetch, so
// the SSRF guard, the allow-list and the size and time limits hold.
#include <cstddef>
#include <string>
#include <string_view>

#include "net/fetcher.hpp"

namespace vitae::applications {

// Below the 100 000 characters a job description may hold, title and all.
inline constexpr std::size_t kMaxFetchedJobBytes = 90'000;

// Throws what net::fetch_page_text throws (bad_request for a refused address, scheme or an
// error status, unsupported_media for a PDF or image, unavailable for a slow site), and
// Error(bad_request) when the page has no text at all.
std::string fetch_job_description(std::string_view url, const net::FetchPolicy& policy);

}  // namespace vitae::applications
