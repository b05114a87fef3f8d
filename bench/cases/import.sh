#!/usr/bin/env bash
# bench/cases/import.sh: what importing a CV costs. vitae_import_bench (bench/import_bench.cpp)
# exports the rich fixture (tests/fixtures/resume/rich.json) as a 2-page PDF (classic, A4)
# and as a DOCX with Vitae's own exporters and imports each RUNS times in one process
# (cv::import_document: detection, extraction, résumé parser). Target < 30 ms each: an
# upload should turn into a draft without a wait.
#
# Then the same PDF through pdftotext (poppler) as a yardstick. Both sides run as
# processes, PROC_RUNS times each: `vitae import PDF --format text` (kind detection and
# MuPDF extraction in reading order, printed) against `pdftotext PDF -`. Both pay for a
# process start, so the ratio compares like with like; the in-process row above is what the
# server pays per upload.
set -euo pipefail
BENCH_LIB=${BENCH_LIB:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/lib.sh}
# shellcheck source=SCRIPTDIR/../lib.sh
source "$BENCH_LIB"
bench_traps

# shellcheck disable=SC2153  # BENCH_DIR comes from lib.sh
ROOT=$(cd "$BENCH_DIR/.." && pwd)
BUILD_DIR=$(dirname "${VITAE_BIN:?VITAE_BIN is not set}")
PROGRAM=$BUILD_DIR/vitae_import_bench
FIXTURE=$ROOT/tests/fixtures/resume/rich.json
RUNS=30
PROC_RUNS=20
PAGES=2
TARGET_MS=30

if [[ ! -x $PROGRAM ]]; then
  bench_log "import: building vitae_import_bench in $BUILD_DIR"
  cmake --build "$BUILD_DIR" --target vitae_import_bench >&2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/vitae-bench-import.XXXXXX")
track_dir "$work"
pdf=$work/rich.pdf

field() { awk -v k="$2" '{ for (i = 1; i <= NF; i++) if (index($i, k "=") == 1) print substr($i, length(k) + 2) }' <<<"$1"; }

out=$("$PROGRAM" --fixture "$FIXTURE" --runs "$RUNS" --pdf-out "$pdf" --docx-out "$work/rich.docx")
bench_log "import_bench: $out"
pdf_line=$(grep '^format=pdf' <<<"$out")
docx_line=$(grep '^format=docx' <<<"$out")

pdf_ms=$(field "$pdf_line" median_ms)
label="import of a 2-page PDF ($(field "$pdf_line" measured), rich fixture), median of $RUNS"
verdict=$(verdict_lt "$pdf_ms" "$TARGET_MS")
if [[ $(field "$pdf_line" pages) != "$PAGES" ]]; then
  label="import of the rich fixture's PDF: $(field "$pdf_line" pages) pages, not $PAGES"
  verdict=MISS
fi
row "$label" "$pdf_ms ms (CPU $(field "$pdf_line" median_cpu_ms) ms)" "< $TARGET_MS ms" "$verdict"
docx_ms=$(field "$docx_line" median_ms)
row "import of a DOCX ($(field "$docx_line" measured), rich fixture), median of $RUNS" \
  "$docx_ms ms (CPU $(field "$docx_line" median_cpu_ms) ms)" "< $TARGET_MS ms" \
  "$(verdict_lt "$docx_ms" "$TARGET_MS")"

# proc_ms CMD...: the median wall time of PROC_RUNS runs of CMD as a process, output dropped.
proc_ms() {
  local i start end times=()
  for ((i = 0; i < PROC_RUNS; i++)); do
    start=$(date +%s%N)
    "$@" >/dev/null || return 1
    end=$(date +%s%N)
    times+=("$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", (e - s) / 1e6 }')")
  done
  printf '%s\n' "${times[@]}" | median
}

if ! command -v pdftotext >/dev/null; then
  row "pdftotext on the same PDF" "not measured (pdftotext missing: packaging/install-deps.sh test)" "—" "—"
  exit 0
fi
# run.sh exports VITAE_BIN for the cases, and vitae refuses VITAE_* keys it does not know.
ours=$(proc_ms env -u VITAE_BIN "$VITAE_BIN" import "$pdf" --format text) ||
  { echo "import: vitae import failed on $pdf" >&2; exit 1; }
theirs=$(proc_ms pdftotext "$pdf" -) || { echo "import: pdftotext failed on $pdf" >&2; exit 1; }
row "same PDF as processes: vitae import --format text, median of $PROC_RUNS" "$(fmt_num "$ours" 1) ms" "—" "—"
row "same PDF as processes: pdftotext PDF -, median of $PROC_RUNS" "$(fmt_num "$theirs" 1) ms" "—" "—"
row "ratio vitae import / pdftotext, both processes (lower is better)" \
  "$(awk -v a="$ours" -v b="$theirs" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')" "—" "—"
