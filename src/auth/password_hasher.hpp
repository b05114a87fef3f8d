#pragma once
// Password storage: Argon2id (libargon2) in the standard PHC string format, so the
// parameters travel with each hash and old hashes keep verifying after they change.
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <semaphore>
#include <string>
#include <string_view>

namespace vitae::auth {

// OWASP's recommended Argon2id minimum (m=19 MiB, t=2, p=1).
struct Argon2Params {
    std::uint32_t memory_kib = 19456;
    std::uint32_t iterations = 4;
    std::uint32_t parallelism = 1;

    bool operator==(const Argon2Params&) const = default;
};

// Hashes and verifies passwords; every member function may be called from many threads
// at once. Example:
//
//   PasswordHasher hasher;
//   std::string stored = hasher.hash("correct horse battery");   // "$argon2id$v=19$m=..."
//   if (!user) { hasher.burn_time(password); return unauthorized; }
//   if (!hasher.verify(user->password_hash, password)) return unauthorized;
//   if (hasher.needs_rehash(user->password_hash)) store(hasher.hash(password));
class PasswordHasher {
  public:
    // Each running hash holds memory_kib of RAM: at the default 19 MiB, 64 simultaneous
    // sign-ins would take 1.2 GB, enough to push a 2 GB appliance into the OOM killer.
    // Four at a time keeps the peak near 80 MB while both cores stay busy; callers beyond
    // that wait their turn instead of allocating.
    static constexpr std::size_t kDefaultMaxConcurrent = 4;

    // Throws vitae::Error(ErrorCode::config) when the parameters are outside what argon2
    // accepts or what verify() is willing to run (see kMax* in the .cpp).
    explicit PasswordHasher(Argon2Params params = {},
                            std::size_t max_concurrent = kDefaultMaxConcurrent);
    PasswordHasher(const PasswordHasher&) = delete;
    PasswordHasher& operator=(const PasswordHasher&) = delete;

    // A fresh PHC string, "$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>", with a random
    // 16-byte salt and a 32-byte hash. Waits while max_concurrent hashes are running.
    // Throws vitae::Error(ErrorCode::unavailable) when the memory cannot be allocated.
    std::string hash(std::string_view password) const;

    // True when password matches encoded (compared in constant time by libargon2).
    // Anything that is not a well-formed argon2id PHC string within sane cost bounds
    // returns false without running argon2. Throws only like hash(), when out of memory:
    // that is not a wrong password and must not look like one.
    bool verify(std::string_view encoded, std::string_view password) const;

    // True when encoded was made with other parameters, salt or hash length than hash()
    // uses now (or cannot be parsed): re-hash the password after a successful sign-in.
    bool needs_rehash(std::string_view encoded) const;

    // Costs as much as verify() with the current parameters and always fails. Sign-in
    // calls it for an unknown email so the response time does not reveal which emails
    // have accounts.
    void burn_time(std::string_view password) const;

    // m, t and p of an argon2id PHC string; nullopt when it is malformed (callers log
    // that: a stored hash that does not parse means the database was damaged).
    static std::optional<Argon2Params> parse_params(std::string_view encoded);

    const Argon2Params& params() const { return params_; }
    std::size_t max_concurrent() const { return max_concurrent_; }
    // The most argon2 runs that were in progress at the same moment since construction.
    std::size_t peak_concurrent() const { return peak_concurrent_.load(); }

  private:
    class Slot;  // holds one unit of the semaphore for the duration of an argon2 run

    const std::string& dummy_hash() const;

    const Argon2Params params_;
    const std::size_t max_concurrent_;
    mutable std::counting_semaphore<> slots_;
    mutable std::atomic<std::size_t> running_{0};
    mutable std::atomic<std::size_t> peak_concurrent_{0};
    // Computed on first use, not in the constructor: a hash costs tens of milliseconds
    // and start-up has to stay well under 100 ms.
    mutable std::once_flag dummy_once_;
    mutable std::string dummy_hash_;
};

}  // namespace vitae::auth
