#include "cv/mupdf_context.hpp"

#include "core/log.hpp"

namespace vitae::cv {

namespace {

// The store caches decoded resources (images, glyphs) for reuse across pages and
// documents. A context lives for one export, so a small store bounds memory at no cost.
constexpr size_t kStoreBytes = 16u << 20;

// MuPDF reports errors it recovers from (a font it cannot load, a CSS rule it does not
// understand) and warnings through these callbacks; by default it prints them on stderr.
// Errors it does not recover from reach us through MupdfContext::call as well.
void log_message(void*, const char* message) noexcept {
    try {
        log::debug("mupdf", {{"message", message}});
    } catch (...) {  // called from C: nothing may propagate, and losing a debug line is fine
    }
}

}  // namespace

MupdfContext::MupdfContext() : ctx_(fz_new_context(nullptr, nullptr, kStoreBytes)) {
    if (!ctx_)
        throw Error(ErrorCode::internal, "MuPDF could not create its context (out of memory)");
    fz_set_error_callback(ctx_, log_message, nullptr);
    fz_set_warning_callback(ctx_, log_message, nullptr);
}

MupdfContext::~MupdfContext() {
    fz_drop_context(ctx_);
}

void MupdfContext::fail(const char* what) const {
    throw Error(ErrorCode::internal, std::string(what) + ": " + fz_caught_message(ctx_));
}

}  // namespace vitae::cv
