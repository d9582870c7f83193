#!/usr/bin/env python3
"""Adds N published incidents across 50 operators to a SQLite database that `make run`'s demo
data is in (the benchmark's data: scripts/bench-public.sh). Each copies the demo's published
incident (its final filing, official document and approved summary) with its own operator,
reference, dates, duration, users, cause and commitments, and the public facts the public side
searches, so lists, filters, operator records and feeds have real variety.
Usage: scripts/seed-published.py data/bench.db 100000"""
import hashlib
import random
import sqlite3
import sys
import time

db, n = sys.argv[1], int(sys.argv[2])
OPERATORS = 50
CAUSES = ["SYSTEM_FAILURE", "PROCESS_FAILURE", "HUMAN_ERROR", "EXTERNAL_EVENT", "MALICIOUS_ACTION", "CAPACITY_OVERLOAD", "POWER", "THIRD_PARTY"]
SERVICES = ["메신저", "로그인", "결제", "지도", "택시 호출", "송금", "검색", "메일"]
rng = random.Random(20221015)
PLACEHOLDER = b"%PDF-1.7\n% benchmark placeholder: scripts/seed-published.py\n"
PLACEHOLDER_SHA = hashlib.sha256(PLACEHOLDER).hexdigest()
c = sqlite3.connect(db)
c.row_factory = sqlite3.Row


def template(sql):
    row = c.execute(sql).fetchone()
    if row is None:
        sys.exit(f"no template row for: {sql} (is the demo data loaded?)")
    return dict(row)


def insert(table, row):
    cols = list(row)
    c.execute(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", [row[k] for k in cols])
    return c.execute("SELECT last_insert_rowid()").fetchone()[0]


pub = template("SELECT * FROM publications ORDER BY id LIMIT 1")
inc = template(f"SELECT * FROM incidents WHERE id = {pub['incident_id']}")
fil = template(f"SELECT * FROM filings WHERE id = {pub['filing_id']}")
org = template(f"SELECT * FROM organisations WHERE id = {inc['org_id']}")
doc = template(f"SELECT * FROM official_documents WHERE kind = 'filing' AND subject_id = {fil['id']}")
start = int(c.execute("SELECT COALESCE(MAX(id), 0) FROM incidents").fetchone()[0])

with c:
    # the demo operator is one of the 50 (its officer downloads PDFs in the benchmark)
    orgs = [(org["id"], org["name_ko"], org["name_en"])]
    for k in range(2, OPERATORS + 1):
        o = dict(org, id=None, slug=f"bench-operator-{k:02d}", name_ko=f"벤치 사업자 {k:02d}", name_en=f"Bench Operator {k:02d}")
        orgs.append((insert("organisations", o), o["name_ko"], o["name_en"]))
    for i in range(1, n + 1):
        org_id, name_ko, name_en = orgs[i % OPERATORS]
        onset = 1_577_836_800 + rng.randrange(0, 6 * 365 * 86_400)  # 2020 to 2025
        duration = rng.choice([15, 40, 90, 180, 600, 1_500, 4_000]) + rng.randrange(0, 60)
        users = rng.randrange(1_000, 5_000_000)
        cause = rng.choice(CAUSES)
        service = rng.choice(SERVICES)
        reference = f"OD-{2000 + i // 100_000:04d}-{i % 1_000_000:06d}"
        headline_ko = f"{name_ko} {service} 장애 ({i})"
        headline_en = f"{name_en} {service} outage ({i})"
        incident_id = insert("incidents", dict(inc, id=None, org_id=org_id, reference=reference, title=headline_ko, opened_at=onset + 600))
        filing_id = insert(
            "filings",
            dict(fil, id=None, incident_id=incident_id, org_id=org_id, reference=f"{reference}-01", version=1, submitted_at=onset + 3_600),
        )
        # a document of its own, so that start-up has nothing to render; a placeholder (never
        # downloaded in the benchmark), since 100,000 copies of the demo's PDF are 19 GB
        insert("official_documents", dict(doc, id=None, subject_id=filing_id, file_name=f"{reference}-01.pdf",
                                          bytes=PLACEHOLDER, sha256=PLACEHOLDER_SHA))
        published = onset + 20 * 86_400
        year = time.gmtime(onset + 9 * 3600).tm_year  # of onset, in Seoul
        # an open commitment past its deadline shows as overdue
        commitments = rng.choice(["none", "open", "done", "verified"])
        insert(
            "publications",
            dict(
                pub, id=None, incident_id=incident_id, filing_id=filing_id, headline_ko=headline_ko, headline_en=headline_en,
                published_at=published, org_id=org_id, sort_at=onset, onset_at=onset, duration_min=duration,
                user_minutes=users * duration, users_affected=users, cause=cause, services=service, year=year,
                commitments=commitments, commitments_due=published + 90 * 86_400 if commitments == "open" else None,
                search_text=" ".join(" ".join([reference, headline_ko, headline_en, name_ko, name_en, service]).split()).lower(),
                updated_at=published, facts_version=max(1, pub.get("facts_version") or 1),
            ),
        )
c.execute("ANALYZE")
print(c.execute("SELECT COUNT(*) FROM publications").fetchone()[0], "publications,", start, "incidents before")
