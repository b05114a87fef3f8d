#pragma once
// QR codes as inline SVG, for the TOTP enrolment page: vector, so it stays sharp at any
// zoom, and no image route or client-side script needed.
#include <string>
#include <string_view>

namespace vitae::auth {

// Pixels per module in the width/height attributes; the viewBox is in modules, so CSS may
// still scale the image.
inline constexpr int kQrModulePixels = 4;
// Blank modules around the symbol, as ISO/IEC 18004 requires for reliable scanning.
inline constexpr int kQrQuietZone = 4;

// A standalone <svg> holding `text` as a QR code (error correction level M): a white
// background and one black <path> of per-row runs, colours as fill attributes (never
// style=, which our CSP forbids), role="img" and aria_label (XML-escaped) for screen
// readers. Throws vitae::Error(bad_request) if text is empty, holds a NUL byte, or is too
// long for any QR version.
std::string qr_svg(std::string_view text, std::string_view aria_label = "QR code");

}  // namespace vitae::auth
