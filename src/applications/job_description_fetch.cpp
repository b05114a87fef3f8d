#include "applications/job_description_fetch.hpp"

#include "core/error.hpp"
#include "net/page_fetch.hpp"

namespace vitae::applications {

std::string fetch_job_description(std::string_view url, const net::FetchPolicy& policy) {
    auto page = net::fetch_page_text(url, policy, kMaxFetchedJobBytes);
    if (page.text.empty() && page.title.empty())
        throw Error(ErrorCode::bad_request,
                    "The page has no text Vitae can read (it may be built by JavaScript). "
                    "Paste the job description instead.");
    // Most adverts repeat their title as the first heading: say it once.
    if (page.title.empty() || page.text.starts_with(page.title))
        return page.text;
    std::string out = page.title + "\n\n" + page.text;
    if (out.size() > kMaxFetchedJobBytes) {
        out.resize(kMaxFetchedJobBytes);
        while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80)
            out.pop_back();
        if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0)
            out.pop_back();
    }
    return out;
}

}  // namespace vitae::applications
