# shellcheck shell=bash
# shellcheck disable=SC2034  # STOP_RC, BENCH_* are read by the sourcing scripts
# Shared helpers for bench/run.sh and bench/cases/*.sh. Source it; it defines functions
# and a few variables only (no side effects besides `mkdir -p "$BENCH_OUT"`).
#
#   row NAME VALUE TARGET VERDICT     emit one table row (VERDICT: ok | MISS | —)
#   verdict_lt VALUE LIMIT            prints ok if VALUE < LIMIT, else MISS
#   verdict_ge VALUE LIMIT            prints ok if VALUE >= LIMIT, else MISS
#   median                            median of the numbers on stdin
#   fmt_num NUMBER [DECIMALS]         printf-style rounding (default 1 decimal)
#   free_port                         prints a free TCP port on 127.0.0.1
#   wait_http PORT [PATH] [MS] [PID]  waits (bounded) until GET PATH answers 200; gives up
#                                     early when PID (the server) has exited
#   start_vitae PORT DATADIR LOG      starts `vitae serve` in the background, sets VITAE_PID
#   stop_pid PID [MS]                 SIGTERM, bounded wait, SIGKILL; exit code in STOP_RC
#   track_pid PID / track_dir DIR     registered for cleanup by bench_cleanup (EXIT trap)
#   run_bg CMD...                     run CMD as a tracked child, wait for it (trap-friendly)
#   run_wrk URL OUTFILE               wrk -t$BENCH_WRK_THREADS -c$BENCH_WRK_CONNECTIONS ...
#   wrk_rps FILE / wrk_p99_ms FILE / wrk_errors FILE   parse a saved wrk --latency output
#
# Environment (exported by run.sh to cases): VITAE_BIN, BENCH_DIR, BENCH_OUT, BENCH_PROBE,
# BENCH_LIB, BENCH_WRK_THREADS, BENCH_WRK_CONNECTIONS, BENCH_WRK_DURATION, and, while the
# cases run, VITAE_URL / VITAE_PORT / VITAE_PID of a running instance (fresh data dir).

BENCH_DIR=${BENCH_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)}
BENCH_OUT=${BENCH_OUT:-$BENCH_DIR/out}
BENCH_PROBE=${BENCH_PROBE:-$BENCH_OUT/startup_probe}
BENCH_WRK_THREADS=${BENCH_WRK_THREADS:-2}
BENCH_WRK_CONNECTIONS=${BENCH_WRK_CONNECTIONS:-64}
BENCH_WRK_DURATION=${BENCH_WRK_DURATION:-10s}
mkdir -p "$BENCH_OUT"

BENCH_PIDS=()
BENCH_TMPDIRS=()

bench_log() { printf 'bench: %s\n' "$*" >&2; }

