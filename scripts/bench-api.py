#!/usr/bin/env python3
"""Latency of a draft update and of a submission through /api/v1, on SQLite and PostgreSQL.

Usage: scripts/bench-api.py [--updates N] [--submits M] [--backends sqlite,postgres]
Starts the server built by `make release` (BUILD=debug for the debug build) on a fresh demo
database per backend, makes an officer's and a signatory's token as people would, then, from
one client with a kept-alive connection, sends N draft updates (PATCH with If-Match, each
changing one answer) and M submissions (each of a new interim update: start the stage, change
one answer, read its hash, submit - only the submit is timed; it stores the version and renders
its official PDF). The reference measured in the same run is GET /healthz on the same
connection. Prints a Markdown table of p50/p99 in milliseconds.
"""
import argparse
import http.client
import json
import os
import pathlib
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid

ROOT = pathlib.Path(__file__).resolve().parent.parent
DEMO_KEY = "DEMOKEYOFOUTAGEDESKMAKERUNTWO2FA"
PASSWORD = "demo-password-2026"
INITIAL = json.loads((ROOT / "docs" / "examples" / "initial-answers.json").read_text())["fields"]
INTERIM = {
    "severity": "alert", "pct_services_restored": "40", "data_loss": "no",
    "timeline.0.at": "2026-01-10T09:05:00+09:00", "timeline.0.kind": "detect", "timeline.0.text": "경보 발생",
}



def token(base, email, scopes, key=None):
    args = [sys.executable, str(ROOT / "scripts" / "api-token.py"), base, email, PASSWORD, scopes]
    if key:
        args.append(key)
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout.strip()


class Api:
    def __init__(self, port, token):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.token = token

    def call(self, method, path, body=None, headers=None):
        h = {"Authorization": f"Bearer {self.token}"}
        if body is not None:
            h["Content-Type"] = "application/json"
        if method == "POST":
            h["Idempotency-Key"] = str(uuid.uuid4())
        h.update(headers or {})
        data = json.dumps(body).encode() if body is not None else None
        start = time.perf_counter()
        self.conn.request(method, "/api/v1" + path, body=data, headers=h)
        resp = self.conn.getresponse()
        raw = resp.read()
        elapsed = (time.perf_counter() - start) * 1000
        return resp.status, (json.loads(raw) if raw else None), elapsed


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def run(backend, binary, site_root, updates, submits):
    port = socket.socket()
    port.bind(("127.0.0.1", 0))
    port_no = port.getsockname()[1]
    port.close()
    work = tempfile.mkdtemp()
    pg_db = None
    if backend == "sqlite":
        url = f"sqlite:{work}/bench.db"
    else:
        admin = os.environ.get("TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
        pg_db = f"od_bench_{os.getpid()}"
        subprocess.run(["psql", admin, "-qc", f"CREATE DATABASE {pg_db}"], check=True)
        url = admin.rsplit("/", 1)[0] + "/" + pg_db
    env = dict(os.environ, LEPTOS_SITE_ADDR=f"127.0.0.1:{port_no}", SEED_DEMO="true", DATABASE_URL=url,
               LEPTOS_OUTPUT_NAME="outage-desk", LEPTOS_SITE_ROOT=site_root, LEPTOS_SITE_PKG_DIR="pkg",
               API_RATE_PER_MINUTE="10000000", RUST_LOG="warn", PUBLIC_BASE_URL=f"http://127.0.0.1:{port_no}")
    log = open(f"{work}/server.log", "w")
    server = subprocess.Popen([binary], env=env, stdout=log, stderr=log, cwd=ROOT)
    base = f"http://127.0.0.1:{port_no}"
    try:
        for _ in range(240):
            try:
                c = http.client.HTTPConnection("127.0.0.1", port_no, timeout=2)
                c.request("GET", "/readyz")
                if c.getresponse().status == 200:
                    break
            except OSError:
                time.sleep(0.5)
        officer = Api(port_no, token(base, "officer@pangyo-talk.example", "read,file"))
        signer = Api(port_no, token(base, "signatory@pangyo-talk.example", "read,file,submit", DEMO_KEY))
        status, incident, _ = officer.call("POST", "/incidents", {"title": "벤치마크 장애 / benchmark outage"})
        assert status == 201, (status, incident)
        ref = incident["reference"]
        draft = f"/incidents/{ref}/draft"
        rev = incident["draft"]["revision"]

        def patch(fields):
            nonlocal rev
            status, body, ms = officer.call("PATCH", draft, {"fields": fields}, {"If-Match": f'"{rev}"'})
            assert status == 200, (status, body)
            rev = body["revision"]
            return ms

        patch(INITIAL)
        update_ms = [patch({"description": f"데이터센터 전원 차단으로 메신저 중단 ({i})"}) for i in range(updates)]

        def submit():
            status, check, _ = signer.call("GET", f"{draft}/check")
            assert check["ready"], check
            body = {"signatory_title": "대표이사", "declaration": True, "content_sha256": check["content_sha256"]}
            status, out, ms = signer.call("POST", f"{draft}/submit", body)
            assert status == 201, (status, out)
            return ms

        submit_ms = [submit()]
        for i in range(submits - 1):
            status, body, _ = officer.call("POST", draft, {"stage": "interim"})
            assert status == 201, (status, body)
            rev = body["revision"]
            patch({**INTERIM, "pct_services_restored": str(40 + i % 60)})
            submit_ms.append(submit())
        reference_ms = []
        probe = http.client.HTTPConnection("127.0.0.1", port_no, timeout=10)
        for _ in range(updates):
            start = time.perf_counter()
            probe.request("GET", "/healthz")
            probe.getresponse().read()
            reference_ms.append((time.perf_counter() - start) * 1000)
        return update_ms, submit_ms, reference_ms
    finally:
        server.terminate()
        server.wait(timeout=30)
        if pg_db:
            admin = os.environ.get("TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
            subprocess.run(["psql", admin, "-qc", f"DROP DATABASE IF EXISTS {pg_db} WITH (FORCE)"], check=False)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--updates", type=int, default=300)
    ap.add_argument("--submits", type=int, default=60)
    ap.add_argument("--backends", default="sqlite,postgres")
    args = ap.parse_args()
    target = os.environ.get("CARGO_TARGET_DIR", os.path.expanduser("~/.cache/outage-desk/target"))
    release = os.environ.get("BUILD", "release") == "release"
    binary = f"{target}/{'release' if release else 'debug'}/server"
    site_root = "target/site-release" if release else "target/site"
    print(f"build: {'release' if release else 'debug'}; {args.updates} draft updates, {args.submits} submissions per backend")
    print("| backend | operation | n | p50 ms | p99 ms | GET /healthz p50 ms (reference) | p50 ÷ reference |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for backend in args.backends.split(","):
        updates, submits, reference = run(backend, binary, site_root, args.updates, args.submits)
        ref50 = statistics.median(reference)
        for name, values in (("draft update (PATCH)", updates), ("submit (POST, PDF rendered)", submits)):
            p50 = statistics.median(values)
            print(f"| {backend} | {name} | {len(values)} | {p50:.2f} | {pct(values, 99):.2f} | {ref50:.2f} | {p50 / ref50:.1f} |")


if __name__ == "__main__":
    main()
