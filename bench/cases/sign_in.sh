#!/usr/bin/env bash
# bench/cases/sign_in.sh: sign-ins per second (POST /login with the right password, the
# default Argon2id cost) against its own instance. Each sign-in runs one Argon2id verify,
# writes a session row and an audit row, and answers 303.
# The instance trusts 127.0.0.1 as a reverse proxy and every request names another client
# in X-Forwarded-For, so the per-IP sign-in rate limit (30 burst, 1/s) measures nothing
# here: this is the server's capacity, not one client's allowance.
# Target ≥ 10 sign-ins/s: a team of hundreds arriving at 9:00 signs in within a minute.
# Argon2id is CPU-bound and capped at 4 concurrent hashes, so on 2 cores the ceiling is
# about 2 / verify time.
set -euo pipefail
BENCH_LIB=${BENCH_LIB:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/lib.sh}
# shellcheck source=SCRIPTDIR/../lib.sh
source "$BENCH_LIB"
bench_traps

TARGET_RPS=10
EMAIL=bench@example.org
PASSWORD='a long bench passphrase'

# run.sh exports VITAE_BIN, VITAE_URL, … for the cases; vitae refuses VITAE_* keys it does
# not know, and VITAE_PORT would move this instance onto the shared one's port.
vitae() { env -u VITAE_BIN -u VITAE_URL -u VITAE_PORT -u VITAE_PID "$VITAE_BIN" "$@"; }

data=$(mktemp -d "${TMPDIR:-/tmp}/vitae-bench-signin.XXXXXX")
track_dir "$data"
printf '%s\n' "$PASSWORD" | vitae user create --admin --email "$EMAIL" --data-dir "$data" >&2

port=$(free_port)
vitae serve --addr 127.0.0.1 --port "$port" --data-dir "$data" --trusted-proxies 127.0.0.1 \
  </dev/null >"$BENCH_OUT/cases/sign_in-vitae.log" 2>&1 &
pid=$!
track_pid "$pid"
wait_http "$port" /healthz 5000 "$pid" || { bench_log "sign_in: vitae did not start"; exit 1; }

# The sign-in form's CSRF token comes in a cookie of its own, echoed in the form.
csrf=$(curl -s -D - -o /dev/null "http://127.0.0.1:$port/login" |
  sed -n 's/^Set-Cookie: vitae_csrf=\([^;]*\).*/\1/p' | tr -d '\r')
[[ -n $csrf ]] || { bench_log "sign_in: no CSRF cookie from /login"; exit 1; }

script=$BENCH_OUT/cases/sign_in.lua
cat >"$script" <<LUA
wrk.method = "POST"
wrk.body = "email=$EMAIL&password=$(sed 's/ /+/g' <<<"$PASSWORD")&csrf=$csrf"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "vitae_csrf=$csrf"
local n = 0
request = function()
  n = n + 1
  local ip = string.format("10.%d.%d.%d", math.floor(n / 65536) % 256, math.floor(n / 256) % 256, n % 256)
  wrk.headers["X-Forwarded-For"] = ip
  return wrk.format()
end
LUA

out=$BENCH_OUT/cases/wrk-sign-in.txt
BENCH_WRK_CONNECTIONS=8 run_wrk "http://127.0.0.1:$port/login" "$out" -s "$script"
rps=$(wrk_rps "$out")
p99=$(wrk_p99_ms "$out")
stop_pid "$pid" 5000
# Every answer must have been the 303 of a successful sign-in; the access log says.
log=$data/logs/vitae.log
total=$(grep -c 'method=POST path=/login ' "$log" || true)
signed_in=$(grep -c 'method=POST path=/login status=303' "$log" || true)
errors=$(($(wrk_errors "$out") + total - signed_in))
(( total > 0 )) || { bench_log "sign_in: no POST /login reached the server"; exit 1; }
bench_log "sign_in: $rps req/s, p99 $p99 ms, errors $errors"
row "sign-in throughput (POST /login, right password, 8 connections)" "$(fmt_num "$rps" 1) req/s" \
  "≥ $TARGET_RPS req/s" "$(verdict_ge "$rps" "$TARGET_RPS")"
row "sign-in p99 latency" "$(fmt_num "$p99" 0) ms" "—" "—"
row "sign-in answers other than 303, and socket errors" "$errors of $total" "0" \
  "$([[ $errors == 0 ]] && echo ok || echo MISS)"