# row NAME VALUE TARGET VERDICT. Writes to $BENCH_ROWS_FILE when set (run.sh), otherwise
# to stdout (cases: run.sh collects the lines that start with "|").
row() {
  local cells=() c
  for c in "${1:-}" "${2:-}" "${3:-—}" "${4:-—}"; do
    c=${c//$'\n'/ }
    cells+=("${c//|/\\|}")
  done
  local line="| ${cells[0]} | ${cells[1]} | ${cells[2]} | ${cells[3]} |"
  if [[ -n ${BENCH_ROWS_FILE:-} ]]; then
    printf '%s\n' "$line" >>"$BENCH_ROWS_FILE"
  else
    printf '%s\n' "$line"
  fi
}

verdict_lt() { awk -v v="$1" -v l="$2" 'BEGIN { print ((v + 0 < l + 0) ? "ok" : "MISS") }'; }
verdict_ge() { awk -v v="$1" -v l="$2" 'BEGIN { print ((v + 0 >= l + 0) ? "ok" : "MISS") }'; }

median() {
  sort -g | awk '{ a[NR] = $1 }
    END { if (NR == 0) exit 1
          if (NR % 2) printf "%.3f\n", a[(NR + 1) / 2]
          else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

# fmt_num NUMBER [DECIMALS]
fmt_num() { awk -v v="$1" -v d="${2:-1}" 'BEGIN { printf "%.*f\n", d, v }'; }

free_port() { "$BENCH_PROBE" free-port; }

wait_http() {
  "$BENCH_PROBE" wait --port "$1" --path "${2:-/healthz}" --timeout-ms "${3:-5000}" \
    ${4:+--pid "$4"} >/dev/null
}

track_pid() { BENCH_PIDS+=("$1"); }
track_dir() { BENCH_TMPDIRS+=("$1"); }

# start_vitae PORT DATADIR LOGFILE: background server, pid in VITAE_PID (tracked).
start_vitae() {
  "${VITAE_BIN:?VITAE_BIN is not set}" serve --addr 127.0.0.1 --port "$1" --data-dir "$2" </dev/null >"$3" 2>&1 &
  VITAE_PID=$!
  track_pid "$VITAE_PID"
}

# stop_pid PID [BOUND_MS]: SIGTERM, wait up to BOUND_MS (default 5000), then SIGKILL.
# Sets STOP_RC to the exit code (137 when it had to be killed). PID must be a child of this
# shell, so do not call it inside $(...).
stop_pid() {
  local pid=$1 bound=${2:-5000} i
  STOP_RC=0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < bound / 5; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.005
  done
  if kill -0 "$pid" 2>/dev/null; then
    bench_log "pid $pid ignored SIGTERM for ${bound} ms; killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || STOP_RC=$?
}

# run_bg CMD...: runs CMD as a tracked background child and waits for it, so INT/TERM traps
# fire at once (bash defers them while a foreground child runs). Returns CMD's status.
run_bg() {
  local pid rc=0
  "$@" &
  pid=$!
  track_pid "$pid"
  wait "$pid" || rc=$?
  return "$rc"
}

bench_cleanup() {
  local pid d
  for pid in "${BENCH_PIDS[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then stop_pid "$pid" 3000; fi
  done
  BENCH_PIDS=()
  for d in "${BENCH_TMPDIRS[@]}"; do
    if [[ -n $d && -d $d ]]; then rm -rf -- "$d"; fi
  done
  BENCH_TMPDIRS=()
}

# Installs EXIT/INT/TERM traps that call bench_cleanup.
bench_traps() {
  trap 'bench_cleanup' EXIT
  trap 'bench_cleanup; trap - EXIT; exit 130' INT
  trap 'bench_cleanup; trap - EXIT; exit 143' TERM
}

# Seconds for `timeout` around a wrk run: the duration plus a margin.
_wrk_bound() {
  local d=$BENCH_WRK_DURATION n
  n=${d%[smh]}
  [[ $n =~ ^[0-9]+$ ]] || { echo 600; return; }
  case $d in
    *m) n=$((n * 60)) ;;
    *h) n=$((n * 3600)) ;;
  esac
  echo $((n + 30))
}

# run_wrk URL OUTFILE [EXTRA WRK ARGS...]: the raw output is kept in OUTFILE.
run_wrk() {
  local url=$1 out=$2
  shift 2
  run_bg timeout --kill-after=5 "$(_wrk_bound)" \
    wrk -t"$BENCH_WRK_THREADS" -c"$BENCH_WRK_CONNECTIONS" -d"$BENCH_WRK_DURATION" --latency "$@" "$url" \
    >"$out" 2>&1
}

# Requests/sec from a wrk output file (empty when absent).
wrk_rps() { awk '$1 == "Requests/sec:" { print $2; exit }' "$1"; }

# 99th percentile latency in ms from the "Latency Distribution" block (units us/ms/s/m/h).
wrk_p99_ms() {
  awk '
    /Latency Distribution/ { in_dist = 1; next }
    in_dist && $1 == "99%" {
      v = $2
      if (match(v, /^[0-9.]+/)) {
        n = substr(v, 1, RLENGTH) + 0; u = substr(v, RLENGTH + 1)
        if (u == "us") n /= 1000; else if (u == "ms") n += 0
        else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
        else if (u == "h") n *= 3600000; else exit
        printf "%.3f\n", n
      }
      exit
    }
    in_dist && $1 !~ /%$/ { in_dist = 0 }
  ' "$1"
}

# Non-2xx/3xx responses plus socket errors (connect, read, write, timeout).
wrk_errors() {
  awk '
    /Non-2xx or 3xx responses:/ { e += $NF }
    /Socket errors:/ { line = $0; gsub(/[^0-9 ]/, " ", line); n = split(line, f, " "); for (i = 1; i <= n; i++) e += f[i] }
    END { print e + 0 }
  ' "$1"
}
