#!/usr/bin/env bash
# bench/cases/export_pdf.sh: what one PDF export of a two-page CV costs: the rich fixture
# (tests/fixtures/resume/rich.json) with the classic template on A4, which lays out on two
# pages. vitae_export_bench (bench/export_bench.cpp, built next to the release binary)
# exports it RUNS times in one process and reports the median and the memory the exports
# added to the process's peak RSS.
# Targets: < 80 ms per export (a download feels instant), < 40 MB peak memory per export
# (a 2 GB box serves many at once).
set -euo pipefail
BENCH_LIB=${BENCH_LIB:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/lib.sh}
# shellcheck source=SCRIPTDIR/../lib.sh
source "$BENCH_LIB"
bench_traps

# shellcheck disable=SC2153  # BENCH_DIR comes from lib.sh
ROOT=$(cd "$BENCH_DIR/.." && pwd)
BUILD_DIR=$(dirname "${VITAE_BIN:?VITAE_BIN is not set}")
PROGRAM=$BUILD_DIR/vitae_export_bench
FIXTURE=$ROOT/tests/fixtures/resume/rich.json
RUNS=30
PAGES=2
TARGET_MS=80
TARGET_MB=40

if [[ ! -x $PROGRAM ]]; then
  bench_log "export_pdf: building vitae_export_bench in $BUILD_DIR"
  cmake --build "$BUILD_DIR" --target vitae_export_bench >&2
fi

# field LINE KEY: the value of KEY=value in one line of export_bench output.
field() { awk -v k="$2" '{ for (i = 1; i <= NF; i++) if (index($i, k "=") == 1) print substr($i, length(k) + 2) }' <<<"$1"; }

line=$("$PROGRAM" --format pdf --runs "$RUNS" --fixture "$FIXTURE" --template classic --paper a4)
bench_log "export_bench: $line"
pages=$(field "$line" pages)
median_ms=$(field "$line" median_ms)
cpu_ms=$(field "$line" median_cpu_ms)
export_kb=$(field "$line" export_peak_kb)
mb=$(awk -v k="$export_kb" 'BEGIN { printf "%.1f", k * 1024 / 1e6 }')

verdict=$(verdict_lt "$median_ms" "$TARGET_MS")
label="PDF export of a 2-page CV (rich fixture, A4), median of $RUNS"
if [[ $pages != "$PAGES" ]]; then
  # The row's promise no longer holds: the templates or the fixture changed.
  label="PDF export of the rich fixture (A4): $pages pages, not $PAGES"
  verdict=MISS
fi
row "$label" "$median_ms ms (CPU $cpu_ms ms)" "< $TARGET_MS ms" "$verdict"
row "peak memory of a PDF export (added to the process's peak RSS)" "$mb MB" "< $TARGET_MB MB" \
  "$(verdict_lt "$mb" "$TARGET_MB")"
row "PDF size of that CV (fonts embedded whole; MuPDF 1.21 cannot subset)" \
  "$(awk -v b="$(field "$line" bytes)" 'BEGIN { printf "%.0f", b / 1024 }') KiB" "—" "—"
row "one MuPDF context, made and dropped (one per export)" "$(field "$line" context_us) µs" "—" "—"
