#!/usr/bin/env bash
# Property-based fuzzing of /api/v1 with schemathesis against the served OpenAPI document:
# a fresh demo database, tokens of an officer, a signatory and a reviewer made on the account
# page, every operation, all checks, a bounded number of examples per operation. Fails on any
# 5xx answer or any answer that does not match the document.
# Usage: scripts/api-fuzz.sh [EXAMPLES]   (BUILD=release for the release build)
set -euo pipefail
cd "$(dirname "$0")/.."
examples="${1:-50}"
target="${CARGO_TARGET_DIR:-$HOME/.cache/outage-desk/target}"
profile=debug
if [ "${BUILD:-debug}" = release ]; then profile=release; export LEPTOS_SITE_ROOT=target/site-release; fi
command -v st >/dev/null || python3 -m pip install --quiet --disable-pip-version-check 'schemathesis>=4.3,<5'
work="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
cleanup() {
  [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
base="http://127.0.0.1:$port"
# a high rate limit: the fuzzer is one client sending thousands of requests
LEPTOS_SITE_ADDR="127.0.0.1:$port" SEED_DEMO=true DATABASE_URL="sqlite:$work/fuzz.db" \
  PUBLIC_BASE_URL="$base" API_RATE_PER_MINUTE=100000 RUST_LOG=warn \
  "$target/$profile/server" >"$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 240); do
  curl -fsS "$base/readyz" >/dev/null 2>&1 && break
  sleep 0.5
done
if ! curl -fsS "$base/readyz" >/dev/null 2>&1; then
  echo "the server did not start:"; tail -n 40 "$work/server.log"; exit 1
fi
echo "==> the curl session of docs/API.md"
if ! scripts/api-session.sh "$base"; then
  echo "--- server log (last 40 lines) ---"; tail -n 40 "$work/server.log"; exit 1
fi
demo_key="DEMOKEYOFOUTAGEDESKMAKERUNTWO2FA"
password="demo-password-2026"
officer="$(scripts/api-token.py "$base" officer@pangyo-talk.example "$password" read,file)"
reviewer="$(scripts/api-token.py "$base" reviewer@msit.example "$password" read,ministry_read "$demo_key")"
# Real references, so generated requests reach the rules and not only "not found"
# (tests/schemathesis.toml reads these): a fresh incident of the officer's, with its initial
# draft open; a case in the ministry's queue; a published incident.
bearer() { curl -fsS -H "Authorization: Bearer $1" "${@:2}"; }
FUZZ_OWN_REFERENCE="$(bearer "$officer" -H 'Content-Type: application/json' -H 'Idempotency-Key: fuzz-target' \
  -d '{"title":"퍼징 대상 <b>&"}' "$base/api/v1/incidents" | jq -r .reference)"
FUZZ_CASE_REFERENCE="$(bearer "$reviewer" "$base/api/v1/ministry/queue" | jq -r '.items[0].incident_reference')"
FUZZ_PUBLIC_REFERENCE="$(curl -fsS "$base/api/v1/public/incidents" | jq -r '.items[0].reference')"
export FUZZ_OWN_REFERENCE FUZZ_CASE_REFERENCE FUZZ_PUBLIC_REFERENCE
echo "==> fuzzing with $FUZZ_OWN_REFERENCE (own), $FUZZ_CASE_REFERENCE (case), $FUZZ_PUBLIC_REFERENCE (public)"
run() {
  local name="$1" token="$2"
  shift 2
  echo "==> schemathesis as the $name ($examples examples per operation)"
  if ! st --config-file tests/schemathesis.toml run "$base/api/v1/openapi.json" --url "$base/api/v1" -H "Authorization: Bearer $token" \
      --max-examples "$examples" --seed 15 --no-color \
      --report junit --report-dir "$work/report-$name" "$@"; then
    echo "--- server log (last 40 lines) ---"; tail -n 40 "$work/server.log"; exit 1
  fi
}
run officer "$officer"
run reviewer "$reviewer" --include-tag ministry
if grep -q ' panicked at ' "$work/server.log"; then
  echo "the server panicked:"; grep -A5 ' panicked at ' "$work/server.log"; exit 1
fi
