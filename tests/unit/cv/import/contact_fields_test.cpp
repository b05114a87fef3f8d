#include "cv/import/contact_fields.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace vitae::cv;

TEST_CASE("find_emails_reads_addresses_among_other_text") {
    auto emails = find_emails("E-Mail: anna.schmidt@example.de | Tel. +49 30 1234567");
    REQUIRE(emails.size() == 1);
    CHECK(emails[0] == "anna.schmidt@example.de");
    CHECK(find_emails("mailto:jo+cv@mail.example.co.uk.")[0] == "jo+cv@mail.example.co.uk");
    CHECK(find_emails("no address @ here").empty());
}

TEST_CASE("find_phone_reads_national_and_international_numbers") {
    CHECK(find_phone("Tel. +49 30 1234567") == "+49 30 1234567");
    CHECK(find_phone("james@example.com | (555) 123-4567 | Austin, TX") == "(555) 123-4567");
    CHECK(find_phone("+34 612 345 678") == "+34 612 345 678");
    CHECK(find_phone("+33 6 12 34 56 78") == "+33 6 12 34 56 78");
    CHECK(find_phone("Mobil: 0171 2345678") == "0171 2345678");
    CHECK(find_phone("555-123-4567") == "555-123-4567");
    CHECK(find_phone("0044 20 7946 0958") == "0044 20 7946 0958");
    CHECK(find_phone("Phone: 030/1234567") == "030/1234567");
}

TEST_CASE("find_phone_is_not_fooled_by_dates_postcodes_or_figures") {
    CHECK_FALSE(find_phone("2019 – 2021"));
    CHECK_FALSE(find_phone("03/2018 – 12/2019"));
    CHECK_FALSE(find_phone("10115 Berlin"));
    CHECK_FALSE(find_phone("Grew revenue by 2400000 dollars"));
    CHECK_FALSE(find_phone("15.04.2018"));
}

TEST_CASE("find_urls_reads_addresses_with_and_without_scheme") {
    auto urls =
        find_urls("linkedin.com/in/jcarter-pm | https://github.com/ada, www.ada.dev", false);
    REQUIRE(urls.size() == 3);
    CHECK(urls[0] == "https://linkedin.com/in/jcarter-pm");
    CHECK(urls[1] == "https://github.com/ada");
    CHECK(urls[2] == "https://www.ada.dev");
    CHECK(find_urls("anna-schmidt.example.de", true)[0] == "https://anna-schmidt.example.de");
    CHECK(find_urls("Node.js, Vue.js and ASP.NET", false).empty());
    CHECK(find_urls("ada@github.com", true).empty());
}

TEST_CASE("profile_of_names_the_network_and_the_user") {
    auto p = profile_of("https://www.linkedin.com/in/ada-lovelace/");
    REQUIRE(p);
    CHECK(p->network == "LinkedIn");
    CHECK(p->username == "ada-lovelace");
    CHECK(profile_of("https://github.com/ada")->username == "ada");
    CHECK_FALSE(profile_of("https://ada.dev"));
    CHECK(network_named("github") == "GitHub");
}

TEST_CASE("other_pieces_leaves_what_is_not_a_contact_detail") {
    auto pieces =
        other_pieces("ada@example.org | (555) 123-4567 | Austin, TX | linkedin.com/in/ada");
    REQUIRE(pieces.size() == 1);
    CHECK(pieces[0] == "Austin, TX");
    CHECK(other_pieces("E-Mail: ada@example.org").empty());
}

TEST_CASE("contact_scanners_stay_linear_on_hostile_lines") {
    std::string line;
    for (int i = 0; i < 20000; ++i)
        line += "https://a@b.co www.x.io github.com/ +49 ";
    CHECK(find_urls(line, true).size() <= 50);
    CHECK(find_emails(line).size() <= 50);
    (void)find_phone(line);
    (void)other_pieces(line);
    std::string dots(200000, '.');
    CHECK(find_urls(dots, true).empty());
    std::string ats(200000, '@');
    CHECK(find_emails(ats).empty());
}
