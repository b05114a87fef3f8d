#pragma once
// MuPDF for the rest of Vitae: an owned fz_context, owned fz objects, and one way to call
// MuPDF so that its errors become vitae::Error.
//
// A fz_context is not thread-safe, and sharing one between threads needs a locks table and
// fz_clone_context. We make a fresh context for every export instead: it costs about 10 µs
// (bench/cases/export_pdf.sh shows it; an export takes milliseconds), keeps nothing alive
// between requests and needs no lock. A shared context would not even save the font work:
// each story loads its own copies of the fonts. MuPDF's fonts are compiled into the
// library, so a new context finds them without any I/O.
#include <mupdf/fitz.h>

#include <string>
#include <type_traits>

#include "core/error.hpp"

namespace vitae::cv {

class MupdfContext {
  public:
    // Throws vitae::Error(internal) when MuPDF cannot allocate its context.
    MupdfContext();
    ~MupdfContext();
    MupdfContext(const MupdfContext&) = delete;
    MupdfContext& operator=(const MupdfContext&) = delete;

    fz_context* get() const { return ctx_; }

    // Runs `steps`, a few plain MuPDF calls, and turns a MuPDF error into
    // vitae::Error(internal) "<what>: <MuPDF's message>". MuPDF reports errors with longjmp,
    // which skips C++ destructors: `steps` must not create objects that have one (assign
    // results to FzPtr declared outside instead).
    // `steps` must not throw C++ exceptions either: they would leave MuPDF's error stack
    // behind. Returns what `steps` returns.
    template <class Steps>
    auto call(const char* what, Steps&& steps) const {
        using Result = decltype(steps());
        if constexpr (std::is_void_v<Result>) {
            guarded(what, steps);
        } else {
            // Kept out of the frame that calls setjmp, where longjmp could clobber it.
            Result result{};
            guarded(what, [&] { result = steps(); });
            return result;
        }
    }

  private:
    template <class Steps>
    void guarded(const char* what, const Steps& steps) const {
        fz_try(ctx_) {
            steps();
        }
        fz_catch(ctx_) {
            fail(what);
        }
    }
    [[noreturn]] void fail(const char* what) const;

    fz_context* ctx_;
};

// One reference to a MuPDF object, dropped with `Drop` when the owner goes.
template <class T, void (*Drop)(fz_context*, T*)>
class FzPtr {
  public:
    explicit FzPtr(const MupdfContext& mupdf) : ctx_(mupdf.get()) {}
    ~FzPtr() { reset(); }
    FzPtr(const FzPtr&) = delete;
    FzPtr& operator=(const FzPtr&) = delete;

    T* get() const { return ptr_; }
    // For MuPDF calls that hand out a reference through an out-parameter.
    T** out() {
        reset();
        return &ptr_;
    }
    void reset(T* ptr = nullptr) {
        if (ptr_)
            Drop(ctx_, ptr_);
        ptr_ = ptr;
    }

  private:
    fz_context* ctx_;
    T* ptr_ = nullptr;
};

}  // namespace vitae::cv
