#!/usr/bin/env bash
# Makes sure the PostgreSQL the tests use answers; starts (or installs) a local one if not.
set -euo pipefail
url="${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
if psql "$url" -Atc 'SELECT 1' >/dev/null 2>&1; then exit 0; fi
echo "==> PostgreSQL at $url does not answer; starting the local cluster"
if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql
fi
ver="$(ls /etc/postgresql | head -n1)"
pg_ctlcluster --skip-systemctl-redirect "$ver" main start || true
for _ in $(seq 1 30); do
  psql "$url" -Atc 'SELECT 1' >/dev/null 2>&1 && exit 0
  sleep 1
done
echo "PostgreSQL did not come up at $url (set TEST_POSTGRES_URL to another server)" >&2
exit 1
