#include "auth/totp.hpp"

#include <liboath/oath.h>
#include <mbedtls/platform_util.h>

#include <cstdlib>
#include <mutex>
#include <utility>

#include "core/crypto.hpp"
#include "core/error.hpp"
#include "core/random.hpp"

namespace vitae::auth {
namespace {

constexpr std::size_t kSecretBytes = 20;

// oath_init/oath_done set up liboath's process-wide crypto state and are not thread-safe
// against each other, so we call oath_init exactly once and never oath_done: a request
// thread may still be using liboath while the process exits, and the OS reclaims the rest.
void ensure_oath_initialised() {
    static std::once_flag once;
    std::call_once(once, [] {
        int rc = oath_init();
        if (rc != OATH_OK) {
            throw Error(ErrorCode::internal,
                        std::string("liboath failed to initialise: ") + oath_strerror(rc));
        }
    });
}

// Owns a buffer liboath malloc'd for us. Decoded secrets are wiped before they are freed
// so they do not linger in freed heap memory.
class OathBuffer {
  public:
    OathBuffer() = default;
    OathBuffer(const OathBuffer&) = delete;
    OathBuffer& operator=(const OathBuffer&) = delete;
    OathBuffer(OathBuffer&& other) noexcept
        : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}
    OathBuffer& operator=(OathBuffer&&) = delete;
    ~OathBuffer() {
        if (data_ != nullptr) {
            mbedtls_platform_zeroize(data_, size_);
            std::free(data_);
        }
    }

    char** data_out() { return &data_; }
    std::size_t* size_out() { return &size_; }
    std::string_view view() const { return {data_, size_}; }

  private:
    char* data_ = nullptr;
    std::size_t size_ = 0;
};

OathBuffer decode_secret(std::string_view base32_secret) {
    OathBuffer secret;
    int rc = oath_base32_decode(base32_secret.data(), base32_secret.size(), secret.data_out(),
                                secret.size_out());
    if (rc != OATH_OK || secret.view().empty()) {
        throw Error(ErrorCode::internal, "stored TOTP secret is not valid base32");
    }
    return secret;
}

std::string code_for_step(std::string_view secret, std::int64_t step) {
    char out[Totp::kDigits + 1] = {};
    // liboath works in Unix time, so hand it the first second of the step.
    int rc = oath_totp_generate(
        secret.data(), secret.size(), static_cast<time_t>(step * Totp::kPeriodSeconds),
        Totp::kPeriodSeconds, OATH_TOTP_DEFAULT_START_TIME, Totp::kDigits, out);
    if (rc != OATH_OK) {
        throw Error(ErrorCode::internal,
                    std::string("TOTP generation failed: ") + oath_strerror(rc));
    }
    return std::string(out, Totp::kDigits);
}

// Codes are read aloud and copied from apps that group them ("123 456"); anything other
// than exactly six ASCII digits after dropping spaces is not a code.
std::optional<std::string> normalise_code(std::string_view typed) {
    std::string digits;
    for (char c : typed) {
        if (c == ' ') {
            continue;
        }
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        digits += c;
    }
    if (digits.size() != static_cast<std::size_t>(Totp::kDigits)) {
        return std::nullopt;
    }
    return digits;
}

// RFC 3986 unreserved characters stay; every other byte becomes %XX. Spaces become %20,
// not '+', because authenticator apps parse the label as a path, not a form.
std::string percent_encode(std::string_view text) {
    constexpr std::string_view kHex = "0123456789ABCDEF";
    std::string out;
    for (char c : text) {
        auto b = static_cast<unsigned char>(c);
        bool unreserved = (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') ||
                          (b >= '0' && b <= '9') || b == '-' || b == '.' || b == '_' || b == '~';
        if (unreserved) {
            out += c;
            continue;
        }
        out += '%';
        out += kHex[b >> 4];
        out += kHex[b & 15];
    }
    return out;
}

}  // namespace

Totp::Totp() {
    ensure_oath_initialised();
}

std::string Totp::new_secret() {
    ensure_oath_initialised();
    std::string raw = core::random_bytes(kSecretBytes);
    OathBuffer encoded;
    int rc = oath_base32_encode(raw.data(), raw.size(), encoded.data_out(), encoded.size_out());
    mbedtls_platform_zeroize(raw.data(), raw.size());
    if (rc != OATH_OK) {
        throw Error(ErrorCode::internal,
                    std::string("base32 encoding failed: ") + oath_strerror(rc));
    }
    std::string secret(encoded.view());
    // 20 bytes encode to exactly 32 characters, but some apps reject '=' if that ever changes.
    while (!secret.empty() && secret.back() == '=') {
        secret.pop_back();
    }
    return secret;
}

std::int64_t Totp::step_at(std::int64_t unix_time) {
    if (unix_time < 0) {
        throw Error(ErrorCode::internal, "TOTP needs a time after 1970; check the system clock");
    }
    return unix_time / kPeriodSeconds;
}

std::string Totp::code_at(std::string_view base32_secret, std::int64_t unix_time) const {
    OathBuffer secret = decode_secret(base32_secret);
    return code_for_step(secret.view(), step_at(unix_time));
}

std::optional<std::int64_t> Totp::verify(std::string_view base32_secret, std::string_view code,
                                         std::int64_t unix_time,
                                         std::optional<std::int64_t> last_used_step) const {
    std::optional<std::string> typed = normalise_code(code);
    if (!typed) {
        return std::nullopt;
    }
    OathBuffer secret = decode_secret(base32_secret);
    std::int64_t now_step = step_at(unix_time);
    std::optional<std::int64_t> matched;
    // Every step in the window is computed and compared, match or not, so the time taken
    // does not tell an attacker which step (if any) their guess hit.
    for (std::int64_t step = now_step - kWindowSteps; step <= now_step + kWindowSteps; ++step) {
        if (step < 0) {
            continue;
        }
        bool equal = core::constant_time_equal(code_for_step(secret.view(), step), *typed);
        bool fresh = !last_used_step || step > *last_used_step;
        if (equal && fresh) {
            matched = step;
        }
    }
    return matched;
}

std::string Totp::otpauth_uri(std::string_view issuer, std::string_view account,
                              std::string_view base32_secret) {
    std::string encoded_issuer = percent_encode(issuer);
    std::string uri = "otpauth://totp/";
    uri += encoded_issuer;
    uri += ':';
    uri += percent_encode(account);
    uri += "?secret=";
    uri += percent_encode(base32_secret);
    uri += "&issuer=";
    uri += encoded_issuer;
    uri += "&algorithm=SHA1&digits=" + std::to_string(kDigits);
    uri += "&period=" + std::to_string(kPeriodSeconds);
    return uri;
}

}  // namespace vitae::auth
