#include "cv/import/date_ranges.hpp"

#include <cstdio>
#include <vector>

#include "cv/import/text_fold.hpp"

namespace vitae::cv {

namespace {

enum class Kind { number, word, dash, slash, dot, comma, open, close, other };

struct Token {
    Kind kind;
    std::size_t begin;
    std::size_t end;
    std::string folded;  // words and numbers
};

struct MonthName {
    std::string_view word;
    int month;
};

// Folded month names and the abbreviations people write, in English, German, French and
// Spanish. "mar" and "mai" mean the same month in every language that uses them.
constexpr MonthName kMonths[] = {
    {"january", 1},   {"jan", 1},        {"januar", 1},    {"janner", 1},     {"janvier", 1},
    {"janv", 1},      {"enero", 1},      {"ene", 1},       {"february", 2},   {"feb", 2},
    {"febr", 2},      {"februar", 2},    {"fevrier", 2},   {"fev", 2},        {"fevr", 2},
    {"febrero", 2},   {"march", 3},      {"mar", 3},       {"marz", 3},       {"maerz", 3},
    {"mars", 3},      {"marzo", 3},      {"april", 4},     {"apr", 4},        {"avril", 4},
    {"avr", 4},       {"abril", 4},      {"abr", 4},       {"may", 5},        {"mai", 5},
    {"mayo", 5},      {"june", 6},       {"jun", 6},       {"juni", 6},       {"juin", 6},
    {"junio", 6},     {"july", 7},       {"jul", 7},       {"juli", 7},       {"juillet", 7},
    {"juil", 7},      {"julio", 7},      {"august", 8},    {"aug", 8},        {"aout", 8},
    {"agosto", 8},    {"ago", 8},        {"september", 9}, {"sep", 9},        {"sept", 9},
    {"septembre", 9}, {"septiembre", 9}, {"setiembre", 9}, {"set", 9},        {"october", 10},
    {"oct", 10},      {"oktober", 10},   {"okt", 10},      {"octobre", 10},   {"octubre", 10},
    {"november", 11}, {"nov", 11},       {"novembre", 11}, {"noviembre", 11}, {"december", 12},
    {"dec", 12},      {"dezember", 12},  {"dez", 12},      {"decembre", 12},  {"diciembre", 12},
    {"dic", 12},      {"mrz", 3},
};

constexpr std::string_view kPresent[] = {
    "present",    "current",  "currently", "now",          "today",      "date",    "ongoing",
    "heute",      "aktuell",  "jetzt",     "dato",         "gegenwart",  "laufend", "aujourd'hui",
    "aujourdhui", "actuel",   "actuelle",  "actuellement", "maintenant", "jour",    "cours",
    "actualidad", "presente", "actual",    "actualmente",  "hoy",        "fecha",   "ahora"};

// Words between a range separator and "present": "à ce jour", "hasta la fecha".
constexpr std::string_view kFiller[] = {"ce", "la", "le", "en", "zum", "zur", "the", "el"};

constexpr std::string_view kSeparators[] = {"to", "till",  "until", "bis",     "a", "au",
                                            "al", "hasta", "thru",  "through", "-"};

constexpr std::string_view kSince[] = {"since", "seit", "depuis", "desde", "ab", "des"};
constexpr std::string_view kFrom[] = {"from", "von", "de", "du", "vom"};

template <std::size_t N>
bool one_of(std::string_view word, const std::string_view (&list)[N]) {
    for (auto w : list) {
        if (w == word)
            return true;
    }
    return false;
}

// A dash of any width: - ‐ ‑ ‒ – — ― −
std::size_t dash_at(std::string_view s, std::size_t i) {
    if (s[i] == '-' || s[i] == '~')
        return 1;
    auto three = s.substr(i, 3);
    if (three.size() == 3 && three[0] == '\xE2' && three[1] == '\x80' && three[2] >= '\x90' &&
        three[2] <= '\x95')
        return 3;
    return three == "\xE2\x88\x92" ? 3 : 0;
}

bool is_apostrophe_at(std::string_view s, std::size_t i, std::size_t& width) {
    width = s[i] == '\'' ? 1 : s.substr(i, 3) == "\xE2\x80\x99" ? 3 : 0;
    return width > 0;
}

bool is_letter_byte(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0x80 && c != 0xE2);
}

class Tokenizer {
  public:
    explicit Tokenizer(std::string_view s) : s_(s) {}

