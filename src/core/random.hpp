#pragma once
// Secrets for the accounts room and anything else that must be unguessable: bytes from the
// kernel's CSPRNG and the encodings we hand them out in.
#include <cstddef>
#include <string>
#include <string_view>

namespace vitae::core {

// n bytes from getrandom(2). Throws vitae::Error(internal) if the kernel refuses, because
// carrying on with weak randomness would be worse than failing the request.
std::string random_bytes(std::size_t n);

// `bytes` random bytes as URL-safe base64 without padding (RFC 4648 §5), ready for a
// cookie, a URL or a file name: ceil(bytes * 4 / 3) characters of [A-Za-z0-9_-].
std::string random_token(std::size_t bytes);

// How long random_token(bytes) is, so a caller can refuse anything else without a lookup.
constexpr std::size_t random_token_length(std::size_t bytes) {
    return (bytes * 4 + 2) / 3;
}

// The secrets of sessions, CSRF cookies and one-time links: 256 bits.
inline constexpr std::size_t kSecretTokenBytes = 32;

}  // namespace vitae::core
