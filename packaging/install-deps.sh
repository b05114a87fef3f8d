#!/usr/bin/env bash
# Installs the Debian packages a target needs, only those missing.
# Usage: packaging/install-deps.sh build|test|bench
set -euo pipefail

build_pkgs=(
  build-essential cmake pkg-config
  libcpp-httplib-dev libssl-dev zlib1g-dev libbrotli-dev
  libsqlite3-dev nlohmann-json3-dev libspdlog-dev libfmt-dev
  libkainjow-mustache-dev libmbedtls-dev
  libargon2-dev liboath-dev libqrencode-dev
  libarchive-dev libpugixml-dev
  libmupdf-dev libmujs-dev libgumbo-dev libopenjp2-7-dev libjbig2dec0-dev libjpeg-dev
  libharfbuzz-dev libfreetype-dev
  libcurl4-openssl-dev
)
# Third-party readers of our exports (pdftotext, qpdf, LibreOffice, unzip) and the browser test
# (Chromium driven by playwright-core from npm; ajv checks the JSON Resume schema); clang and
# its libFuzzer runtime for the fuzz targets (tests/fuzz).
test_pkgs=(doctest-dev curl sqlite3 clang-format procps
  poppler-utils qpdf libreoffice-writer-nogui unzip chromium fonts-dejavu-core
  clang libclang-rt-14-dev)
bench_pkgs=(wrk nginx-light curl procps)

case "${1:-build}" in
  build) want=("${build_pkgs[@]}") ;;
  test) want=("${build_pkgs[@]}" "${test_pkgs[@]}") ;;
  bench) want=("${build_pkgs[@]}" "${bench_pkgs[@]}") ;;
  *) echo "usage: $0 build|test|bench" >&2; exit 2 ;;
esac

missing=()
# Node.js and npm for the browser and schema tests: Debian's, unless the machine already
# has a node and npm (some images ship NodeSource's nodejs, which conflicts with Debian's npm).
if [ "${1:-build}" = test ] && ! { command -v node && command -v npm; } >/dev/null; then
  want+=(nodejs npm)
fi
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
echo "installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