    std::vector<Token> run() {
        std::vector<Token> out;
        std::size_t i = 0;
        while (i < s_.size()) {
            auto c = static_cast<unsigned char>(s_[i]);
            if (c == ' ' || s_.substr(i, 2) == "\xC2\xA0") {
                i += c == ' ' ? 1 : 2;
                continue;
            }
            Token t{Kind::other, i, i + 1, {}};
            if (c >= '0' && c <= '9')
                t = number(i);
            else if (auto w = dash_at(s_, i))
                t = {Kind::dash, i, i + w, "-"};
            else if (is_letter_byte(c))
                t = word(i);
            else
                t = punct(i);
            i = t.end;
            out.push_back(std::move(t));
        }
        return out;
    }

  private:
    std::string_view s_;

    Token number(std::size_t i) {
        auto end = i;
        while (end < s_.size() && s_[end] >= '0' && s_[end] <= '9')
            ++end;
        return {Kind::number, i, end, std::string(s_.substr(i, end - i))};
    }

    Token word(std::size_t i) {
        auto end = i;
        std::size_t width = 0;
        while (end < s_.size()) {
            auto c = static_cast<unsigned char>(s_[end]);
            if (is_letter_byte(c)) {
                ++end;
            } else if (is_apostrophe_at(s_, end, width) && end + width < s_.size() &&
                       is_letter_byte(static_cast<unsigned char>(s_[end + width]))) {
                end += width;
            } else {
                break;
            }
        }
        auto folded = fold(s_.substr(i, end - i));
        for (auto at = folded.find("\xE2\x80\x99"); at != std::string::npos;
             at = folded.find("\xE2\x80\x99"))
            folded.replace(at, 3, "'");
        return {Kind::word, i, end, std::move(folded)};
    }

    Token punct(std::size_t i) {
        auto c = s_[i];
        Kind kind = c == '/'                 ? Kind::slash
                    : c == '.'               ? Kind::dot
                    : c == ','               ? Kind::comma
                    : (c == '(' || c == '[') ? Kind::open
                    : (c == ')' || c == ']') ? Kind::close
                                             : Kind::other;
        std::size_t width = 1;
        if (static_cast<unsigned char>(c) == 0xE2)  // a three-byte punctuation mark
            width = std::min<std::size_t>(3, s_.size() - i);
        return {kind, i, i + width, {}};
    }
};

struct Point {
    int year = 0;  // 0: a month without a year ("Jan – Mar 2020")
    int month = 0;
    int day = 0;
    std::size_t next = 0;  // token after the date
    std::size_t end = 0;   // byte after the date
};

class Scanner {
  public:
    explicit Scanner(std::vector<Token> tokens) : t_(std::move(tokens)) {}

    std::optional<DateSpan> find() {
        std::optional<DateSpan> since;
        std::optional<DateSpan> single;
        for (std::size_t i = 0; i < t_.size(); ++i) {
            if (auto range = range_at(i))
                return range;
            if (!since && is(i, Kind::word) && one_of(t_[i].folded, kSince)) {
                if (auto p = point(i + 1); p && p->year)
                    since = span_of(*p, {}, true, t_[i].begin, p->end);
            }
            if (!single) {
                if (auto p = point(i); p && p->year)
                    single = span_of(*p, {}, false, t_[i].begin, p->end);
            }
        }
        if (since)
            return since;
        return single;
    }

  private:
    std::vector<Token> t_;

    bool is(std::size_t i, Kind kind) const { return i < t_.size() && t_[i].kind == kind; }

    bool adjacent(std::size_t i) const {
        return i > 0 && i < t_.size() && t_[i].begin == t_[i - 1].end;
    }

    bool number_of(std::size_t i, std::size_t min_len, std::size_t max_len) const {
        return is(i, Kind::number) && t_[i].folded.size() >= min_len &&
               t_[i].folded.size() <= max_len;
    }

    int value(std::size_t i) const {
        return t_[i].folded.size() > 6 ? -1 : std::stoi(t_[i].folded);
    }

