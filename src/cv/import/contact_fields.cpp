#include "cv/import/contact_fields.hpp"

#include <algorithm>

#include "cv/import/date_ranges.hpp"
#include "cv/import/text_fold.hpp"
#include "cv/resume.hpp"

namespace vitae::cv {

namespace {

struct Span {
    std::size_t begin;
    std::size_t end;
};

struct Network {
    std::string_view host;  // folded, without "www."
    std::string_view name;
};

constexpr Network kNetworks[] = {
    {"linkedin.com", "LinkedIn"},
    {"github.com", "GitHub"},
    {"gitlab.com", "GitLab"},
    {"xing.com", "XING"},
    {"twitter.com", "Twitter"},
    {"x.com", "X"},
    {"stackoverflow.com", "Stack Overflow"},
    {"medium.com", "Medium"},
    {"behance.net", "Behance"},
    {"dribbble.com", "Dribbble"},
    {"orcid.org", "ORCID"},
    {"bitbucket.org", "Bitbucket"},
    {"kaggle.com", "Kaggle"},
    {"researchgate.net", "ResearchGate"},
    {"scholar.google.com", "Google Scholar"},
    {"youtube.com", "YouTube"},
    {"instagram.com", "Instagram"},
    {"facebook.com", "Facebook"},
    {"codeberg.org", "Codeberg"},
    {"dev.to", "DEV"},
    {"mastodon.social", "Mastodon"},
    {"sourceforge.net", "SourceForge"},
};

constexpr std::string_view kTlds[] = {
    "com", "org", "net", "io",   "dev", "de",     "fr",     "es",   "eu",   "me",
    "co",  "uk",  "ch",  "at",   "app", "info",   "page",   "site", "tech", "ai",
    "be",  "nl",  "it",  "pt",   "us",  "ca",     "online", "blog", "xyz",  "cat",
    "mx",  "ar",  "cl",  "name", "pro", "design", "studio", "se",   "dk",   "no"};

constexpr std::string_view kPhoneLabels[] = {
    "tel",   "tel.",     "telefon",  "telephone",    "phone",   "mobile", "mobil", "handy", "cell",
    "movil", "telefono", "portable", "fon",          "t",       "m",      "p",     "ph",    "mob",
    "tlf",   "celular",  "cel",      "mobiltelefon", "whatsapp"};

// Words that only label a contact detail ("E-Mail:", "LinkedIn:", "Web:").
constexpr std::string_view kContactLabels[] = {
    "email",   "e",        "mail",     "courriel", "correo",    "electronico", "web",
    "website", "homepage", "url",      "site",     "portfolio", "linkedin",    "github",
    "gitlab",  "xing",     "twitter",  "blog",     "internet",  "webseite",    "sitio",
    "contact", "kontakt",  "contacto", "profile",  "profil"};

bool is_email_byte(char c) {
    auto u = static_cast<unsigned char>(c);
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || c == '.' ||
           c == '_' || c == '%' || c == '+' || c == '-';
}

bool is_domain_byte(char c) {
    auto u = static_cast<unsigned char>(c);
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || c == '.' ||
           c == '-';
}

bool is_url_byte(char c) {
    auto u = static_cast<unsigned char>(c);
    return u > ' ' && c != '"' && c != '<' && c != '>' && c != '|' && u != 0x7F && u != 0xE2 &&
           u != 0xC2;  // • · and friends end an address
}

std::vector<Span> email_spans(std::string_view s) {
    std::vector<Span> out;
    for (auto at = s.find('@'); at != std::string_view::npos; at = s.find('@', at + 1)) {
        auto begin = at;
        while (begin > 0 && is_email_byte(s[begin - 1]))
            --begin;
        auto end = at + 1;
        while (end < s.size() && is_domain_byte(s[end]))
            ++end;
        while (begin < at && s[begin] == '.')
            ++begin;
        while (end > at + 1 && (s[end - 1] == '.' || s[end - 1] == '-'))
            --end;
        if (is_email(s.substr(begin, end - begin)) && out.size() < 50)
            out.push_back({begin, end});
    }
    return out;
}

// Longer "addresses" are not addresses; the bound also keeps scans linear on hostile lines.
constexpr std::size_t kMaxUrl = 2048;

std::size_t url_end(std::string_view s, std::size_t from) {
    auto end = from;
    while (end < s.size() && end - from < kMaxUrl && is_url_byte(s[end]))
        ++end;
    // Punctuation after an address belongs to the sentence, and a bracket closes only
    // what the address opened.
    while (end > from && std::string_view(".,;:!?)]'").find(s[end - 1]) != std::string_view::npos) {
        if (s[end - 1] == ')' && s.substr(from, end - from).find('(') != std::string_view::npos)
            break;
        --end;
    }
    return end;
}

bool tld_ok(std::string_view host) {
    auto dot = host.rfind('.');
    if (dot == std::string_view::npos)
        return false;
    auto tld = host.substr(dot + 1);
    return std::find(std::begin(kTlds), std::end(kTlds), tld) != std::end(kTlds);
}

// The start of the host name that ends at `at` (moving left over letters, digits, dots).
std::size_t host_begin(std::string_view s, std::size_t at) {
    auto floor = at > 253 ? at - 253 : 0;  // the longest host name DNS allows
    while (at > floor && is_domain_byte(s[at - 1]))
        --at;
    return at;
}

bool inside(const std::vector<Span>& spans, std::size_t at) {
    for (const auto& sp : spans) {
        if (at >= sp.begin && at < sp.end)
            return true;
    }
    return false;
}

// More are not contact details but a hostile line; the cap keeps the scans linear.
constexpr std::size_t kMaxSpans = 50;

void add_span(std::vector<Span>& spans, Span sp) {
    if (spans.size() < kMaxSpans && sp.end > sp.begin && !inside(spans, sp.begin))
        spans.push_back(sp);
}

void scheme_urls(std::string_view s, std::string_view folded, std::vector<Span>& out) {
    for (std::string_view start : {"https://", "http://", "www."}) {
        for (auto at = folded.find(start); at != std::string_view::npos;
             at = folded.find(start, at + 1)) {
            if ((start == "www." && at > 0 && is_domain_byte(s[at - 1])) || inside(out, at))
                continue;
            add_span(out, {at, url_end(s, at)});
        }
    }
}

void network_urls(std::string_view s, std::string_view folded, const std::vector<Span>& emails,
                  std::vector<Span>& out) {
    for (const auto& n : kNetworks) {
        for (auto at = folded.find(n.host); at != std::string_view::npos;
             at = folded.find(n.host, at + 1)) {
            if (inside(out, at))
                continue;
            auto begin = host_begin(s, at);
            auto end = at + n.host.size();
            bool whole_host = end == s.size() || !is_domain_byte(s[end]);
            bool in_email = inside(emails, at) || (begin > 0 && s[begin - 1] == '@');
            bool has_path = end < s.size() && s[end] == '/';
            if (whole_host && !in_email && has_path && (begin == at || s[at - 1] == '.'))
                add_span(out, {begin, url_end(s, at)});
        }
    }
}

void loose_urls(std::string_view s, const std::vector<Span>& emails, std::vector<Span>& out) {
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && !is_domain_byte(s[i]))
            ++i;
        auto begin = i;
        while (i < s.size() && is_domain_byte(s[i]))
            ++i;
        if (inside(out, begin))
            continue;
        auto host = trim_chars(s.substr(begin, i - begin), ".-");
        bool email_part = (i < s.size() && s[i] == '@') || (begin > 0 && s[begin - 1] == '@') ||
                          inside(emails, begin);
        if (!email_part && host.size() > 3 && has_letter(host) && tld_ok(fold(host)) &&
            host.find('.') > 1)
            add_span(out, {begin, url_end(s, begin)});
    }
}

