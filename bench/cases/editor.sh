#!/usr/bin/env bash
# bench/cases/editor.sh: the CV editor page of the rich fixture CV (every section, long
# content, Greek and Cyrillic), rendered for its signed-in owner: GET /cvs/{id}/edit with
# the session cookie, against its own instance. One connection (wrk -t1 -c1) so that the
# latency is the render (read the CV, validate it, build the form, mustache), not time
# spent queued behind other requests. Target < 5 ms for the median and for p99: the page
# is loaded after every button press when JavaScript is off.
set -euo pipefail
BENCH_LIB=${BENCH_LIB:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/lib.sh}
# shellcheck source=SCRIPTDIR/../lib.sh
source "$BENCH_LIB"
bench_traps

TARGET_MS=5
EMAIL=editor-bench@example.org
PASSWORD='a long bench passphrase'
FIXTURE=$BENCH_DIR/../tests/fixtures/resume/rich.json

# run.sh exports VITAE_BIN, VITAE_URL, … for the cases; vitae refuses VITAE_* keys it does
# not know, and VITAE_PORT would move this instance onto the shared one's port.
vitae() { env -u VITAE_BIN -u VITAE_URL -u VITAE_PORT -u VITAE_PID "$VITAE_BIN" "$@"; }

# wrk_percentile_ms FILE PERCENT: a line of wrk's "Latency Distribution" block, in ms.
wrk_percentile_ms() {
  awk -v want="$2%" '
    /Latency Distribution/ { in_dist = 1; next }
    in_dist && $1 == want {
      if (match($2, /^[0-9.]+/)) {
        n = substr($2, 1, RLENGTH) + 0; u = substr($2, RLENGTH + 1)
        if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
        printf "%.3f\n", n
      }
      exit
    }' "$1"
}

data=$(mktemp -d "${TMPDIR:-/tmp}/vitae-bench-editor.XXXXXX")
track_dir "$data"
printf '%s\n' "$PASSWORD" | vitae user create --email "$EMAIL" --data-dir "$data" >&2
token=$(vitae token create --email "$EMAIL" --name bench --data-dir "$data" | awk 'NF { t = $NF } END { print t }')

port=$(free_port)
vitae serve --addr 127.0.0.1 --port "$port" --data-dir "$data" \
  </dev/null >"$BENCH_OUT/cases/editor-vitae.log" 2>&1 &
pid=$!
track_pid "$pid"
wait_http "$port" /healthz 5000 "$pid" || { bench_log "editor: vitae did not start"; exit 1; }
base=http://127.0.0.1:$port

body=$BENCH_OUT/cases/editor-cv.json
printf '{"title":"Rich fixture","template":"modern","resume":%s}' "$(cat "$FIXTURE")" >"$body"
id=$(curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  --data-binary "@$body" "$base/api/v1/cvs" | grep -o '"id":[0-9][0-9]*' | head -n1 | cut -d: -f2)
[[ -n $id ]] || { bench_log "editor: could not create the CV"; exit 1; }

# Signing in as a browser does: the login form's CSRF cookie, then the session cookie.
csrf=$(curl -s -D - -o /dev/null "$base/login" |
  sed -n 's/^Set-Cookie: vitae_csrf=\([^;]*\).*/\1/p' | tr -d '\r')
session=$(curl -s -D - -o /dev/null -H "Cookie: vitae_csrf=$csrf" \
  --data-urlencode "email=$EMAIL" --data-urlencode "password=$PASSWORD" \
  --data-urlencode "csrf=$csrf" "$base/login" |
  sed -n 's/^Set-Cookie: vitae_session=\([^;]*\).*/\1/p' | tr -d '\r')
[[ -n $session ]] || { bench_log "editor: sign-in gave no session cookie"; exit 1; }

page=$BENCH_OUT/cases/editor-page.html
status=$(curl -s -o "$page" -w '%{http_code}' -H "Cookie: vitae_session=$session" "$base/cvs/$id/edit")
if [[ $status != 200 ]] || ! grep -q 'name="projects\[0\]\[roles\]\[1\]"' "$page"; then
  bench_log "editor: GET /cvs/$id/edit answered $status without the whole form"
  exit 1
fi
bench_log "editor: the page is $(wc -c <"$page") bytes"

out=$BENCH_OUT/cases/wrk-editor.txt
BENCH_WRK_THREADS=1 BENCH_WRK_CONNECTIONS=1 run_wrk "$base/cvs/$id/edit" "$out" \
  -H "Cookie: vitae_session=$session"
stop_pid "$pid" 5000
median=$(wrk_percentile_ms "$out" 50)
p99=$(wrk_percentile_ms "$out" 99)
rps=$(wrk_rps "$out")
errors=$(wrk_errors "$out")
[[ -n $median && -n $p99 ]] || { bench_log "editor: no latency figures in $out"; exit 1; }
bench_log "editor: median $median ms, p99 $p99 ms, $rps req/s, errors $errors"
row "editor page render (rich CV), median (1 connection)" "$(fmt_num "$median" 2) ms" \
  "< $TARGET_MS ms" "$(verdict_lt "$median" "$TARGET_MS")"
row "editor page render (rich CV), p99" "$(fmt_num "$p99" 2) ms" "< $TARGET_MS ms" \
  "$(verdict_lt "$p99" "$TARGET_MS")"
row "editor page render errors (non-2xx + socket)" "$errors" "0" \
  "$([[ $errors == 0 ]] && echo ok || echo MISS)"