    bool year_at(std::size_t i) const {
        if (!number_of(i, 4, 4))
            return false;
        int y = value(i);
        return y >= 1940 && y <= 2099;
    }

    int month_at(std::size_t i) const {
        return is(i, Kind::word) ? month_of_word(t_[i].folded) : 0;
    }

    bool is_word(std::size_t i, std::string_view w) const {
        return is(i, Kind::word) && t_[i].folded == w;
    }

    std::optional<Point> point(std::size_t i) const {
        if (month_at(i))
            return named_month(i);
        if (year_at(i))
            return year_first(i);
        if (number_of(i, 1, 2))
            return day_or_month_first(i);
        return std::nullopt;
    }

    // "Jan 2020", "Jan. 2020", "enero de 2020", "March 15, 2020", "Jan" (no year).
    std::optional<Point> named_month(std::size_t i) const {
        Point p{0, month_at(i), 0, i + 1, t_[i].end};
        std::size_t j = i + 1;
        if (is(j, Kind::dot) && adjacent(j))
            p.end = t_[j++].end, p.next = j;
        if (is(j, Kind::comma) || is_word(j, "de") || is_word(j, "del"))
            ++j;
        if (number_of(j, 1, 2) && (is(j + 1, Kind::comma) || is(j + 1, Kind::dot)) &&
            year_at(j + 2)) {
            p.day = value(j);
            j += 2;
        }
        if (year_at(j)) {
            p.year = value(j);
            p.next = j + 1;
            p.end = t_[j].end;
        }
        return p;
    }

    // "2020", "2020-01", "2020/01", "2020-01-15".
    std::optional<Point> year_first(std::size_t i) const {
        Point p{value(i), 0, 0, i + 1, t_[i].end};
        bool sep = (is(i + 1, Kind::dash) || is(i + 1, Kind::slash) || is(i + 1, Kind::dot)) &&
                   adjacent(i + 1) && t_[i + 1].end - t_[i + 1].begin == 1;
        if (!sep || !number_of(i + 2, 2, 2) || !adjacent(i + 2))
            return p;
        int month = value(i + 2);
        if (month < 1 || month > 12)
            return p;
        p.month = month;
        p.next = i + 3;
        p.end = t_[i + 2].end;
        if (t_[i + 1].kind == Kind::dash && is(i + 3, Kind::dash) && adjacent(i + 3) &&
            number_of(i + 4, 2, 2) && adjacent(i + 4)) {
            p.day = value(i + 4);
            p.next = i + 5;
            p.end = t_[i + 4].end;
        }
        return p;
    }

    bool date_sep(std::size_t i) const {
        return (is(i, Kind::dot) || is(i, Kind::slash) || is(i, Kind::dash)) && adjacent(i) &&
               t_[i].end - t_[i].begin == 1 && adjacent(i + 1);
    }

    // "01/2020", "1.2020", "15.04.2018", "04/15/2018", "15. März 2020", "1 janvier 2019".
    std::optional<Point> day_or_month_first(std::size_t i) const {
        int first = value(i);
        if (date_sep(i + 1) && year_at(i + 2)) {
            if (first < 1 || first > 12)
                return std::nullopt;
            return Point{value(i + 2), first, 0, i + 3, t_[i + 2].end};
        }
        if (date_sep(i + 1) && number_of(i + 2, 1, 2) && date_sep(i + 3) && year_at(i + 4)) {
            int second = value(i + 2);
            int day = first, month = second;
            if (month > 12)
                std::swap(day, month);  // the American order, 04/15/2018
            if (month < 1 || month > 12 || day < 1 || day > 31)
                return std::nullopt;
            return Point{value(i + 4), month, day, i + 5, t_[i + 4].end};
        }
        std::size_t j = i + 1;
        if (is(j, Kind::dot) && adjacent(j))
            ++j;
        if (is_word(j, "de"))
            ++j;
        if (month_at(j) && first >= 1 && first <= 31) {
            auto p = named_month(j);
            if (p && p->year) {
                p->day = first;
                return p;
            }
        }
        return std::nullopt;
    }

    // After a separator: a date or "present", possibly after filler ("à ce jour").
    std::size_t skip_filler(std::size_t j) const {
        while (is(j, Kind::word) && one_of(t_[j].folded, kFiller))
            ++j;
        return j;
    }

