#include "core/random.hpp"

#include <sys/random.h>

#include <cerrno>
#include <cstring>

#include "core/error.hpp"

namespace vitae::core {
namespace {

constexpr std::string_view kBase64Url =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

}  // namespace

std::string random_bytes(std::size_t n) {
    std::string out(n, '\0');
    std::size_t filled = 0;
    // getrandom may return fewer bytes than asked (above 256 bytes, or when a signal
    // arrives), so keep asking until the buffer is full.
    while (filled < n) {
        ssize_t got = getrandom(out.data() + filled, n - filled, 0);
        if (got < 0) {
            if (errno == EINTR) {
                continue;
            }
            throw Error(ErrorCode::internal,
                        std::string("getrandom failed: ") + std::strerror(errno));
        }
        filled += static_cast<std::size_t>(got);
    }
    return out;
}

std::string random_token(std::size_t bytes) {
    std::string raw = random_bytes(bytes);
    std::string out;
    out.reserve((bytes * 4 + 2) / 3);
    std::size_t i = 0;
    for (; i + 3 <= raw.size(); i += 3) {
        unsigned v = static_cast<unsigned char>(raw[i]) << 16 |
                     static_cast<unsigned char>(raw[i + 1]) << 8 |
                     static_cast<unsigned char>(raw[i + 2]);
        out += kBase64Url[(v >> 18) & 63];
        out += kBase64Url[(v >> 12) & 63];
        out += kBase64Url[(v >> 6) & 63];
        out += kBase64Url[v & 63];
    }
    std::size_t rest = raw.size() - i;
    if (rest == 0) {
        return out;
    }
    unsigned v = static_cast<unsigned char>(raw[i]) << 16;
    if (rest == 2) {
        v |= static_cast<unsigned char>(raw[i + 1]) << 8;
    }
    out += kBase64Url[(v >> 18) & 63];
    out += kBase64Url[(v >> 12) & 63];
    if (rest == 2) {
        out += kBase64Url[(v >> 6) & 63];
    }
    return out;
}

}  // namespace vitae::core
