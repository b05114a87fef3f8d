#include "auth/account_service.hpp"

#include <doctest/doctest.h>

#include <string>

#include "core/error.hpp"

using vitae::auth::normalize_email;
using vitae::auth::normalize_name;
using vitae::auth::normalize_role;

namespace {

// The message of the bad_request error f throws, or "" when it accepts.
template <class F>
std::string refusal(F&& f) {
    try {
        f();
    } catch (const vitae::Error& e) {
        CHECK(e.code() == vitae::ErrorCode::bad_request);
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("normalize_name_keeps_quotes_and_backslashes_but_refuses_breaks_and_bad_utf8") {
    CHECK(normalize_name("  Dwayne \"The Rock\" Johnson ") == "Dwayne \"The Rock\" Johnson");
    CHECK(normalize_name(R"(C:\ back\slash)") == R"(C:\ back\slash)");
    CHECK(normalize_name("x'); DROP TABLE users;--") == "x'); DROP TABLE users;--");
    CHECK(normalize_name("Zoë") == "Zoë");
    CHECK(refusal([] { normalize_name("Eve\r\nSet-Cookie: x=1"); }).find("line breaks") !=
          std::string::npos);
    CHECK(refusal([] { normalize_name("\xff\xfe"); }).find("UTF-8") != std::string::npos);
    CHECK(refusal([] { normalize_name(std::string(101, 'a')); }).find("100") != std::string::npos);
}

TEST_CASE("normalize_email_lowercases_and_refuses_what_is_no_address") {
    CHECK(normalize_email(" Ada@Example.ORG ") == "ada@example.org");
    for (std::string bad :
         {std::string(250, 'a') + "@example.org", std::string("\xff@example.org"),
          std::string("a@b.org\r\nX-Injected: 1"), std::string("no-at.example.org"),
          std::string("x'); DROP TABLE users;--@example.org")}) {
        CAPTURE(bad);
        CHECK(refusal([&] { normalize_email(bad); }) == "Enter a valid email address.");
    }
}

TEST_CASE("normalize_role_accepts_only_admin_and_member") {
    CHECK(normalize_role("admin") == "admin");
    CHECK(normalize_role("member") == "member");
    for (const char* bad : {"Admin", "root", "", "member "}) {
        CAPTURE(bad);
        CHECK(refusal([&] { normalize_role(bad); }) == "The role must be admin or member.");
    }
}
