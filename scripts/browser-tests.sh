#!/usr/bin/env bash
# Starts the built server on a free port with a fresh demo database and runs the
# headless-Chromium tests against it.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${CARGO_TARGET_DIR:-target}"
work="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
cleanup() { [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
( cd tests/browser && { [ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund --silent; } )
LEPTOS_SITE_ADDR="127.0.0.1:$port" SEED_DEMO=true DATABASE_URL="sqlite:$work/browser.db" \
  "$target/debug/server" >"$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
  sleep 0.5
done
if ! BASE_URL="http://127.0.0.1:$port" node tests/browser/flow.mjs; then
  echo "--- server log ---"; tail -n 50 "$work/server.log"; exit 1
fi
