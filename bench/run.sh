#!/usr/bin/env bash
# Vitae benchmark harness. Usage: bench/run.sh <path-to-release-vitae-binary>
# Prints one Markdown table (metric | value | target | verdict) on stdout and writes it to
# bench/out/results.md. Progress and diagnostics go to stderr; raw outputs stay in bench/out.
# See bench/README.md. Knobs (environment): BENCH_STARTUP_RUNS (10), BENCH_WARM_REQUESTS
# (100), BENCH_WRK_DURATION (10s), BENCH_WRK_THREADS (2), BENCH_WRK_CONNECTIONS (64),
# BENCH_CASE_TIMEOUT (300 s per case), BENCH_STRICT=1 (exit 1 when a row is MISS).
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 <path-to-vitae-binary>" >&2
  exit 2
fi
VITAE_BIN=$(readlink -f -- "$1")
if [[ ! -x $VITAE_BIN || -d $VITAE_BIN ]]; then
  echo "bench: $1 is not an executable file (build the release binary first)" >&2
  exit 2
fi

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BENCH_OUT=$BENCH_DIR/out
BENCH_PROBE=$BENCH_OUT/startup_probe
BENCH_LIB=$BENCH_DIR/lib.sh
# shellcheck source=SCRIPTDIR/lib.sh
source "$BENCH_LIB"
bench_traps

STARTUP_RUNS=${BENCH_STARTUP_RUNS:-10}
WARM_REQUESTS=${BENCH_WARM_REQUESTS:-100}
CASE_TIMEOUT=${BENCH_CASE_TIMEOUT:-300}
TARGET_STARTUP_MS=100
TARGET_RSS_MIB=20
TARGET_RPS=20000
WRK_LABEL="wrk -t$BENCH_WRK_THREADS -c$BENCH_WRK_CONNECTIONS -d$BENCH_WRK_DURATION"

for tool in g++ wrk nginx timeout; do
  if ! command -v "$tool" >/dev/null; then
    echo "bench: '$tool' not found; run packaging/install-deps.sh bench" >&2
    exit 2
  fi
done
NGINX_BIN=$(command -v nginx)

# Drop the raw outputs of the previous run so nothing stale is mistaken for this one.
rm -rf -- "$BENCH_OUT"/startup-*.log "$BENCH_OUT"/wrk-*.txt "$BENCH_OUT"/vitae-*.log \
  "$BENCH_OUT"/probe.txt "$BENCH_OUT"/cases "$BENCH_OUT"/nginx

results=$BENCH_OUT/results.md
BENCH_ROWS_FILE=$BENCH_OUT/rows.tmp
: >"$BENCH_ROWS_FILE"
rm -f "$results"

# The probe is tiny; always rebuild it so it never lags behind its source.
g++ -std=c++20 -O2 -Wall -Wextra -o "$BENCH_PROBE" "$BENCH_DIR/startup_probe.cpp"

# new_tmpdir: fresh data dir in $data (tracked for cleanup; not via $(...), which would
# track it in a subshell).
new_tmpdir() {
  data=$(mktemp -d "${TMPDIR:-/tmp}/vitae-bench.XXXXXX")
  track_dir "$data"
}

bench_log "binary: $VITAE_BIN ($(nproc) cores, $(uname -r))"

# --- 1 + 2: cold start to first /healthz 200, idle RSS, clean SIGTERM -------------------
startup_ms=()
rss_kb=()
exit_codes=()
stop_ms=()
for ((i = 1; i <= STARTUP_RUNS; i++)); do
  port=$(free_port)
  new_tmpdir
  log=$BENCH_OUT/startup-$i.log
  if run_bg "$BENCH_PROBE" start --port "$port" --path /healthz --timeout-ms 5000 \
    --requests "$WARM_REQUESTS" --log "$log" -- \
    "$VITAE_BIN" serve --addr 127.0.0.1 --port "$port" --data-dir "$data" >"$BENCH_OUT/probe.txt"; then
    line=$(<"$BENCH_OUT/probe.txt")
    for kv in $line; do
      case $kv in
        startup_ms=*) startup_ms+=("${kv#*=}") ;;
        rss_kb=*) rss_kb+=("${kv#*=}") ;;
        exit=*) exit_codes+=("${kv#*=}") ;;
        stop_ms=*) stop_ms+=("${kv#*=}") ;;
      esac
    done
    bench_log "cold start $i/$STARTUP_RUNS: $line"
  else
    bench_log "cold start $i/$STARTUP_RUNS failed (server output: $log)"
  fi
  rm -rf -- "$data"
done

