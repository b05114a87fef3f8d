#pragma once
// Time-based one-time passwords (RFC 6238) for second-factor sign-in: the settings an
// authenticator app assumes by default (SHA-1, 6 digits, 30 s), so every app works.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vitae::auth {

class Totp {
  public:
    static constexpr int kDigits = 6;
    static constexpr std::int64_t kPeriodSeconds = 30;
    // Steps accepted either side of now: tolerates a phone clock 30 s off and a code typed
    // just as it rolled over, without widening the guessing window further.
    static constexpr std::int64_t kWindowSteps = 1;

    // Initialises liboath for the process on first use (see totp.cpp).
    Totp();

    // A fresh 160-bit secret (the HMAC-SHA-1 block size RFC 4226 recommends), base32
    // without padding, as authenticator apps expect it.
    static std::string new_secret();

    // The time step a Unix time falls in: floor(unix_time / 30). Throws
    // vitae::Error(internal) for times before 1970.
    static std::int64_t step_at(std::int64_t unix_time);

    // The 6-digit code for the step holding unix_time. Throws vitae::Error(internal) if the
    // secret is not valid base32: secrets come from our own store, so that is corruption.
    std::string code_at(std::string_view base32_secret, std::int64_t unix_time) const;

    // The step whose code `code` is, among the step of unix_time and the one either side;
    // nothing if none matches, the code is malformed, or the matching step is not after
    // last_used_step. The caller stores the returned step as the new last_used_step, which
    // is what stops a code from being used twice. Spaces in `code` are ignored ("123 456").
    std::optional<std::int64_t> verify(std::string_view base32_secret, std::string_view code,
                                       std::int64_t unix_time,
                                       std::optional<std::int64_t> last_used_step) const;

    // otpauth://totp/Issuer:account?secret=...&issuer=Issuer&algorithm=SHA1&digits=6&period=30
    // with issuer and account percent-encoded, for the enrolment QR code.
    static std::string otpauth_uri(std::string_view issuer, std::string_view account,
                                   std::string_view base32_secret);
};

}  // namespace vitae::auth
