#include "auth/password_hasher.hpp"

#include <argon2.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <span>

#include "core/error.hpp"
#include "core/random.hpp"

namespace vitae::auth {

namespace {

constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;

// verify() refuses to run argon2 on a stored string beyond these: a damaged or planted
// "m=4294967295" would otherwise try to allocate 4 TiB, and "t=4294967295" would pin a
// core for days. They sit far above any setting an appliance would choose.
constexpr std::uint32_t kMaxMemoryKib = 1024 * 1024;  // 1 GiB
constexpr std::uint32_t kMaxIterations = 32;
constexpr std::uint32_t kMaxParallelism = 16;
constexpr std::size_t kMinSaltBytes = 8;  // argon2's own minimum
constexpr std::size_t kMaxSaltBytes = 64;
constexpr std::size_t kMinHashBytes = 16;
constexpr std::size_t kMaxHashBytes = 64;
constexpr std::size_t kMaxConcurrentLimit = 256;

constexpr std::string_view kBase64Alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

struct PhcString {
    Argon2Params params;
    std::size_t salt_bytes = 0;
    std::size_t hash_bytes = 0;
};

bool consume(std::string_view& text, std::string_view prefix) {
    if (!text.starts_with(prefix)) {
        return false;
    }
    text.remove_prefix(prefix.size());
    return true;
}

// A decimal without sign or leading zeros, as the PHC format writes it.
std::optional<std::uint32_t> consume_u32(std::string_view& text) {
    std::size_t digits = 0;
    std::uint64_t value = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') {
        value = value * 10 + static_cast<std::uint64_t>(text[digits] - '0');
        if (value > UINT32_MAX) {
            return std::nullopt;
        }
        ++digits;
    }
    if (digits == 0 || (digits > 1 && text[0] == '0')) {
        return std::nullopt;
    }
    text.remove_prefix(digits);
    return static_cast<std::uint32_t>(value);
}

// Byte length of an unpadded base64 field, nullopt when it is not one.
std::optional<std::size_t> base64_bytes(std::string_view field) {
    if (field.empty() || field.size() % 4 == 1 ||
        field.find_first_not_of(kBase64Alphabet) != std::string_view::npos) {
        return std::nullopt;
    }
    const std::size_t tail = field.size() % 4;
    return field.size() / 4 * 3 + (tail == 0 ? 0 : tail - 1);
}

// "$argon2id$v=19$m=<m>,t=<t>,p=<p>$<salt>$<hash>", the only shape hash() writes.
std::optional<PhcString> parse_phc(std::string_view text) {
    PhcString phc;
    if (!consume(text, "$argon2id$v=19$m=")) {
        return std::nullopt;
    }
    const auto m = consume_u32(text);
    const auto t = m && consume(text, ",t=") ? consume_u32(text) : std::nullopt;
    const auto p = t && consume(text, ",p=") ? consume_u32(text) : std::nullopt;
    if (!p || !consume(text, "$")) {
        return std::nullopt;
    }
    phc.params = Argon2Params{.memory_kib = *m, .iterations = *t, .parallelism = *p};
    const std::size_t dollar = text.find('$');
    if (dollar == std::string_view::npos) {
        return std::nullopt;
    }
    const auto salt = base64_bytes(text.substr(0, dollar));
    const auto hash = base64_bytes(text.substr(dollar + 1));
    if (!salt || !hash) {
        return std::nullopt;
    }
    phc.salt_bytes = *salt;
    phc.hash_bytes = *hash;
    return phc;
}

bool params_within_bounds(const Argon2Params& p) {
    return p.parallelism >= 1 && p.parallelism <= kMaxParallelism && p.iterations >= 1 &&
           p.iterations <= kMaxIterations && p.memory_kib >= 8 * p.parallelism &&
           p.memory_kib <= kMaxMemoryKib;
}

bool phc_within_bounds(const PhcString& phc) {
    return params_within_bounds(phc.params) && phc.salt_bytes >= kMinSaltBytes &&
           phc.salt_bytes <= kMaxSaltBytes && phc.hash_bytes >= kMinHashBytes &&
           phc.hash_bytes <= kMaxHashBytes;
}

Argon2Params checked_params(const Argon2Params& params) {
    if (!params_within_bounds(params)) {
        throw Error(ErrorCode::config,
                    "Argon2 parameters m=" + std::to_string(params.memory_kib) +
                        ", t=" + std::to_string(params.iterations) +
                        ", p=" + std::to_string(params.parallelism) +
                        " are out of range: use parallelism 1-16, iterations 1-32 and memory "
                        "between 8 KiB per lane and 1048576 KiB.");
    }
    return params;
}

std::size_t checked_max_concurrent(std::size_t max_concurrent) {
    if (max_concurrent < 1 || max_concurrent > kMaxConcurrentLimit) {
        throw Error(ErrorCode::config,
                    "The number of concurrent password hashes must be 1-256, not " +
                        std::to_string(max_concurrent) + ".");
    }
    return max_concurrent;
}

[[noreturn]] void throw_argon2_failure(int rc) {
    if (rc == ARGON2_MEMORY_ALLOCATION_ERROR || rc == ARGON2_THREAD_FAIL) {
        throw Error(ErrorCode::unavailable,
                    "The server is short of memory for password hashing; try again in a moment.");
    }
    throw Error(ErrorCode::internal, std::string("Argon2id failed: ") + argon2_error_message(rc));
}

}  // namespace

