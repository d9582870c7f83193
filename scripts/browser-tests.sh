#!/usr/bin/env bash
# Starts the built server on a free port with a fresh demo database and runs the
# headless-Chromium tests against it. BUILD=release tests the release build (make release)
# instead of the debug one.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${CARGO_TARGET_DIR:-target}"
profile=debug
if [ "${BUILD:-debug}" = release ]; then profile=release; export LEPTOS_SITE_ROOT=target/site-release; fi
work="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
cleanup() {
  [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null
  [ -n "${smtp_pid:-}" ] && kill "$smtp_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
( cd tests/browser && { [ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund --silent; } )
# a real SMTP server (aiosmtpd): e-mails the server sends land in $work/mail, one JSON each
mkfifo "$work/smtp-stdin"
python3 tests/support/smtp_sink.py "$work/mail" <"$work/smtp-stdin" >"$work/smtp-port" &
smtp_pid=$!
exec 9>"$work/smtp-stdin"
for _ in $(seq 1 50); do [ -s "$work/smtp-port" ] && break; sleep 0.1; done
smtp_port="$(head -n1 "$work/smtp-port")"
LEPTOS_SITE_ADDR="127.0.0.1:$port" SEED_DEMO=true DATABASE_URL="sqlite:$work/browser.db" \
  SMTP_URL="smtp://127.0.0.1:$smtp_port" PUBLIC_BASE_URL="http://127.0.0.1:$port" \
  "$target/$profile/server" >"$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
  sleep 0.5
done
if ! BASE_URL="http://127.0.0.1:$port" MAIL_DIR="$work/mail" node tests/browser/flow.mjs; then
  echo "--- server log ---"; tail -n 50 "$work/server.log"; exit 1
fi
