#!/usr/bin/env bash
# Times the ministry's queue, overview and a case page against a running server (3 runs each),
# signed in as the demo reviewer. With scripts/generate-load.py this is how the numbers in
# docs/REVIEW.md were taken. Usage: scripts/measure-queue.sh [port]
set -euo pipefail
port="${1:-3000}"
base="http://127.0.0.1:$port"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
jar="$work/jar"
token="$(curl -s -c "$jar" -b "$jar" "$base/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"//')"
curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "email=reviewer@msit.example" \
  --data-urlencode "password=demo-password-2026" --data-urlencode "_csrf=$token" "$base/login"
time_it() {
  local path="$1" runs="$2"
  for _ in $(seq 1 "$runs"); do curl -s -b "$jar" -o "$work/page.html" -w "%{time_total} " "$base$path"; done
  echo " <- $path ($(grep -o 'href="/review/filings/' "$work/page.html" | wc -l) filing links)"
}
for q in "" "stage=final" "regime=EU_NIS2" "severity=serious&order=oldest" "overdue=yes" "assignee=me" \
  "new=yes" "after=1600000000-90000" "regime=KR_FA38&severity=alert&assignee=none&after=1580000000-40000"; do
  time_it "/review?$q" 3
done
time_it /review/overview 2
time_it /review/incidents/OD-2025-000001 2
