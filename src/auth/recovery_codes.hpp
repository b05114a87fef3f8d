#pragma once
// One-time recovery codes: the way back in when the authenticator phone is lost. Shown to
// the user once, stored only as hashes.
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace vitae::auth {

struct RecoveryCodeSet {
    std::vector<std::string> plain;   // "abcd-efgh-jkmn": show once, never store
    std::vector<std::string> hashes;  // hash(plain[i]), lowercase hex SHA-256: store these
};

class RecoveryCodes {
  public:
    static constexpr int kDefaultCount = 10;
    static constexpr std::size_t kGroups = 3;
    static constexpr std::size_t kGroupLength = 4;
    // Lowercase letters and digits people cannot confuse when reading them off paper: no
    // 0/o, 1/l/i. 31 symbols, so 12 characters carry 12 * log2(31) ≈ 59 bits.
    static constexpr std::string_view kAlphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    // `count` distinct codes and their hashes, in the same order.
    static RecoveryCodeSet generate(int count = kDefaultCount);

    // SHA-256 (lowercase hex) of the code after lowercasing it and dropping spaces and
    // dashes, so "ABCD EFGH-JKMN" and "abcd-efgh-jkmn" hash alike. A plain hash is enough
    // because each code carries ~59 random bits: there is no dictionary to try.
    static std::string hash(std::string_view code);

    // Index into `hashes` of the one `typed` matches, or nothing. The caller passes the
    // unused codes only (or blanks out used ones: an empty entry never matches) and removes
    // the matched one, which is what makes each code single-use. Every entry is compared in
    // constant time so timing does not reveal how close a guess came.
    static std::optional<std::size_t> match(std::span<const std::string> hashes,
                                            std::string_view typed);
};

}  // namespace vitae::auth