std::string as_url(std::string_view text) {
    std::string url(text);
    auto folded = fold(url);
    if (!folded.starts_with("http://") && !folded.starts_with("https://"))
        url = "https://" + url;
    return url;
}

std::vector<Span> url_spans(std::string_view s, bool loose) {
    auto folded = fold(s);
    // Folding keeps byte positions only for ASCII; addresses are ASCII, and a line with
    // other letters is searched on its own bytes lower-cased the ASCII way.
    if (folded.size() != s.size()) {
        folded.assign(s);
        for (auto& c : folded)
            c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    }
    auto emails = email_spans(s);
    std::vector<Span> out;
    scheme_urls(s, folded, out);
    network_urls(s, folded, emails, out);
    if (loose)
        loose_urls(s, emails, out);
    std::sort(out.begin(), out.end(), [](Span a, Span b) { return a.begin < b.begin; });
    return out;
}

bool is_phone_byte(char c) {
    return (c >= '0' && c <= '9') || c == ' ' || c == '-' || c == '.' || c == '/' || c == '(' ||
           c == ')' || c == '+';
}

std::size_t digits_in(std::string_view s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }));
}

bool has_phone_label(std::string_view line) {
    for (const auto& w : words_of(fold(line))) {
        if (std::find(std::begin(kPhoneLabels), std::end(kPhoneLabels), w) !=
            std::end(kPhoneLabels))
            return true;
    }
    return line.find("\xE2\x98\x8E") != std::string_view::npos ||      // ☎
           line.find("\xF0\x9F\x93\x9E") != std::string_view::npos ||  // 📞
           line.find("\xF0\x9F\x93\xB1") != std::string_view::npos;    // 📱
}

// 555-123-4567 or 555.123.4567: the North American way, recognisable without a label.
bool is_nanp(std::string_view s) {
    auto groups = split_any(s, {"-", ".", " "});
    return groups.size() == 3 && groups[0].size() == 3 && groups[1].size() == 3 &&
           groups[2].size() == 4 && digits_in(s) == 10;
}

bool phone_shaped(std::string_view run, bool labelled) {
    auto digits = digits_in(run);
    if (digits < 7 || digits > 15)
        return false;
    if (auto dates = find_dates(run); dates && (dates->range || dates->start.size() == 10))
        return false;
    if (run.starts_with('+') || run.starts_with("00") || run.starts_with('('))
        return true;
    if (run.starts_with('0') && digits >= 9)
        return true;
    return labelled || is_nanp(run);
}

