#!/usr/bin/env bash
# The public side on an outage day (issue #14): the release build against nginx serving the very
# same response bytes from static files, in the same run, on this machine.
#
# For 1,000 and 100,000 published incidents (50 operators; scripts/seed-published.py) it measures
# with wrk the public list, a detail page, an operator page and the Atom feed at 64 and 256
# connections, then a page's p99 while 8 official PDFs render at once, and the ministry's overview.
# Prints a Markdown table (also written to target/bench/public.md). Not a test: nothing here fails
# on a number; the ratios are for people to read.
#
# Usage: scripts/bench-public.sh [SECONDS per wrk run, default 10] [incident counts, default "1000 100000"]
# (BENCH_NO_BUILD=1 skips the release build and measures the one already made)
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-10}"
sizes="${2:-1000 100000}"
say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/outage-desk/target}"
export LEPTOS_OUTPUT_NAME=outage-desk LEPTOS_SITE_PKG_DIR=pkg
export LEPTOS_SITE_ROOT=target/site-release
export TEMPLATES_DIR=report-templates

need=()
command -v wrk >/dev/null || need+=(wrk)
command -v nginx >/dev/null || need+=(nginx-light)
command -v sqlite3 >/dev/null || need+=(sqlite3)
if [ ${#need[@]} -gt 0 ]; then
  say "Installing ${need[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}"
fi
# BENCH_NO_BUILD=1 measures the release build already made
[ "${BENCH_NO_BUILD:-}" = 1 ] || scripts/release-build.sh

work="$(mktemp -d /tmp/od-bench.XXXXXX)"
chmod 755 "$work" # nginx's workers read the static files
server_pid="" nginx_conf="" pdf_pids=()
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  [ -n "$nginx_conf" ] && nginx -c "$nginx_conf" -s stop 2>/dev/null || true
  [ ${#pdf_pids[@]} -gt 0 ] && kill "${pdf_pids[@]}" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
app_port=3180 nginx_port=3181
app="http://127.0.0.1:$app_port"

start_server() { # database path
  SEED_DEMO=true DATABASE_URL="sqlite:$1" LEPTOS_SITE_ADDR="127.0.0.1:$app_port" RUST_LOG=warn \
    "$CARGO_TARGET_DIR/release/server" >"$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 300); do curl -sf -o /dev/null "$app/readyz" && return 0; sleep 0.2; done
  cat "$work/server.log" >&2
  return 1
}
stop_server() { kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""; }

mkdir -p "$work/static"
nginx_conf="$work/nginx.conf"
cat >"$nginx_conf" <<EOF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  types { text/html html; application/atom+xml atom; }
  server { listen 127.0.0.1:$nginx_port; root $work/static; }
}
EOF
nginx -c "$nginx_conf"

# wrk: requests/s and p99 in ms
measure() { # url conns
  local out rps p99
  out="$(wrk -t2 -c"$2" -d"${secs}s" --latency "$1")"
  rps="$(awk '/^Requests\/sec/ {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  case "$p99" in *us) p99="$(awk -v v="${p99%us}" 'BEGIN {printf "%.2f", v / 1000}')";;
    *ms) p99="${p99%ms}";; *s) p99="$(awk -v v="${p99%s}" 'BEGIN {printf "%.0f", v * 1000}')";; esac
  echo "$rps $p99"
}

# the ministry's overview, signed in as the demo review lead (two-step code from the demo key)
overview_ms() {
  local jar="$work/jar" token code
  rm -f "$jar"
  token="$(curl -s -c "$jar" -b "$jar" "$app/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"//')"
  curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "email=lead@msit.example" \
    --data-urlencode "password=demo-password-2026" --data-urlencode "_csrf=$token" "$app/login"
  token="$(curl -s -c "$jar" -b "$jar" "$app/login/two-step" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"//')"
  code="$(scripts/totp-code | cut -d' ' -f1)"
  curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "code=$code" --data-urlencode "_csrf=$token" "$app/login/two-step"
  local times=()
  for _ in 1 2 3 4 5; do
    times+=("$(curl -s -b "$jar" -o "$work/overview.html" -w '%{http_code} %{time_total}' "$app/review/overview")")
  done
  grep -q '<svg' "$work/overview.html" || { echo "the overview did not answer: ${times[*]}" >&2; return 1; }
  printf '%s\n' "${times[@]}" | awk '{printf "%s%.0f", (NR > 1 ? " / " : ""), $2 * 1000}'
}

# 8 clients each downloading official PDFs of versions filed after start-up (not yet rendered)
pdf_load() { # database path; runs until killed
  local db="$1" jar="$work/officer" token
  token="$(curl -s -c "$jar" -b "$jar" "$app/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"//')"
  curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "email=officer@pangyo-talk.example" \
    --data-urlencode "password=demo-password-2026" --data-urlencode "_csrf=$token" "$app/login"
  mapfile -t refs < <(sqlite3 "$db" "SELECT f.reference FROM filings f JOIN organisations o ON o.id = f.org_id
    WHERE o.slug = 'pangyo-talk' AND f.id > (SELECT MAX(subject_id) FROM official_documents WHERE kind = 'filing') ORDER BY f.id")
  [ "${#refs[@]}" -ge 8 ] || { echo "no unrendered filings for the PDF load" >&2; return 1; }
  for k in $(seq 0 7); do
    ( i=$k; while :; do
        curl -s -b "$jar" -o /dev/null "$app/filing/filings/${refs[$i]}/pdf"; i=$(( (i + 8) % ${#refs[@]} ))
      done ) &
    pdf_pids+=($!)
  done
}

# versions filed after start-up: refiled copies of the demo operator's own filings, with no
# document yet, so each download renders one
add_unrendered_filings() { # database path
  sqlite3 "$1" "WITH RECURSIVE v(n) AS (SELECT 2 UNION ALL SELECT n + 1 FROM v WHERE n < 99)
    INSERT INTO filings (incident_id, org_id, version, reference, stage, status, content_json, content_sha256,
      submitted_by, submitted_at, regimes, severity)
    SELECT f.incident_id, f.org_id, v.n, substr(f.reference, 1, length(f.reference) - 3) || printf('-%02d', v.n), 'final',
      f.status, f.content_json, f.content_sha256, f.submitted_by, f.submitted_at + 60 * v.n, f.regimes, f.severity
    FROM filings f JOIN organisations o ON o.id = f.org_id, v
    WHERE o.slug = 'pangyo-talk' AND f.version = 1 AND f.reference LIKE 'OD-200%'
      AND (SELECT MAX(g.version) FROM filings g WHERE g.incident_id = f.incident_id) = 1
    LIMIT 2000"
}

report="target/bench/public.md"
mkdir -p target/bench
{
  echo "| incidents | page | conns | app rps | nginx rps | ratio | app p99 ms | nginx p99 ms |"
  echo "|---:|---|---:|---:|---:|---:|---:|---:|"
} >"$report.rows"
notes=()
for size in $sizes; do
  db="$work/bench-$size.db"
  say "Seeding $size published incidents"
  start_server "$db"; stop_server
  scripts/seed-published.py "$db" "$size" >&2
  start_server "$db"
  # first, while the overview is computed at start-up (its first visit waits for that), so
  # the computation does not run during the measurements
  notes+=("$size incidents: ministry overview, 5 visits, ms (the first waits for the start-up computation): $(overview_ms)")
  slug="bench-operator-07"
  detail="$(sqlite3 "$db" "SELECT i.reference FROM publications p JOIN incidents i ON i.id = p.incident_id ORDER BY p.sort_at DESC LIMIT 1 OFFSET 3")"
  declare -A pages=(
    [list]="/incidents" [detail]="/incidents/$detail" [operator]="/operators/$slug" [atom]="/feeds/incidents.atom"
  )
  for name in list detail operator atom; do
    ext=html; [ "$name" = atom ] && ext=atom
    curl -sf -o "$work/static/$name.$ext" "$app${pages[$name]}"
    bytes="$(stat -c %s "$work/static/$name.$ext")"
    for conns in 64 256; do
      say "$size incidents: $name (${pages[$name]}, $bytes bytes), $conns connections"
      read -r a_rps a_p99 <<<"$(measure "$app${pages[$name]}" "$conns")"
      read -r n_rps n_p99 <<<"$(measure "http://127.0.0.1:$nginx_port/$name.$ext" "$conns")"
      ratio="$(awk -v a="$a_rps" -v n="$n_rps" 'BEGIN {printf "%.2f", a / n}')"
      echo "| $size | $name | $conns | ${a_rps%.*} | ${n_rps%.*} | $ratio | $a_p99 | $n_p99 |" >>"$report.rows"
    done
  done
  say "$size incidents: the list's p99 while 8 official PDFs render"
  read -r _ idle <<<"$(measure "$app/incidents" 64)"
  add_unrendered_filings "$db"
  pdf_pids=()
  pdf_load "$db"
  sleep 1
  read -r _ busy <<<"$(measure "$app/incidents" 64)"
  kill "${pdf_pids[@]}" 2>/dev/null || true
  rendered="$(sqlite3 "$db" "SELECT COUNT(*) FROM official_documents d JOIN filings f ON f.id = d.subject_id WHERE d.kind = 'filing' AND f.version > 1 AND f.reference LIKE 'OD-200%'")"
  notes+=("$size incidents: list p99 at 64 connections idle $idle ms, while 8 PDF downloads render $busy ms ($(awk -v b="$busy" -v i="$idle" 'BEGIN {printf "%.2f", b / i}')×; $rendered PDFs rendered meanwhile)")
  stop_server
done
{
  echo "Public side, release build, SQLite, wrk -t2 -d${secs}s, $(nproc) cores; nginx $(nginx -v 2>&1 | sed 's/.*\///') serving the same bytes."
  echo
  cat "$report.rows"
  echo
  for n in "${notes[@]}"; do echo "- $n"; done
} >"$report"
rm -f "$report.rows"
cat "$report"
