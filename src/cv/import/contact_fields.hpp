#pragma once
// Contact details in a line of CV text: email addresses, phone numbers in national and
// international formats, web addresses (with or without "https://") and the profile a
// known site stands for (LinkedIn, GitHub, XING ...). Hand-written scanners, linear in
// the line.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vitae::cv {

struct Profile {
    std::string network;   // "LinkedIn"
    std::string username;  // "ada-lovelace"
    std::string url;       // always http(s)
};

std::vector<std::string> find_emails(std::string_view line);

// Web addresses as https:// URLs. Addresses without a scheme count when they start with
// "www." or name a known profile site; with loose, any "name.tld/..." with a common
// top-level domain counts too ("ada.dev") — only safe in the contact block, where
// "Node.js" is not expected.
std::vector<std::string> find_urls(std::string_view line, bool loose);

// The first phone number: a run of digits with spaces, dashes, dots, slashes and
// brackets holding 7 to 15 digits that starts with "+", "00", "(" or "0", or that
// follows a label ("Tel.", "Phone", "Mobil", "Tél", "Teléfono" ...), or is written
// 555-123-4567. Date ranges are never phone numbers.
std::optional<std::string> find_phone(std::string_view line);

// The profile a URL stands for, when its host is a known network.
std::optional<Profile> profile_of(const std::string& url);

// The canonical name of a network named in text ("github" -> "GitHub"), if known.
std::optional<std::string> network_named(std::string_view name);

// The line with its emails, URLs, phone number and their labels removed, split into the
// pieces that are left ("Berlin, Germany | ada@x.org | +49 30 1234" -> {"Berlin, Germany"}).
std::vector<std::string> other_pieces(std::string_view line);

}  // namespace vitae::cv
