#!/usr/bin/env bash
# The browser tests, as `make test` runs them (a ctest test): installs playwright-core at
# the version package-lock.json pins (no browser download; Debian's /usr/bin/chromium is
# used), then runs the editor test against the given vitae binary.
#   tests/e2e/run.sh build-asan/vitae
set -euo pipefail
binary=$(readlink -f -- "${1:?usage: $0 <path to the vitae binary>}")
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --loglevel=error
exec node editor.test.mjs "$binary"
