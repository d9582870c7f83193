# Outage Desk — the two commands that matter: `make run` and `make test`.
SHELL := /bin/bash
export CARGO_TARGET_DIR ?= $(HOME)/.cache/outage-desk/target
export LEPTOS_OUTPUT_NAME := outage-desk
export LEPTOS_SITE_ROOT := target/site
export LEPTOS_SITE_PKG_DIR := pkg
export LEPTOS_SITE_ADDR ?= 127.0.0.1:3000
export TEMPLATES_DIR ?= report-templates
export TEST_POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/postgres

.PHONY: run run-release release bench bench-api build test test-unit test-integration test-browser test-api-fuzz postgres tools fmt lint clean-test-dbs

## Build, create ./data/outage-desk.db with demo data, and serve on LEPTOS_SITE_ADDR.
run: build
	@mkdir -p data
	@echo
	@echo "Outage Desk: http://$(LEPTOS_SITE_ADDR)"
	@echo "Demo logins (password: demo-password-2026):"
	@echo "  operator officer     officer@pangyo-talk.example"
	@echo "  operator signatory   signatory@pangyo-talk.example"
	@echo "  operator admin       admin@pangyo-talk.example"
	@echo "  other operator       officer@hanriver-pay.example"
	@echo "  reviewer             reviewer@msit.example"
	@echo "  review lead          lead@msit.example"
	@echo "  system admin         admin@outage-desk.example"
	@echo "Two-step verification: the signatory, reviewer, review lead and system admin are asked for a"
	@echo "6-digit code after the password. Add the demo key DEMO KEYO FOUT AGED ESKM AKER UNTW O2FA"
	@echo "to any authenticator app, or print the current code with: scripts/totp-code"
	@echo "No SMTP server is set (SMTP_URL): every e-mail the desk sends waits in the outbox;"
	@echo "sign in as the system admin and read them at http://$(LEPTOS_SITE_ADDR)/admin/outbox"
	@echo "This is the debug build (quick to build, slow to run, a 14 MB WebAssembly file)."
	@echo "For the optimised build, as in production: make run-release"
	@echo
	SEED_DEMO=true DATABASE_URL=$${DATABASE_URL:-sqlite:data/outage-desk.db} $(CARGO_TARGET_DIR)/debug/server

## The release build (server optimised, WebAssembly through wasm-opt) in target/site-release.
release:
	scripts/release-build.sh

## As `make run`, with the release build (the production recipe in README.md).
run-release: release
	@mkdir -p data
	@echo
	@echo "Outage Desk (release build): http://$(LEPTOS_SITE_ADDR) - the demo logins are those of make run"
	@echo
	SEED_DEMO=true DATABASE_URL=$${DATABASE_URL:-sqlite:data/outage-desk.db} LEPTOS_SITE_ROOT=target/site-release \
	  $(CARGO_TARGET_DIR)/release/server

## The public side against nginx serving the same bytes, at 1,000 and 100,000 incidents (issue #14).
bench:
	scripts/bench-public.sh

## p50/p99 of a draft update and a submission through /api/v1 on SQLite and PostgreSQL (issue #15).
bench-api: release
	scripts/bench-api.py

tools:
	@scripts/ensure-tools.sh build

## Server binary and browser bundle (WebAssembly + CSS) under target/site.
build: tools
	cargo leptos build

## Every test tier: domain unit tests, integration tests on SQLite and PostgreSQL, PDF, browser.
test:
	@scripts/ensure-tools.sh test
	@scripts/ensure-postgres.sh
	$(MAKE) clean-test-dbs
	cargo fmt --all -- --check
	$(MAKE) test-unit
	$(MAKE) test-integration
	$(MAKE) test-browser
	$(MAKE) test-api-fuzz

test-unit:
	cargo test -p app
	cargo test -p server

test-integration:
	cargo test -p outage-desk-tests

test-browser: build
	@scripts/browser-tests.sh

## schemathesis against /api/v1 (the document it serves), 50 examples per operation.
test-api-fuzz: build
	@scripts/api-fuzz.sh 50

clean-test-dbs:
	@psql "$(TEST_POSTGRES_URL)" -Atc "SELECT datname FROM pg_database WHERE datname LIKE 'od_test_%'" 2>/dev/null \
	  | while read -r db; do psql "$(TEST_POSTGRES_URL)" -qc "DROP DATABASE IF EXISTS $$db WITH (FORCE)"; done || true

fmt:
	cargo fmt --all

lint:
	cargo fmt --all -- --check
	cargo clippy -p app -p server -p outage-desk-tests --all-targets -- -D warnings
	cargo clippy -p app --features hydrate --target wasm32-unknown-unknown -- -D warnings
