#!/usr/bin/env bash
# The release build: the server optimised, the browser bundle optimised for size and passed
# through wasm-opt. Writes the server to $CARGO_TARGET_DIR/release/server and the site to
# target/site-release (so a debug `make run` and the release build do not overwrite each other).
# Debian's binaryen (108) makes WebAssembly that breaks hydration, so wasm-opt comes from the
# npm package binaryen@132, kept under ~/.cache/outage-desk (BUILD-NOTES).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/outage-desk/target}"
export LEPTOS_OUTPUT_NAME=outage-desk LEPTOS_SITE_PKG_DIR=pkg LEPTOS_SITE_ROOT=target/site-release
scripts/ensure-tools.sh build
binaryen="$HOME/.cache/outage-desk/binaryen"
# the package's own bin/ (npm does not always link node_modules/.bin for a --prefix install)
wasm_opt_dir="$binaryen/node_modules/binaryen/bin"
if ! "$wasm_opt_dir/wasm-opt" --version 2>/dev/null | grep -q 'version 132'; then
  printf '\033[1m==> %s\033[0m\n' "Installing wasm-opt (npm binaryen@132.0.0)" >&2
  npm install --silent --no-audit --no-fund --prefix "$binaryen" binaryen@132.0.0
fi
PATH="$wasm_opt_dir:$PATH" cargo leptos build --release
ls -l "$CARGO_TARGET_DIR/release/server" target/site-release/pkg/ >&2
