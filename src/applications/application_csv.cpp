#include "applications/application_csv.hpp"

#include <algorithm>
#include <map>

#include "applications/application_fields.hpp"
#include "core/error.hpp"
#include "core/utf8.hpp"

namespace vitae::applications {

namespace {

[[noreturn]] void refuse(const std::string& message) {
    throw Error(ErrorCode::bad_request, message);
}

constexpr std::string_view kFormulaStarts = "=+-@\t\r";

std::string cell(std::string_view value) {
    std::string out = "\"";
    if (!value.empty() && kFormulaStarts.find(value.front()) != std::string_view::npos)
        out += '\'';
    for (char c : value) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

// The inverse of cell()'s prefix.
std::string unprefixed(std::string value) {
    if (value.size() > 1 && value.front() == '\'' &&
        kFormulaStarts.find(value[1]) != std::string_view::npos)
        value.erase(0, 1);
    return value;
}

std::vector<std::string> export_row(const Application& a) {
    return {a.company,
            a.role,
            a.location,
            a.job_url,
            a.salary,
            a.source,
            a.status,
            a.saved_on.value_or(""),
            a.applied_on.value_or(""),
            a.follow_up_on.value_or(""),
            contacts_text(a.contacts),
            a.notes,
            a.job_description};
}

void append_row(std::string& out, const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i)
        out += (i ? "," : "") + cell(cells[i]);
    out += "\r\n";
}

// Reads one RFC 4180 record starting at `at`; leaves `at` past its line end.
class RecordReader {
  public:
    explicit RecordReader(std::string_view text) : text_(text) {}

    bool done() const { return at_ >= text_.size(); }

    std::vector<std::string> next(std::size_t row) {
        std::vector<std::string> fields(1);
        while (at_ < text_.size()) {
            char c = text_[at_];
            if (c == '"' && fields.back().empty() && !quoted_field_) {
                read_quoted(fields.back(), row);
                continue;
            }
            ++at_;
            if (c == ',') {
                fields.emplace_back();
                quoted_field_ = false;
            } else if (c == '\n' || (c == '\r' && at_ < text_.size() && text_[at_] == '\n')) {
                at_ += c == '\r' ? 1 : 0;
                break;
            } else {
                if (quoted_field_)
                    refuse("row " + std::to_string(row) + ": text after a closing quote.");
                fields.back() += c;
            }
        }
        quoted_field_ = false;
        return fields;
    }

  private:
    void read_quoted(std::string& field, std::size_t row) {
        ++at_;
        for (;;) {
            auto quote = text_.find('"', at_);
            if (quote == std::string_view::npos)
                refuse("row " + std::to_string(row) + ": a quoted field is never closed.");
            field.append(text_.substr(at_, quote - at_));
            at_ = quote + 1;
            if (at_ < text_.size() && text_[at_] == '"') {
                field += '"';
                ++at_;
                continue;
            }
            quoted_field_ = true;
            return;
        }
    }

    std::string_view text_;
    std::size_t at_ = 0;
    bool quoted_field_ = false;
};

bool is_blank(const std::vector<std::string>& record) {
    return record.size() == 1 && record[0].empty();
}

// Column name -> index; refuses unknown and repeated names and a missing company or role.
std::map<std::string, std::size_t> header_columns(const std::vector<std::string>& header) {
    std::map<std::string, std::size_t> columns;
    for (std::size_t i = 0; i < header.size(); ++i) {
        std::string name = header[i];
        if (std::find(kCsvColumns.begin(), kCsvColumns.end(), name) == kCsvColumns.end())
            refuse("row 1: unknown column \"" + name + "\"; the columns are listed in the README.");
        if (!columns.emplace(name, i).second)
            refuse("row 1: the column \"" + name + "\" appears twice.");
    }
    for (const char* required : {"company", "role"}) {
        if (!columns.count(required))
            refuse("row 1: the header has no \"" + std::string(required) + "\" column.");
    }
    return columns;
}

ApplicationInput input_of(const std::map<std::string, std::size_t>& columns,
                          const std::vector<std::string>& record) {
    auto value = [&](const char* name) -> std::optional<std::string> {
        auto it = columns.find(name);
        if (it == columns.end())
            return std::nullopt;
        return unprefixed(record[it->second]);
    };
    ApplicationInput in;
    in.company = value("company");
    in.role = value("role");
    in.location = value("location");
    in.job_url = value("job_url");
    in.salary = value("salary");
    in.source = value("source");
    in.status = value("status");
    if (in.status && in.status->empty())
        in.status.reset();
    in.saved_on = value("saved_on");
    in.applied_on = value("applied_on");
    in.follow_up_on = value("follow_up_on");
    if (auto contacts = value("contacts"))
        in.contacts = parse_contacts(*contacts);
    in.notes = value("notes");
    in.job_description = value("job_description");
    return in;
}

}  // namespace

std::string to_csv(const std::vector<Application>& applications) {
    std::string out;
    append_row(out, std::vector<std::string>(kCsvColumns.begin(), kCsvColumns.end()));
    for (const auto& a : applications)
        append_row(out, export_row(a));
    return out;
}

std::vector<std::vector<std::string>> parse_csv_records(std::string_view text,
                                                        std::size_t max_records) {
    if (text.starts_with("\xEF\xBB\xBF"))
        text.remove_prefix(3);
    RecordReader reader(text);
    std::vector<std::vector<std::string>> records;
    while (!reader.done()) {
        if (records.size() == max_records)
            refuse("The file has more than " + std::to_string(max_records) + " rows.");
        records.push_back(reader.next(records.size() + 1));
    }
    return records;
}

std::vector<ImportRow> parse_csv(std::string_view text, std::size_t max_rows) {
    if (!core::is_utf8(text))
        refuse("The file is not UTF-8 text; save the CSV as UTF-8 and try again.");
    auto records = parse_csv_records(text, max_rows + 1);
    if (records.empty() || is_blank(records[0]))
        refuse("row 1: the file is empty; it needs a header row naming the columns.");
    auto columns = header_columns(records[0]);
    std::vector<ImportRow> rows;
    std::vector<std::string> problems;
    for (std::size_t i = 1; i < records.size(); ++i) {
        if (is_blank(records[i]))
            continue;
        if (records[i].size() != records[0].size()) {
            problems.push_back("row " + std::to_string(i + 1) + ": " +
                               std::to_string(records[i].size()) + " fields, the header has " +
                               std::to_string(records[0].size()));
            continue;
        }
        rows.push_back({i + 1, input_of(columns, records[i])});
    }
    if (!problems.empty())
        refuse(join_problems(problems));
    return rows;
}

}  // namespace vitae::applications
