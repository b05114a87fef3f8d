#include "applications/application_csv.hpp"

#include <doctest/doctest.h>

#include "core/error.hpp"

namespace vitae::applications {
namespace {

std::string message_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        CHECK(e.code() == ErrorCode::bad_request);
        return e.what();
    }
    FAIL("no error thrown");
    return "";
}

Application tricky() {
    Application a;
    a.company = "Smith, Jones & \"Partners\"";
    a.role = "Ingénieur logiciel — 日本語 🚀";
    a.location = "São Paulo";
    a.job_url = "https://jobs.example.org/1?a=1,2";
    a.salary = "-10% of nothing";
    a.source = "=HYPERLINK(\"http://evil\")";
    a.status = "interviewing";
    a.saved_on = "2027-01-02";
    a.follow_up_on = "2027-01-09";
    a.contacts = {{"Ana Lima", "ana@example.org", "+351 21 000", "recruiter"}, {"Bo", "", "", ""}};
    a.notes = "line one\nline two\r\nline \"three\"";
    a.job_description = "@mention and +plus\n\n, commas, everywhere,";
    return a;
}

TEST_CASE("csv_round_trip_keeps_commas_quotes_newlines_and_unicode") {
    auto csv = to_csv({tricky()});
    auto rows = parse_csv(csv);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].row == 2);
    const auto& in = rows[0].input;
    auto a = tricky();
    CHECK(in.company == a.company);
    CHECK(in.role == a.role);
    CHECK(in.location == a.location);
    CHECK(in.job_url == a.job_url);
    CHECK(in.salary == a.salary);  // the ' added against formulas is taken off again
    CHECK(in.source == a.source);
    CHECK(in.status == a.status);
    CHECK(in.saved_on == a.saved_on);
    CHECK(in.applied_on == "");
    CHECK(in.follow_up_on == a.follow_up_on);
    REQUIRE(in.contacts);
    REQUIRE(in.contacts->size() == 2);
    CHECK((*in.contacts)[0].phone == "+351 21 000");
    CHECK((*in.contacts)[1].name == "Bo");
    CHECK(in.notes == a.notes);
    CHECK(in.job_description == a.job_description);
}

TEST_CASE("csv_export_prefixes_cells_a_spreadsheet_would_run_as_formulas") {
    auto csv = to_csv({tricky()});
    CHECK(csv.starts_with("\"company\",\"role\",\"location\""));
    CHECK(csv.find("\"'=HYPERLINK(\"\"http://evil\"\")\"") != std::string::npos);
    CHECK(csv.find("\"'-10% of nothing\"") != std::string::npos);
    CHECK(csv.find("\"'@mention and +plus") != std::string::npos);
    CHECK(csv.find("\"Smith, Jones & \"\"Partners\"\"\"") != std::string::npos);
    CHECK(csv.find("\r\n") != std::string::npos);
}

TEST_CASE("csv_records_follow_rfc_4180") {
    auto records = parse_csv_records(
        "\xEF\xBB\xBF"
        "a,\"b,c\",\"d\"\"e\"\r\n\"multi\nline\",,x\nlast",
        10);
    REQUIRE(records.size() == 3);
    CHECK(records[0] == std::vector<std::string>{"a", "b,c", "d\"e"});
    CHECK(records[1] == std::vector<std::string>{"multi\nline", "", "x"});
    CHECK(records[2] == std::vector<std::string>{"last"});
}

TEST_CASE("csv_import_takes_columns_in_any_order_and_skips_empty_rows") {
    auto rows = parse_csv("role,company\nEngineer,ACME\n\nDesigner,Initech\n");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].input.company == "ACME");
    CHECK(rows[1].row == 4);
    CHECK(rows[1].input.role == "Designer");
    CHECK_FALSE(rows[1].input.status);  // not given: the service's default
    CHECK_FALSE(rows[1].input.notes);
}

TEST_CASE("csv_import_reports_bad_rows_by_number") {
    auto message = message_of([] { parse_csv("company,role\nA,B\nC\nD,E,F\nG,H\n"); });
    CHECK(message.find("row 3: 1 fields, the header has 2") != std::string::npos);
    CHECK(message.find("row 4: 3 fields") != std::string::npos);
    CHECK(message.find("Nothing was imported") != std::string::npos);
    CHECK(message_of([] {
              parse_csv("company,role\nA,\"B\n");
          }).find("row 2: a quoted field is never closed") != std::string::npos);
    CHECK(message_of([] {
              parse_csv("company,role\n\"A\"x,B\n");
          }).find("row 2: text after a closing quote") != std::string::npos);
}

TEST_CASE("csv_import_refuses_a_bad_header_and_non_utf8") {
    CHECK(message_of([] { parse_csv(""); }).find("row 1") != std::string::npos);
    CHECK(message_of([] { parse_csv("company,title\nA,B\n"); }).find("unknown column \"title\"") !=
          std::string::npos);
    CHECK(message_of([] { parse_csv("company,location\nA,B\n"); }).find("no \"role\" column") !=
          std::string::npos);
    CHECK(message_of([] { parse_csv("company,role,role\nA,B,C\n"); }).find("appears twice") !=
          std::string::npos);
    CHECK(message_of([] { parse_csv("company,role\n\xC3\x28,B\n"); }).find("not UTF-8") !=
          std::string::npos);
}

TEST_CASE("csv_import_refuses_more_rows_than_the_cap") {
    std::string csv = "company,role\n";
    for (int i = 0; i < 4; ++i)
        csv += "A,B\n";
    CHECK(parse_csv(csv, 4).size() == 4);
    csv += "A,B\n";
    CHECK(message_of([&] { parse_csv(csv, 4); }).find("more than 5 rows") != std::string::npos);
}

}  // namespace
}  // namespace vitae::applications
