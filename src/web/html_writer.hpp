#pragma once
// HTML written piece by piece, for the few pages too large to render through mustache
// fast enough (the CV editor's form: hundreds of fields). Text and attribute values are
// always escaped; only markup spelled out in our own code is written raw.
//
//   HtmlWriter h;
//   h.open("input").attr("name", name).attr("value", value).flag("autofocus", focus).close();
#include <string>
#include <string_view>

#include "core/html.hpp"

namespace vitae::web {

class HtmlWriter {
  public:
    // Markup from our own code, never from data.
    HtmlWriter& raw(std::string_view markup) {
        out_ += markup;
        return *this;
    }
    HtmlWriter& text(std::string_view text) {
        core::append_html_escaped(out_, text);
        return *this;
    }
    // "<tag": attributes follow, then close().
    HtmlWriter& open(std::string_view tag) {
        out_ += '<';
        out_ += tag;
        return *this;
    }
    HtmlWriter& attr(std::string_view name, std::string_view value) {
        out_ += ' ';
        out_ += name;
        out_ += "=\"";
        core::append_html_escaped(out_, value);
        out_ += '"';
        return *this;
    }
    // A boolean attribute (hidden, autofocus), written only when on.
    HtmlWriter& flag(std::string_view name, bool on) {
        if (on) {
            out_ += ' ';
            out_ += name;
        }
        return *this;
    }
    HtmlWriter& close() {
        out_ += '>';
        return *this;
    }

    std::string take() { return std::move(out_); }

  private:
    std::string out_;
};

}  // namespace vitae::web