std::optional<Span> phone_span(std::string_view s) {
    bool labelled = has_phone_label(s);
    std::size_t i = 0;
    while (i < s.size()) {
        if (!(s[i] == '+' || s[i] == '(' || (s[i] >= '0' && s[i] <= '9'))) {
            ++i;
            continue;
        }
        auto begin = i;
        // A letter or digit glued before the run ("A4", "x123") makes it part of a word.
        bool glued =
            begin > 0 && is_domain_byte(s[begin - 1]) && s[begin - 1] != '.' && s[begin - 1] != '-';
        while (i < s.size() && is_phone_byte(s[i]) &&
               !(s[i] == ' ' && i + 1 < s.size() && s[i + 1] == ' '))
            ++i;
        auto end = i;
        while (end > begin && !(s[end - 1] >= '0' && s[end - 1] <= '9') && s[end - 1] != ')')
            --end;
        auto run = s.substr(begin, end - begin);
        if (!glued && phone_shaped(run, labelled))
            return Span{begin, end};
        if (i == begin)
            ++i;
    }
    return std::nullopt;
}

std::string username_of(std::string_view host_and_path, std::string_view network) {
    auto slash = host_and_path.find('/');
    if (slash == std::string_view::npos)
        return {};
    auto path = trim_chars(host_and_path.substr(slash), "/");
    auto query = path.find_first_of("?#");
    path = path.substr(0, query);
    // linkedin.com/in/NAME, xing.com/profile/NAME: the name is the last part.
    auto last = path.rfind('/');
    auto name = last == std::string_view::npos ? path : path.substr(last + 1);
    if (network == "Medium" || network == "Mastodon")
        name = trim_chars(name, "@");
    return std::string(name);
}

}  // namespace

std::optional<std::string> network_named(std::string_view name) {
    auto folded = fold(trim(name));
    for (const auto& n : kNetworks) {
        if (fold(n.name) == folded)
            return std::string(n.name);
    }
    return std::nullopt;
}

std::vector<std::string> find_emails(std::string_view line) {
    std::vector<std::string> out;
    for (auto sp : email_spans(line))
        out.emplace_back(line.substr(sp.begin, sp.end - sp.begin));
    return out;
}

std::vector<std::string> find_urls(std::string_view line, bool loose) {
    std::vector<std::string> out;
    for (auto sp : url_spans(line, loose)) {
        auto url = as_url(line.substr(sp.begin, sp.end - sp.begin));
        if (std::find(out.begin(), out.end(), url) == out.end())
            out.push_back(std::move(url));
    }
    return out;
}

std::optional<std::string> find_phone(std::string_view line) {
    auto sp = phone_span(line);
    if (!sp)
        return std::nullopt;
    return std::string(line.substr(sp->begin, sp->end - sp->begin));
}

std::optional<Profile> profile_of(const std::string& url) {
    auto folded = fold(url);
    std::string_view rest = folded;
    rest.remove_prefix(rest.starts_with("https://") ? 8 : rest.starts_with("http://") ? 7 : 0);
    auto host = rest.substr(0, rest.find('/'));
    for (const auto& n : kNetworks) {
        bool match = host == n.host || (host.size() > n.host.size() && host.ends_with(n.host) &&
                                        host[host.size() - n.host.size() - 1] == '.');
        if (!match)
            continue;
        auto original = std::string_view(url).substr(url.size() - rest.size());
        return Profile{std::string(n.name), username_of(original, n.name), url};
    }
    return std::nullopt;
}

std::vector<std::string> other_pieces(std::string_view line) {
    std::vector<Span> taken = email_spans(line);
    for (auto sp : url_spans(line, true))
        taken.push_back(sp);
    if (auto phone = phone_span(line))
        taken.push_back(*phone);
    std::sort(taken.begin(), taken.end(), [](Span a, Span b) { return a.begin < b.begin; });
    std::string rest;
    std::size_t at = 0;
    for (auto sp : taken) {
        if (sp.begin < at)
            continue;
        rest += line.substr(at, sp.begin - at);
        rest += " | ";
        at = sp.end;
    }
    rest += line.substr(std::min(at, line.size()));
    std::vector<std::string> out;
    for (auto& piece : split_any(rest, {"|", "\xE2\x80\xA2", "\xC2\xB7", ";", "  ", "\xE2\x97\x8F",
                                        "\xE2\x80\x94", " \xE2\x80\x93 "})) {
        auto words = words_of(fold(piece));
        bool label_only = !has_digit(piece) && std::all_of(words.begin(), words.end(), [](auto& w) {
            return std::find(std::begin(kPhoneLabels), std::end(kPhoneLabels), w) !=
                       std::end(kPhoneLabels) ||
                   std::find(std::begin(kContactLabels), std::end(kContactLabels), w) !=
                       std::end(kContactLabels);
        });
        auto cleaned = trim_chars(piece, ":,-()");
        if (!label_only && !cleaned.empty() && has_letter(cleaned))
            out.emplace_back(cleaned);
    }
    return out;
}

}  // namespace vitae::cv