    std::size_t separator_after(std::size_t j) const {
        if (is(j, Kind::dash))
            return j + 1;
        if (is(j, Kind::word) && one_of(t_[j].folded, kSeparators)) {
            // "bis zum", "to the", "- to"
            return j + 1;
        }
        return 0;
    }

    std::optional<DateSpan> range_at(std::size_t i) const {
        std::size_t begin_token = i;
        if (is(i, Kind::word) && one_of(t_[i].folded, kFrom) && point(i + 1))
            ++i;
        auto start = point(i);
        if (!start)
            return std::nullopt;
        auto j = separator_after(start->next);
        if (j == 0)
            return std::nullopt;
        if (is(j, Kind::word) && one_of(t_[j].folded, kSeparators) && t_[j - 1].kind == Kind::dash)
            ++j;  // "– to present"
        j = skip_filler(j);
        if (is(j, Kind::word) && is_present_word(t_[j].folded)) {
            if (!start->year)
                return std::nullopt;
            auto end = t_[j].end;
            if (is(j + 1, Kind::dot) && adjacent(j + 1))
                end = t_[j + 1].end;
            return span_of(*start, {}, true, t_[begin_token].begin, end);
        }
        auto finish = point(j);
        if (!finish || !finish->year)
            return std::nullopt;
        if (!start->year) {
            if (finish->month == 0)
                return std::nullopt;
            start->year = finish->year;  // "Jan – Mar 2020"
        }
        return span_of(*start, *finish, false, t_[begin_token].begin, finish->end);
    }

    static std::string date_text(const Point& p) {
        char buf[16];
        if (p.month == 0)
            std::snprintf(buf, sizeof buf, "%04d", p.year);
        else if (p.day == 0)
            std::snprintf(buf, sizeof buf, "%04d-%02d", p.year, p.month);
        else
            std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", p.year, p.month, p.day);
        return buf;
    }

    static std::optional<DateSpan> span_of(const Point& start, std::optional<Point> end,
                                           bool ongoing, std::size_t begin, std::size_t finish) {
        DateSpan span;
        span.start = date_text(start);
        span.end = end ? date_text(*end) : std::string();
        span.ongoing = ongoing;
        span.range = ongoing || end.has_value();
        span.begin = begin;
        span.finish = finish;
        return span;
    }
};

bool is_open_bracket(char c) {
    return c == '(' || c == '[';
}

bool is_close_bracket(char c) {
    return c == ')' || c == ']';
}

// Separators and labels left around removed dates.
constexpr std::string_view kEdge = ",;:|/-()[]";

std::string_view trim_edges(std::string_view s) {
    for (;;) {
        auto before = s.size();
        s = trim_chars(s, kEdge);
        for (std::string_view mark : {"\xE2\x80\x93", "\xE2\x80\x94", "\xC2\xB7", "\xE2\x80\xA2",
                                      "\xE2\x80\x94", "\xE2\x88\x92"}) {
            if (s.starts_with(mark))
                s.remove_prefix(mark.size());
            if (s.ends_with(mark))
                s.remove_suffix(mark.size());
        }
        if (s.size() == before)
            return s;
    }
}

}  // namespace

int month_of_word(std::string_view folded_word) {
    for (const auto& m : kMonths) {
        if (m.word == folded_word)
            return m.month;
    }
    return 0;
}

bool is_present_word(std::string_view folded_word) {
    return one_of(folded_word, kPresent);
}

std::optional<DateSpan> find_dates(std::string_view line) {
    return Scanner(Tokenizer(line).run()).find();
}

std::string without_dates(std::string_view line, const DateSpan& span) {
    auto begin = std::min(span.begin, line.size());
    auto finish = std::min(std::max(span.finish, begin), line.size());
    auto left = trim(line.substr(0, begin));
    auto right = trim(line.substr(finish));
    if (!left.empty() && !right.empty() && is_open_bracket(left.back()) &&
        is_close_bracket(right.front())) {
        left.remove_suffix(1);
        right.remove_prefix(1);
    }
    left = trim_edges(left);
    right = trim_edges(right);
    if (left.empty())
        return std::string(right);
    if (right.empty())
        return std::string(left);
    return std::string(left) + " | " + std::string(right);
}

}  // namespace vitae::cv