n_ok=${#startup_ms[@]}
if ((n_ok == STARTUP_RUNS)); then
  v=$(printf '%s\n' "${startup_ms[@]}" | median)
  row "cold start to first /healthz 200 (median of $STARTUP_RUNS)" "$(fmt_num "$v" 1) ms" \
    "< $TARGET_STARTUP_MS ms" "$(verdict_lt "$v" "$TARGET_STARTUP_MS")"
  v=$(printf '%s\n' "${rss_kb[@]}" | median)
  mib=$(awk -v k="$v" 'BEGIN { printf "%.1f", k / 1024 }')
  row "idle RSS after $WARM_REQUESTS /healthz (median of $STARTUP_RUNS)" "$mib MiB" \
    "< $TARGET_RSS_MIB MiB" "$(verdict_lt "$v" $((TARGET_RSS_MIB * 1024)))"
  clean=0
  for c in "${exit_codes[@]}"; do [[ $c == 0 ]] && clean=$((clean + 1)); done
  slowest=$(printf '%s\n' "${stop_ms[@]}" | sort -g | tail -n1)
  verdict=MISS
  ((clean == STARTUP_RUNS)) && verdict=ok
  row "SIGTERM stop: exit 0 (slowest stop)" "$clean/$STARTUP_RUNS ($(fmt_num "$slowest" 1) ms)" \
    "$STARTUP_RUNS/$STARTUP_RUNS" "$verdict"
else
  note="failed in $((STARTUP_RUNS - n_ok))/$STARTUP_RUNS runs, see bench/out/startup-*.log"
  row "cold start to first /healthz 200 (median of $STARTUP_RUNS)" "$note" "< $TARGET_STARTUP_MS ms" MISS
  row "idle RSS after $WARM_REQUESTS /healthz (median of $STARTUP_RUNS)" "not measured" "< $TARGET_RSS_MIB MiB" MISS
fi

# --- 3: /healthz throughput and p99 with wrk --------------------------------------------
mkdir -p "$BENCH_OUT/nginx/html" "$BENCH_OUT/nginx/logs" "$BENCH_OUT/nginx/tmp"
body_file=$BENCH_OUT/nginx/html/healthz.json
rm -f "$body_file"

vitae_rps="" vitae_p99=""
port=$(free_port)
new_tmpdir
start_vitae "$port" "$data" "$BENCH_OUT/vitae-wrk.log"
if wait_http "$port" /healthz 5000 "$VITAE_PID"; then
  # nginx below serves a copy of the real /healthz body, so both answers are the same size.
  "$BENCH_PROBE" body --port "$port" --path /healthz >"$body_file" || rm -f "$body_file"
  bench_log "wrk on vitae /healthz ($WRK_LABEL)"
  run_wrk "http://127.0.0.1:$port/healthz" "$BENCH_OUT/wrk-vitae.txt" || true
  vitae_rps=$(wrk_rps "$BENCH_OUT/wrk-vitae.txt")
  vitae_p99=$(wrk_p99_ms "$BENCH_OUT/wrk-vitae.txt")
  vitae_err=$(wrk_errors "$BENCH_OUT/wrk-vitae.txt")
fi
stop_pid "$VITAE_PID" 5000
rm -rf -- "$data"
if [[ -n $vitae_rps && -n $vitae_p99 ]]; then
  row "/healthz throughput ($WRK_LABEL)" "$(fmt_num "$vitae_rps" 0) req/s" "≥ $TARGET_RPS req/s" \
    "$(verdict_ge "$vitae_rps" "$TARGET_RPS")"
  row "/healthz p99 latency" "$(fmt_num "$vitae_p99" 2) ms" "—" "—"
  verdict=ok
  [[ $vitae_err == 0 ]] || verdict=MISS
  row "/healthz errors under load (non-2xx + socket)" "$vitae_err" "0" "$verdict"
else
  row "/healthz throughput ($WRK_LABEL)" "not measured (see bench/out/vitae-wrk.log, wrk-vitae.txt)" \
    "≥ $TARGET_RPS req/s" MISS
  bench_log "vitae wrk run failed (server exit code $STOP_RC)"
fi

# --- 4: the same wrk run against nginx serving a file of the same size -----------------
if [[ ! -s $body_file ]]; then
  printf '{"status":"ok","version":"0.0.0","uptime_s":0}' >"$body_file"
fi
nginx_rps="" nginx_p99=""
nport=$(free_port)
prefix=$BENCH_OUT/nginx
user_line=""
((EUID == 0)) && user_line="user root root;"  # workers may read bench/out whoever owns it
temp_paths=""
for m in client_body proxy fastcgi uwsgi scgi; do
  if [[ $m == client_body ]] || ! "$NGINX_BIN" -V 2>&1 | grep -q -- "--without-http_${m}_module"; then
    mkdir -p "$prefix/tmp/$m"
    temp_paths+="  ${m}_temp_path \"$prefix/tmp/$m\";"$'\n'
  fi
done
cat >"$prefix/nginx.conf" <<EOF
# Generated by bench/run.sh; rewritten on every run.
$user_line
worker_processes auto;
pid "$prefix/nginx.pid";
error_log "$prefix/logs/error.log" warn;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 100000;
  keepalive_timeout 65s;
  sendfile on;
  tcp_nodelay on;
  types { application/json json; }
  default_type application/octet-stream;
$temp_paths
  server {
    listen 127.0.0.1:$nport;
    root "$prefix/html";
  }
}
EOF
"$NGINX_BIN" -p "$prefix/" -c "$prefix/nginx.conf" -e "$prefix/logs/error.log" -g 'daemon off;' \
  </dev/null >"$prefix/logs/stdout.log" 2>&1 &
