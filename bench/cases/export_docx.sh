#!/usr/bin/env bash
# bench/cases/export_docx.sh: what one DOCX export of the rich fixture costs, measured by
# vitae_export_bench (bench/export_bench.cpp) in one process. Target < 10 ms: building nine
# small XML parts and deflating them should cost a few milliseconds.
set -euo pipefail
BENCH_LIB=${BENCH_LIB:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/lib.sh}
# shellcheck source=SCRIPTDIR/../lib.sh
source "$BENCH_LIB"
bench_traps

# shellcheck disable=SC2153  # BENCH_DIR comes from lib.sh
ROOT=$(cd "$BENCH_DIR/.." && pwd)
BUILD_DIR=$(dirname "${VITAE_BIN:?VITAE_BIN is not set}")
PROGRAM=$BUILD_DIR/vitae_export_bench
RUNS=200
TARGET_MS=10

if [[ ! -x $PROGRAM ]]; then
  bench_log "export_docx: building vitae_export_bench in $BUILD_DIR"
  cmake --build "$BUILD_DIR" --target vitae_export_bench >&2
fi

field() { awk -v k="$2" '{ for (i = 1; i <= NF; i++) if (index($i, k "=") == 1) print substr($i, length(k) + 2) }' <<<"$1"; }

line=$("$PROGRAM" --format docx --runs "$RUNS" --fixture "$ROOT/tests/fixtures/resume/rich.json")
bench_log "export_bench: $line"
median_ms=$(field "$line" median_ms)
row "DOCX export (rich fixture), median of $RUNS" "$median_ms ms (CPU $(field "$line" median_cpu_ms) ms)" \
  "< $TARGET_MS ms" "$(verdict_lt "$median_ms" "$TARGET_MS")"
