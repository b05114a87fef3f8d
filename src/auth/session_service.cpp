#include "auth/session_service.hpp"

#include "core/crypto.hpp"
#include "core/random.hpp"
#include "store/database.hpp"
#include "store/session_repository.hpp"
#include "store/user_repository.hpp"

namespace vitae::auth {

namespace {

// last_seen_at only has to be accurate to well within the idle timeout (days); writing it
// on every page view would queue each request behind the one database writer.
constexpr std::int64_t kTouchEverySeconds = 60;
constexpr std::size_t kMaxUserAgent = 256;

constexpr std::size_t kSecretBytes = core::kSecretTokenBytes;

std::string hash_of(std::string_view cookie) {
    return core::sha256_hex(cookie);
}

// A cookie value of another length is not one we issued and is not worth a lookup.
bool plausible(std::string_view cookie) {
    return cookie.size() == core::random_token_length(kSecretBytes);
}

}  // namespace

SessionService::SessionService(store::Database& db, SessionPolicy policy, core::UnixClock clock)
    : db_(db), policy_(policy), clock_(std::move(clock)) {}

bool SessionService::expired(std::int64_t created_at, std::int64_t last_seen_at,
                             std::int64_t now) const {
    return now - last_seen_at >= policy_.idle_s || now - created_at >= policy_.absolute_s;
}

IssuedSession SessionService::start(std::int64_t user_id, const ClientInfo& client,
                                    bool second_factor_pending) {
    IssuedSession issued{core::random_token(kSecretBytes), core::random_token(kSecretBytes)};
    auto now = clock_();
    store::SessionRow row{hash_of(issued.cookie),
                          user_id,
                          issued.csrf_token,
                          now,
                          now,
                          client.ip,
                          client.user_agent.substr(0, kMaxUserAgent),
                          second_factor_pending};
    db_.write([&](store::Connection& conn) { store::SessionRepository::insert(conn, row); });
    return issued;
}

std::optional<Principal> SessionService::authenticate(std::string_view cookie) {
    if (!plausible(cookie))
        return std::nullopt;
    std::string hash = hash_of(cookie);
    auto now = clock_();
    struct Found {
        store::SessionRow session;
        store::UserRow user;
    };
    auto found = db_.read([&](store::Connection& conn) -> std::optional<Found> {
        auto session = store::SessionRepository::find(conn, hash);
        if (!session)
            return std::nullopt;
        auto user = store::UserRepository::find_by_id(conn, session->user_id);
        if (!user)
            return std::nullopt;
        return Found{std::move(*session), std::move(*user)};
    });
    if (!found || found->session.second_factor_pending || found->user.disabled)
        return std::nullopt;
    const auto& s = found->session;
    if (expired(s.created_at, s.last_seen_at, now)) {
        end(cookie);
        return std::nullopt;
    }
    if (now - s.last_seen_at >= kTouchEverySeconds) {
        db_.write(
            [&](store::Connection& conn) { store::SessionRepository::touch(conn, hash, now); });
    }
    const auto& u = found->user;
    return Principal{u.id, u.email, u.name, u.role, hash, s.csrf_token};
}

std::optional<std::int64_t> SessionService::pending_user(std::string_view cookie) {
    if (!plausible(cookie))
        return std::nullopt;
    auto session = db_.read([&](store::Connection& conn) {
        return store::SessionRepository::find(conn, hash_of(cookie));
    });
    if (!session || !session->second_factor_pending)
        return std::nullopt;
    if (clock_() - session->created_at >= policy_.pending_s)
        return std::nullopt;
    return session->user_id;
}

std::optional<IssuedSession> SessionService::rotate(std::string_view cookie, bool complete) {
    if (!plausible(cookie))
        return std::nullopt;
    IssuedSession issued{core::random_token(kSecretBytes), core::random_token(kSecretBytes)};
    std::string old_hash = hash_of(cookie);
    auto now = clock_();
    bool moved = db_.write([&](store::Connection& conn) {
        auto session = store::SessionRepository::find(conn, old_hash);
        if (!session)
            return false;
        store::SessionRow next = *session;
        next.id_hash = hash_of(issued.cookie);
        next.csrf_token = issued.csrf_token;
        next.last_seen_at = now;
        next.second_factor_pending = session->second_factor_pending && !complete;
        return store::SessionRepository::rekey(conn, old_hash, next);
    });
    if (!moved)
        return std::nullopt;
    return issued;
}

void SessionService::end(std::string_view cookie) {
    if (!plausible(cookie))
        return;
    db_.write(
        [&](store::Connection& conn) { store::SessionRepository::remove(conn, hash_of(cookie)); });
}

std::int64_t SessionService::end_all(std::int64_t user_id, std::string_view keep_cookie) {
    std::string keep = keep_cookie.empty() ? std::string() : hash_of(keep_cookie);
    return db_.write([&](store::Connection& conn) {
        return store::SessionRepository::remove_for_user(conn, user_id, keep);
    });
}

std::int64_t SessionService::prune() {
    auto now = clock_();
    return db_.write([&](store::Connection& conn) {
        return store::SessionRepository::remove_expired(conn, now - policy_.idle_s,
                                                        now - policy_.absolute_s);
    });
}

}  // namespace vitae::auth