nginx_pid=$!
track_pid "$nginx_pid"
if wait_http "$nport" /healthz.json 5000 "$nginx_pid"; then
  bench_log "wrk on nginx /healthz.json ($WRK_LABEL)"
  run_wrk "http://127.0.0.1:$nport/healthz.json" "$BENCH_OUT/wrk-nginx.txt" || true
  nginx_rps=$(wrk_rps "$BENCH_OUT/wrk-nginx.txt")
  nginx_p99=$(wrk_p99_ms "$BENCH_OUT/wrk-nginx.txt")
  nerr=$(wrk_errors "$BENCH_OUT/wrk-nginx.txt")
  [[ $nerr == 0 ]] || bench_log "nginx run had $nerr errors; see bench/out/wrk-nginx.txt"
else
  bench_log "nginx did not answer; see $prefix/logs/"
fi
stop_pid "$nginx_pid" 5000
if [[ -n $nginx_rps && -n $nginx_p99 ]]; then
  size=$(wc -c <"$body_file")
  row "nginx static ${size} B JSON throughput (same wrk)" "$(fmt_num "$nginx_rps" 0) req/s" "—" "—"
  row "nginx static JSON p99 latency" "$(fmt_num "$nginx_p99" 2) ms" "—" "—"
  if [[ -n $vitae_rps && -n $vitae_p99 ]]; then
    row "req/s ratio vitae/nginx (higher is better)" \
      "$(awk -v a="$vitae_rps" -v b="$nginx_rps" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')" "—" "—"
    row "p99 ratio vitae/nginx (lower is better)" \
      "$(awk -v a="$vitae_p99" -v b="$nginx_p99" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')" "—" "—"
  fi
else
  row "nginx static JSON throughput (same wrk)" "not measured (see bench/out/nginx/logs)" "—" "MISS"
fi

# --- extra cases: every executable bench/cases/*.sh prints rows ("| a | b | c | d |") ----
shopt -s nullglob
cases=("$BENCH_DIR"/cases/*.sh)
shopt -u nullglob
if ((${#cases[@]})); then
  mkdir -p "$BENCH_OUT/cases"
  port=$(free_port)
  new_tmpdir
  start_vitae "$port" "$data" "$BENCH_OUT/vitae-cases.log"
  if ! wait_http "$port" /healthz 5000 "$VITAE_PID"; then
    bench_log "the shared vitae instance for the cases did not come up; see bench/out/vitae-cases.log"
  fi
  export VITAE_BIN BENCH_DIR BENCH_OUT BENCH_PROBE BENCH_LIB
  export BENCH_WRK_THREADS BENCH_WRK_CONNECTIONS BENCH_WRK_DURATION
  export VITAE_PORT=$port VITAE_URL=http://127.0.0.1:$port VITAE_PID
  for c in "${cases[@]}"; do
    [[ -x $c ]] || { bench_log "skipping $c (not executable)"; continue; }
    name=$(basename "$c" .sh)
    bench_log "case $name"
    crc=0
    out=$(timeout --kill-after=5 "$CASE_TIMEOUT" "$c" 2>"$BENCH_OUT/cases/$name.log") || crc=$?
    while IFS= read -r l; do
      if [[ $l == '|'* ]]; then printf '%s\n' "$l" >>"$BENCH_ROWS_FILE"; else printf '%s\n' "$l" >&2; fi
    done <<<"$out"
    if ((crc != 0)); then
      row "case $name" "failed (exit $crc), see bench/out/cases/$name.log" "—" MISS
    fi
  done
  stop_pid "$VITAE_PID" 5000
  rm -rf -- "$data"
fi

# --- the table ---------------------------------------------------------------------------
{
  echo "| metric | value | target | verdict |"
  echo "|---|---|---|---|"
  cat "$BENCH_ROWS_FILE"
} >"$results"
rm -f "$BENCH_ROWS_FILE"
cat "$results"
bench_log "written to ${results#"$PWD"/} (figures depend on this machine: $(nproc) cores)"

if [[ ${BENCH_STRICT:-0} == 1 ]] && grep -q '| MISS |$' "$results"; then
  exit 1
fi
exit 0