class PasswordHasher::Slot {
  public:
    explicit Slot(const PasswordHasher& owner) : owner_(owner) {
        owner_.slots_.acquire();
        const std::size_t now = owner_.running_.fetch_add(1) + 1;
        std::size_t peak = owner_.peak_concurrent_.load();
        while (now > peak && !owner_.peak_concurrent_.compare_exchange_weak(peak, now)) {
        }
    }
    ~Slot() {
        owner_.running_.fetch_sub(1);
        owner_.slots_.release();
    }
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;

  private:
    const PasswordHasher& owner_;
};

PasswordHasher::PasswordHasher(Argon2Params params, std::size_t max_concurrent)
    : params_(checked_params(params)),
      max_concurrent_(checked_max_concurrent(max_concurrent)),
      slots_(static_cast<std::ptrdiff_t>(max_concurrent_)) {}

std::string PasswordHasher::hash(std::string_view password) const {
    if (password.size() > ARGON2_MAX_PWD_LENGTH) {
        throw Error(ErrorCode::bad_request, "The password is too long.");
    }
    const std::string salt_bytes = core::random_bytes(kSaltBytes);
    std::array<unsigned char, kSaltBytes> salt{};
    std::memcpy(salt.data(), salt_bytes.data(), kSaltBytes);
    std::string encoded(argon2_encodedlen(params_.iterations, params_.memory_kib,
                                          params_.parallelism, kSaltBytes, kHashBytes, Argon2_id),
                        '\0');
    int rc = ARGON2_OK;
    {
        Slot slot(*this);
        rc = argon2id_hash_encoded(params_.iterations, params_.memory_kib, params_.parallelism,
                                   password.data(), password.size(), salt.data(), salt.size(),
                                   kHashBytes, encoded.data(), encoded.size());
    }
    if (rc != ARGON2_OK) {
        throw_argon2_failure(rc);
    }
    encoded.resize(std::strlen(encoded.c_str()));  // the buffer size counts a terminator
    return encoded;
}

bool PasswordHasher::verify(std::string_view encoded, std::string_view password) const {
    const auto phc = parse_phc(encoded);
    if (!phc || !phc_within_bounds(*phc)) {
        return false;
    }
    const std::string terminated(encoded);  // libargon2 reads a C string
    int rc = ARGON2_OK;
    {
        Slot slot(*this);
        rc = argon2id_verify(terminated.c_str(), password.data(), password.size());
    }
    if (rc == ARGON2_OK) {
        return true;
    }
    // Running out of memory is not a wrong password: say so instead of refusing the user.
    if (rc == ARGON2_MEMORY_ALLOCATION_ERROR || rc == ARGON2_THREAD_FAIL) {
        throw_argon2_failure(rc);
    }
    return false;
}

bool PasswordHasher::needs_rehash(std::string_view encoded) const {
    const auto phc = parse_phc(encoded);
    return !phc || phc->params != params_ || phc->salt_bytes != kSaltBytes ||
           phc->hash_bytes != kHashBytes;
}

// A hash with the current parameters keeps the cost equal to a real sign-in; a user
// whose stored hash predates a parameter change costs what their old parameters cost
// until needs_rehash() upgrades them.
void PasswordHasher::burn_time(std::string_view password) const {
    static_cast<void>(verify(dummy_hash(), password));
}

std::optional<Argon2Params> PasswordHasher::parse_params(std::string_view encoded) {
    const auto phc = parse_phc(encoded);
    if (!phc) {
        return std::nullopt;
    }
    return phc->params;
}

const std::string& PasswordHasher::dummy_hash() const {
    std::call_once(dummy_once_, [this] {
        // A random password nobody knows, so burn_time() can never succeed by accident.
        dummy_hash_ = hash(core::random_bytes(32));
    });
    return dummy_hash_;
}

}  // namespace vitae::auth
