#pragma once
// Applications as CSV (RFC 4180, UTF-8, a header row naming the columns): the export, and
// the import's reading of a file into inputs for ApplicationService::import_all.
#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "applications/application_service.hpp"

namespace vitae::applications {

// The export's columns, in order; an import takes any subset in any order, but company
// and role must be there.
inline constexpr std::array<std::string_view, 13> kCsvColumns = {
    "company",  "role",       "location",     "job_url",  "salary", "source",         "status",
    "saved_on", "applied_on", "follow_up_on", "contacts", "notes",  "job_description"};

// One header row and one row per application, CRLF line ends, every cell quoted. A cell
// that a spreadsheet would run as a formula (starting with = + - @, tab or carriage
// return) gets a leading ' (OWASP's advice against CSV injection).
std::string to_csv(const std::vector<Application>& applications);

// The records of RFC 4180 text: fields split on commas, quoted fields may hold commas,
// line breaks and doubled quotes; lines end in CRLF or LF; a UTF-8 byte order mark is
// skipped. Throws Error(bad_request) naming the row of an unclosed quote or of text after
// a closing quote, or when there are more than max_records records.
std::vector<std::vector<std::string>> parse_csv_records(std::string_view text,
                                                        std::size_t max_records);

// The data rows of an applications CSV as inputs (row 1 is the header; empty rows are
// skipped). An empty status means saved. A leading ' before = + - @ is dropped again, so
// an export imports unchanged. Throws one Error(bad_request) listing every row with a
// problem, or for a file that is not UTF-8, lacks the header, names an unknown column or
// has more than max_rows data rows.
std::vector<ImportRow> parse_csv(std::string_view text, std::size_t max_rows = kMaxImportRows);

}  // namespace vitae::applications
