#include "auth/recovery_codes.hpp"

#include <set>

#include "core/crypto.hpp"
#include "core/random.hpp"

namespace vitae::auth {
namespace {

constexpr std::size_t kCodeLength = RecoveryCodes::kGroups * RecoveryCodes::kGroupLength;

// Random bytes at or above this value are dropped rather than reduced modulo the alphabet
// size, which would make the first few symbols slightly more likely.
constexpr unsigned kUnbiasedLimit = 256 - 256 % RecoveryCodes::kAlphabet.size();

std::string random_code() {
    std::string code;
    while (code.size() < kCodeLength) {
        for (char c : core::random_bytes(kCodeLength)) {
            auto b = static_cast<unsigned char>(c);
            if (b >= kUnbiasedLimit || code.size() == kCodeLength) {
                continue;
            }
            code += RecoveryCodes::kAlphabet[b % RecoveryCodes::kAlphabet.size()];
        }
    }
    return code;
}

std::string group(std::string_view code) {
    std::string out;
    for (std::size_t i = 0; i < code.size(); ++i) {
        if (i > 0 && i % RecoveryCodes::kGroupLength == 0) {
            out += '-';
        }
        out += code[i];
    }
    return out;
}

std::string normalise(std::string_view typed) {
    std::string out;
    for (char c : typed) {
        if (c == ' ' || c == '-') {
            continue;
        }
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
}

}  // namespace

RecoveryCodeSet RecoveryCodes::generate(int count) {
    RecoveryCodeSet set;
    std::set<std::string> seen;
    // A repeat is astronomically unlikely at 59 bits, but two equal codes would make one of
    // them unusable after the other is spent, so it costs nothing to rule it out.
    while (static_cast<int>(set.plain.size()) < count) {
        std::string code = random_code();
        if (!seen.insert(code).second) {
            continue;
        }
        set.hashes.push_back(core::sha256_hex(code));
        set.plain.push_back(group(code));
    }
    return set;
}

std::string RecoveryCodes::hash(std::string_view code) {
    return core::sha256_hex(normalise(code));
}

std::optional<std::size_t> RecoveryCodes::match(std::span<const std::string> hashes,
                                                std::string_view typed) {
    std::string wanted = normalise(typed);
    if (wanted.size() != kCodeLength) {
        return std::nullopt;
    }
    std::string typed_hash = core::sha256_hex(wanted);
    std::optional<std::size_t> found;
    for (std::size_t i = 0; i < hashes.size(); ++i) {
        if (core::constant_time_equal(hashes[i], typed_hash) && !found) {
            found = i;
        }
    }
    return found;
}

}  // namespace vitae::auth
