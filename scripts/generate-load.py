#!/usr/bin/env python3
"""Adds N generated incidents with 5 filed versions each (and cases, some assigned, some with
an overdue request) to a seeded SQLite demo database, to measure the ministry's queue and
overview at scale. Usage: scripts/generate-load.py data/outage-desk.db 20000"""
import sqlite3
import sys

db, n = sys.argv[1], int(sys.argv[2])
c = sqlite3.connect(db)
content, sha = c.execute("SELECT content_json, content_sha256 FROM filings ORDER BY id LIMIT 1").fetchone()
reviewer = c.execute("SELECT id FROM users WHERE role = 'reviewer' LIMIT 1").fetchone()[0]
officer = c.execute("SELECT id, org_id FROM users WHERE role = 'operator_signatory' LIMIT 1").fetchone()
with c:
    c.execute(
        """WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ?)
        INSERT INTO incidents (org_id, reference, title, opened_by, opened_at)
        SELECT ?, printf('OD-2019-%06d', i), printf('generated %d', i), ?, 1550000000 + i * 3000 FROM k""",
        (n, officer[1], officer[0]),
    )
    c.execute(
        """WITH RECURSIVE v(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM v WHERE n < 5)
        INSERT INTO filings (incident_id, org_id, version, reference, stage, status, content_json, content_sha256,
            submitted_by, submitted_at, regimes, severity)
        SELECT i.id, i.org_id, v.n, i.reference || '-0' || v.n,
            CASE v.n WHEN 1 THEN 'initial' WHEN 5 THEN 'final' ELSE 'interim' END, 'submitted', ?, ?, ?,
            i.opened_at + v.n * 600,
            CASE i.id % 3 WHEN 0 THEN 'KR_FA38,KR_TBA33' WHEN 1 THEN 'KR_TBA33,EU_NIS2' ELSE 'KR_FA38,US_FCC' END,
            CASE i.id % 4 WHEN 0 THEN 'attention' WHEN 1 THEN 'caution' WHEN 2 THEN 'alert' ELSE 'serious' END
        FROM incidents i, v WHERE i.reference LIKE 'OD-2019-%'""",
        (content, sha, officer[0]),
    )
    c.execute(
        """INSERT INTO cases (incident_id, assignee_id, assigned_at)
        SELECT id, ?, opened_at FROM incidents WHERE reference LIKE 'OD-2019-%' AND id % 3 = 0""",
        (reviewer,),
    )
    c.execute(
        """INSERT INTO info_requests (incident_id, filing_id, number, question, due_at, asked_by, asked_at)
        SELECT i.id, (SELECT MIN(f.id) FROM filings f WHERE f.incident_id = i.id), 1, 'generated', i.opened_at + 86400, ?, i.opened_at + 3600
        FROM incidents i WHERE i.reference LIKE 'OD-2019-%' AND i.id % 10 = 0""",
        (reviewer,),
    )
    # requests are numbered from the incident's counter (migration 0006)
    c.execute(
        """UPDATE incidents SET requests_numbered = 1
        WHERE reference LIKE 'OD-2019-%' AND id % 10 = 0"""
    )
c.execute("ANALYZE")
print(c.execute("SELECT COUNT(*) FROM filings").fetchone()[0], "filings")
