#include "auth/qr_svg.hpp"

#include <doctest/doctest.h>
#include <qrencode.h>

#include <cctype>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "auth/totp.hpp"
#include "core/error.hpp"

namespace vitae::auth {
namespace {

// A deliberately strict reader for the XML subset qr_svg emits: elements, double-quoted
// attributes, the five predefined entities, no text, comments or declarations. Anything
// else fails the test, so it doubles as a well-formedness check.
struct XmlElement {
    std::string name;
    std::map<std::string, std::string> attributes;
    std::vector<XmlElement> children;
};

class XmlReader {
  public:
    explicit XmlReader(std::string_view text) : text_(text) {}

    XmlElement document() {
        XmlElement root = element();
        skip_space();
        REQUIRE_MESSAGE(pos_ == text_.size(), "content after the root element");
        return root;
    }

  private:
    XmlElement element() {
        skip_space();
        expect('<');
        XmlElement el;
        el.name = name();
        while (true) {
            skip_space();
            if (peek() == '/') {
                expect('/');
                expect('>');
                return el;
            }
            if (peek() == '>') {
                expect('>');
                break;
            }
            std::string key = name();
            expect('=');
            expect('"');
            std::string value = attribute_value();
            REQUIRE_MESSAGE(el.attributes.emplace(key, value).second, "duplicate " << key);
        }
        while (true) {
            skip_space();
            REQUIRE(pos_ + 1 < text_.size());
            if (text_[pos_] == '<' && text_[pos_ + 1] == '/') {
                pos_ += 2;
                REQUIRE_MESSAGE(name() == el.name, "mismatched close tag for " << el.name);
                expect('>');
                return el;
            }
            el.children.push_back(element());
        }
    }

    std::string name() {
        std::size_t start = pos_;
        while (pos_ < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[pos_])) ||
                                       text_[pos_] == '-' || text_[pos_] == ':')) {
            ++pos_;
        }
        REQUIRE_MESSAGE(pos_ > start, "expected a name at " << pos_);
        return std::string(text_.substr(start, pos_ - start));
    }

    std::string attribute_value() {
        static const std::map<std::string, char> kEntities = {
            {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"#39", '\''}};
        std::string value;
        while (true) {
            REQUIRE(pos_ < text_.size());
            char c = text_[pos_++];
            if (c == '"') {
                return value;
            }
            REQUIRE_MESSAGE(c != '<', "raw '<' in an attribute");
            if (c != '&') {
                value += c;
                continue;
            }
            std::size_t semi = text_.find(';', pos_);
            REQUIRE(semi != std::string_view::npos);
            auto entity = kEntities.find(std::string(text_.substr(pos_, semi - pos_)));
            REQUIRE_MESSAGE(entity != kEntities.end(), "unknown entity at " << pos_);
            value += entity->second;
            pos_ = semi + 1;
        }
    }

    char peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
    void expect(char c) {
        REQUIRE_MESSAGE(peek() == c, "expected '" << c << "' at " << pos_);
        ++pos_;
    }
    void skip_space() {
        while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) {
            ++pos_;
        }
    }

    std::string_view text_;
    std::size_t pos_ = 0;
};

struct QrCodeFree {
    void operator()(QRcode* code) const { QRcode_free(code); }
};

