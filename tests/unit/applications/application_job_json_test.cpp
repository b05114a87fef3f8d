#include "applications/application_job_json.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "core/error.hpp"

namespace vitae::applications {
namespace {

using nlohmann::json;

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

TEST_CASE("job_json_round_trip_keeps_the_mapped_fields") {
    Application a;
    a.company = "ACME";
    a.role = "Engineer";
    a.location = "Lisbon, PT";
    a.salary = "60-70k EUR";
    a.job_url = "https://jobs.example.org/1";
    a.saved_on = "2027-01-02";
    a.job_description = "Build things.\n\nWith people.";
    a.updated_at = 1'800'000'000;
    auto job = to_job_json(a);
    CHECK(job["title"] == "Engineer");
    CHECK(job["location"] == json{{"address", "Lisbon, PT"}});
    CHECK(job["meta"]["lastModified"] == "2027-01-15T08:00:00");

    auto in = parse_job_json(job.dump());
    CHECK(in.company == a.company);
    CHECK(in.role == a.role);
    CHECK(in.location == a.location);
    CHECK(in.salary == a.salary);
    CHECK(in.job_url == a.job_url);
    CHECK(in.saved_on == a.saved_on);
    CHECK(in.job_description == a.job_description);
}

TEST_CASE("job_json_import_folds_unmapped_fields_into_the_description") {
    auto in = parse_job_json(R"({
        "title": "Web Developer", "company": "Microsoft", "type": "Full-time", "date": "2024-07",
        "description": "Build web apps.", "remote": "Hybrid", "experience": "Mid-level",
        "location": {"address": "1 Main St", "city": "Berlin", "countryCode": "DE"},
        "responsibilities": ["Develop", "Collaborate"], "qualifications": ["BSc"],
        "skills": [{"name": "Web", "level": "Master", "keywords": ["HTML", "CSS"]}]})");
    CHECK(in.location == "Berlin, DE");
    CHECK_FALSE(in.saved_on);  // a month is not a day
    CHECK(in.job_description ==
          "Build web apps.\n\nType: Full-time\nRemote: Hybrid\nExperience: Mid-level\n\n"
          "Responsibilities:\n- Develop\n- Collaborate\n\nQualifications:\n- BSc\n\n"
          "Skills:\n- Web (Master): HTML, CSS");
}

TEST_CASE("job_json_import_reads_a_job_with_every_schema_field") {
    std::ifstream file(VITAE_SOURCE_DIR "/tests/fixtures/jobs/backend_engineer.job.json");
    REQUIRE(file);
    std::stringstream text;
    text << file.rdbuf();
    auto in = parse_job_json(text.str());
    CHECK(in.role == "Backend Engineer");
    CHECK(in.company == "Fjord Analytics");
    CHECK(in.location == "Lisboa, Lisboa, PT");
    CHECK(in.salary == "55000-65000 EUR");
    CHECK(in.saved_on == "2027-01-04");
    CHECK(in.job_url == "https://jobs.example.org/fjord/backend-engineer");
    CHECK(in.job_description->starts_with("Fjord Analytics is looking for"));
    CHECK(in.job_description->find("- Backend development (Advanced): C++, SQLite, HTTP") !=
          std::string::npos);
}

TEST_CASE("job_json_import_refuses_what_is_not_a_job") {
    CHECK(message_of([] { parse_job_json("not json"); }).find("not valid JSON") !=
          std::string::npos);
    CHECK(message_of([] { parse_job_json("[]"); }).find("JSON object") != std::string::npos);
    CHECK(message_of([] { parse_job_json(R"({"title": "X"})"); }).find("\"company\"") !=
          std::string::npos);
    CHECK(message_of([] {
              parse_job_json(R"({"title": "X", "company": 3})");
          }).find("\"company\" must be a string") != std::string::npos);
    CHECK(message_of([] {
              parse_job_json(R"({"title": "X", "company": "Y", "skills": "lots"})");
          }).find("\"skills\"") != std::string::npos);
    CHECK(message_of([] {
              parse_job_json(std::string(kMaxJobJsonBytes + 1, ' '));
          }).find("larger than 1 MiB") != std::string::npos);
}

}  // namespace
}  // namespace vitae::applications
