#include "auth/qr_svg.hpp"

#include <qrencode.h>

#include <cerrno>
#include <cstring>
#include <memory>

#include "core/error.hpp"
#include "core/html.hpp"

namespace vitae::auth {
namespace {

struct QrCodeFree {
    void operator()(QRcode* code) const { QRcode_free(code); }
};
using QrCodePtr = std::unique_ptr<QRcode, QrCodeFree>;

QrCodePtr encode(std::string_view text) {
    if (text.empty()) {
        throw Error(ErrorCode::bad_request, "nothing to put in the QR code");
    }
    if (text.find('\0') != std::string_view::npos) {
        throw Error(ErrorCode::bad_request, "QR code text must not contain NUL bytes");
    }
    std::string terminated(text);
    // Version 0 lets libqrencode pick the smallest symbol; case-sensitive with an 8-bit
    // hint keeps URIs exact while still packing digit runs compactly.
    QrCodePtr code(QRcode_encodeString(terminated.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
    if (!code && errno != ERANGE) {
        throw Error(ErrorCode::internal,
                    std::string("QR encoding failed: ") + std::strerror(errno));
    }
    if (!code) {
        throw Error(ErrorCode::bad_request,
                    "text is too long for a QR code (" + std::to_string(text.size()) + " bytes)");
    }
    return code;
}

bool is_dark(const QRcode& code, int x, int y) {
    // Bit 0 of each module byte is the colour; the other bits only say what the module is.
    return (code.data[y * code.width + x] & 1) != 0;
}

// One subpath per run of dark modules in a row: "M{x} {y}h{len}v1h-{len}z". Merging runs
// keeps the path several times shorter than a square per module.
std::string path_data(const QRcode& code) {
    std::string d;
    for (int y = 0; y < code.width; ++y) {
        int x = 0;
        while (x < code.width) {
            if (!is_dark(code, x, y)) {
                ++x;
                continue;
            }
            int start = x;
            while (x < code.width && is_dark(code, x, y)) {
                ++x;
            }
            std::string len = std::to_string(x - start);
            d += 'M' + std::to_string(start + kQrQuietZone) + ' ' +
                 std::to_string(y + kQrQuietZone) + 'h' + len + "v1h-" + len + 'z';
        }
    }
    return d;
}

}  // namespace

std::string qr_svg(std::string_view text, std::string_view aria_label) {
    QrCodePtr code = encode(text);
    std::string modules = std::to_string(code->width + 2 * kQrQuietZone);
    std::string pixels = std::to_string((code->width + 2 * kQrQuietZone) * kQrModulePixels);
    std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + pixels +
                      "\" height=\"" + pixels + "\" viewBox=\"0 0 " + modules + ' ' + modules +
                      "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"" +
                      core::html_escape(aria_label) + "\">";
    svg += "<rect width=\"" + modules + "\" height=\"" + modules + "\" fill=\"#ffffff\"/>";
    svg += "<path fill=\"#000000\" d=\"" + path_data(*code) + "\"/>";
    svg += "</svg>\n";
    return svg;
}

}  // namespace vitae::auth