// The symbol straight from libqrencode, with the parameters qr_svg documents (level M).
std::unique_ptr<QRcode, QrCodeFree> reference_symbol(const std::string& text) {
    std::unique_ptr<QRcode, QrCodeFree> code(
        QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
    REQUIRE(code != nullptr);
    return code;
}

using Modules = std::vector<std::vector<bool>>;

// Turns the emitted `d` back into dark modules. Accepts only the run form qr_svg writes,
// "M{x} {y}h{n}v1h-{n}z", so a change of drawing style shows up here first.
Modules modules_from_path(std::string_view d, int size, int* runs) {
    Modules dark(size, std::vector<bool>(size, false));
    *runs = 0;
    std::size_t pos = 0;
    auto number = [&] {
        std::size_t start = pos;
        while (pos < d.size() && std::isdigit(static_cast<unsigned char>(d[pos]))) {
            ++pos;
        }
        REQUIRE(pos > start);
        return std::stoi(std::string(d.substr(start, pos - start)));
    };
    auto expect = [&](std::string_view token) {
        REQUIRE(d.substr(pos, token.size()) == token);
        pos += token.size();
    };
    while (pos < d.size()) {
        expect("M");
        int x = number();
        expect(" ");
        int y = number();
        expect("h");
        int len = number();
        expect("v1h-");
        REQUIRE(number() == len);
        expect("z");
        REQUIRE(len > 0);
        REQUIRE(y < size);
        REQUIRE(x + len <= size);
        for (int i = x; i < x + len; ++i) {
            REQUIRE_MESSAGE(!dark[y][i], "overlapping runs in row " << y);
            dark[y][i] = true;
        }
        ++*runs;
    }
    return dark;
}

int count_runs(const Modules& dark) {
    int runs = 0;
    for (const auto& row : dark) {
        for (std::size_t x = 0; x < row.size(); ++x) {
            runs += row[x] && (x == 0 || !row[x - 1]) ? 1 : 0;
        }
    }
    return runs;
}

const std::string kUri =
    Totp::otpauth_uri("Vitae CV", "ada@example.org", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");

TEST_CASE("qr_svg_is_well_formed_svg_with_the_accessibility_attributes") {
    std::string svg = qr_svg(kUri);
    XmlElement root = XmlReader(svg).document();
    CHECK(root.name == "svg");
    CHECK(root.attributes["xmlns"] == "http://www.w3.org/2000/svg");
    CHECK(root.attributes["role"] == "img");
    CHECK(root.attributes["aria-label"] == "QR code");
    CHECK(root.attributes["shape-rendering"] == "crispEdges");
    REQUIRE(root.children.size() == 2);
    CHECK(root.children[0].name == "rect");
    CHECK(root.children[0].attributes["fill"] == "#ffffff");
    CHECK(root.children[1].name == "path");
    CHECK(root.children[1].attributes["fill"] == "#000000");
}

TEST_CASE("qr_svg_has_no_inline_style_for_the_csp") {
    std::string svg = qr_svg(kUri);
    CHECK(svg.find("style=") == std::string::npos);
    CHECK(svg.find("<style") == std::string::npos);
    XmlElement root = XmlReader(svg).document();
    CHECK(root.attributes.count("style") == 0);
    for (const XmlElement& child : root.children) {
        CHECK(child.attributes.count("style") == 0);
    }
}

TEST_CASE("qr_svg_dimensions_follow_the_qr_version_plus_quiet_zone") {
    for (const std::string& text : {std::string("1"), kUri, std::string(500, 'a')}) {
        auto reference = reference_symbol(text);
        CAPTURE(reference->version);
        REQUIRE(reference->width == 17 + 4 * reference->version);
        int modules = reference->width + 2 * kQrQuietZone;
        XmlElement root = XmlReader(qr_svg(text)).document();
        CHECK(root.attributes["viewBox"] ==
              "0 0 " + std::to_string(modules) + " " + std::to_string(modules));
        CHECK(root.attributes["width"] == std::to_string(modules * kQrModulePixels));
        CHECK(root.attributes["height"] == root.attributes["width"]);
        CHECK(root.children[0].attributes["width"] == std::to_string(modules));
        CHECK(root.children[0].attributes["height"] == std::to_string(modules));
    }
}

TEST_CASE("qr_svg_path_reproduces_the_libqrencode_module_matrix") {
    for (const std::string& text : {std::string("1"), kUri, std::string(300, 'Z')}) {
        auto reference = reference_symbol(text);
        const int size = reference->width + 2 * kQrQuietZone;
        XmlElement root = XmlReader(qr_svg(text)).document();
        int runs = 0;
        Modules dark = modules_from_path(root.children[1].attributes["d"], size, &runs);
        Modules expected(size, std::vector<bool>(size, false));
        for (int y = 0; y < reference->width; ++y) {
            for (int x = 0; x < reference->width; ++x) {
                expected[y + kQrQuietZone][x + kQrQuietZone] =
                    (reference->data[y * reference->width + x] & 1) != 0;
            }
        }
        CHECK(dark == expected);
        // Adjacent dark modules are merged: one subpath per maximal run, no more.
        CHECK(runs == count_runs(expected));
    }
}

TEST_CASE("qr_svg_keeps_the_quiet_zone_blank") {
    auto reference = reference_symbol(kUri);
    const int size = reference->width + 2 * kQrQuietZone;
    XmlElement root = XmlReader(qr_svg(kUri)).document();
    int runs = 0;
    Modules dark = modules_from_path(root.children[1].attributes["d"], size, &runs);
    for (int y = 0; y < size; ++y) {
        for (int x = 0; x < size; ++x) {
            bool inside = x >= kQrQuietZone && y >= kQrQuietZone && x < size - kQrQuietZone &&
                          y < size - kQrQuietZone;
            if (!inside) {
                REQUIRE_FALSE(dark[y][x]);
            }
        }
    }
    // The top-left finder pattern's outer ring starts right at the quiet zone's edge.
    CHECK(dark[kQrQuietZone][kQrQuietZone]);
}

TEST_CASE("qr_svg_escapes_the_aria_label") {
    XmlElement root = XmlReader(qr_svg("x", "Scan <me> & \"you\" 'all'")).document();
    CHECK(root.attributes["aria-label"] == "Scan <me> & \"you\" 'all'");
}

TEST_CASE("qr_svg_refuses_text_too_long_for_any_qr_version") {
    // Version 40 at level M holds at most 2331 bytes in 8-bit mode.
    try {
        (void)qr_svg(std::string(3000, 'x'));
        FAIL("expected vitae::Error");
    } catch (const Error& e) {
        CHECK(e.code() == ErrorCode::bad_request);
    }
}

TEST_CASE("qr_svg_refuses_empty_text_and_nul_bytes") {
    CHECK_THROWS_AS((void)qr_svg(""), Error);
    CHECK_THROWS_AS((void)qr_svg(std::string("a\0b", 3)), Error);
}

}  // namespace
}  // namespace vitae::auth
