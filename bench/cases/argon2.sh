#!/usr/bin/env bash
# bench/cases/argon2.sh: what one Argon2id password hash and one sign-in (verify) cost with
# the default parameters. Target 50-250 ms: cheaper makes offline guessing of a stolen
# database cheap, dearer makes sign-in sluggish and ties up the 2 cores.
# BENCH_ARGON2_GRID=1 adds reference rows for t=2,3,4 at m=19456 and m=47104 KiB, to help
# choose parameters for this machine.
set -euo pipefail
BENCH_LIB=${BENCH_LIB:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/lib.sh}
# shellcheck source=SCRIPTDIR/../lib.sh
source "$BENCH_LIB"
bench_traps

# shellcheck disable=SC2153  # BENCH_DIR comes from lib.sh
ROOT=$(cd "$BENCH_DIR/.." && pwd)
PROGRAM=$BENCH_OUT/argon2_bench
RUNS=20
LOW_MS=50
HIGH_MS=250

# Only the translation units the hasher needs: no CMake build, no server.
g++ -std=c++20 -O2 -Wall -Wextra -I"$ROOT/src" -o "$PROGRAM" "$BENCH_DIR/argon2_bench.cpp" \
  "$ROOT/src/auth/password_hasher.cpp" "$ROOT/src/core/error.cpp" "$ROOT/src/core/random.cpp" \
  -largon2

# field LINE KEY: the value of KEY=value in one line of argon2_bench output.
field() { awk -v k="$2" '{ for (i = 1; i <= NF; i++) if (index($i, k "=") == 1) print substr($i, length(k) + 2) }' <<<"$1"; }

in_band() {
  awk -v v="$1" -v lo="$LOW_MS" -v hi="$HIGH_MS" 'BEGIN { print ((v + 0 >= lo && v + 0 <= hi) ? "ok" : "MISS") }'
}

line=$("$PROGRAM" --runs "$RUNS")
bench_log "argon2_bench: $line"
m=$(field "$line" m)
t=$(field "$line" t)
p=$(field "$line" p)
hash_ms=$(field "$line" hash_ms)
verify_ms=$(field "$line" verify_ms)
label="m=$(fmt_num "$(awk -v m="$m" 'BEGIN { print m / 1024 }')" 0) MiB, t=$t, p=$p"
row "Argon2id hash ($label), median of $RUNS" "$hash_ms ms" "${LOW_MS}–${HIGH_MS} ms" "$(in_band "$hash_ms")"
row "Argon2id verify = sign-in cost ($label), median of $RUNS" "$verify_ms ms" "${LOW_MS}–${HIGH_MS} ms" "$(in_band "$verify_ms")"

if [[ ${BENCH_ARGON2_GRID:-0} == 1 ]]; then
  for m in 19456 47104; do
    for t in 2 3 4; do
      line=$("$PROGRAM" --runs "$RUNS" --m "$m" --t "$t" --p 1)
      bench_log "argon2_bench: $line"
      row "Argon2id hash (m=$m KiB, t=$t, p=1), median of $RUNS" "$(field "$line" hash_ms) ms" "—" "—"
    done
  done
fi
