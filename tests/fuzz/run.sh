#!/usr/bin/env bash
# Builds the libFuzzer targets (every tests/fuzz/*_fuzz.cpp) with clang in a build dir of
# their own and runs each for a while, starting from its seed corpus. See tests/fuzz/README.md.
# Usage: tests/fuzz/run.sh [--build DIR] [--seconds N] [--cxx CLANG++] [TARGET...]
#   --build    build dir (default build-fuzz at the top of the repo)
#   --seconds  how long each target runs (default $FUZZ_SECONDS, else 300)
#   --cxx      the clang++ to build with (default clang++)
# Exit 1 when a target finds a crash; the input is saved as <build>/artifacts/<target>/crash-*.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=$ROOT/build-fuzz
SECONDS_EACH=${FUZZ_SECONDS:-300}
CXX_FUZZ=clang++
targets=()
while (($#)); do
  case $1 in
    --build) BUILD=$2; shift 2 ;;
    --seconds) SECONDS_EACH=$2; shift 2 ;;
    --cxx) CXX_FUZZ=$2; shift 2 ;;
    -*) echo "usage: $0 [--build DIR] [--seconds N] [--cxx CLANG++] [TARGET...]" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
if ((${#targets[@]} == 0)); then
  for f in "$ROOT"/tests/fuzz/*_fuzz.cpp; do targets+=("$(basename "$f" .cpp)"); done
fi

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
start=$(date +%s)
cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVITAE_FUZZ=ON -DVITAE_TESTS=OFF \
  -DCMAKE_CXX_COMPILER="$CXX_FUZZ" "${launcher[@]}" >"$BUILD.configure.log" 2>&1 ||
  { cat "$BUILD.configure.log" >&2; exit 1; }
cmake --build "$BUILD" -j"${FUZZ_JOBS:-2}" --target "${targets[@]}"
echo "fuzz: built ${targets[*]} in $(($(date +%s) - start)) s"

failed=()
for target in "${targets[@]}"; do
  seeds=$ROOT/tests/fuzz/corpus/$target
  # New inputs the fuzzer finds go to the build dir; the committed seeds stay as they are.
  work=$BUILD/corpus/$target
  artifacts=$BUILD/artifacts/$target
  mkdir -p "$work" "$artifacts" "$seeds"
  echo "fuzz: $target for ${SECONDS_EACH} s (seeds: tests/fuzz/corpus/$target)"
  if ! "$BUILD/$target" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$artifacts/" "$work" "$seeds" \
    >"$BUILD/$target.log" 2>&1; then
    failed+=("$target")
    tail -n 60 "$BUILD/$target.log" >&2
    echo "fuzz: $target FAILED; the input is in $artifacts/ (log: $BUILD/$target.log)" >&2
  else
    grep -E '^stat::number_of_executed_units|^stat::new_units_added' "$BUILD/$target.log" |
      tr '\n' ' ' | sed "s/^/fuzz: $target /; s/\$/\n/"
  fi
done
((${#failed[@]} == 0)) || exit 1
