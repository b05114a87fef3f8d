#pragma once
// Hashing helpers over mbedTLS (the crypto library of the whole binary).
#include <string>
#include <string_view>

namespace vitae::core {

// Lowercase hex of arbitrary bytes, two characters per byte.
std::string hex(std::string_view bytes);

// Lower-case hex SHA-256 of data.
std::string sha256_hex(std::string_view data);

// Compares in time that depends only on the lengths, for secrets and their hashes.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace vitae::core
