#!/usr/bin/env bash
# Installs what building and testing Outage Desk needs, only when it is missing.
# Usage: scripts/ensure-tools.sh [build|test]
set -euo pipefail
mode="${1:-build}"
say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

CARGO_LEPTOS_VERSION=0.3.10
WASM_BINDGEN_VERSION=0.2.130

if ! rustup target list --installed 2>/dev/null | grep -q '^wasm32-unknown-unknown$'; then
  say "Adding the wasm32 target (browser code is compiled to WebAssembly)"
  rustup target add wasm32-unknown-unknown
fi

apt_need=()
[ -f /usr/share/fonts/truetype/nanum/NanumGothic.ttf ] || apt_need+=(fonts-nanum)
# emoji and Arabic in what operators type print in these, not as empty boxes
[ -f /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ] || apt_need+=(fonts-noto-color-emoji)
[ -f /usr/share/fonts/opentype/fonts-hosny-amiri/Amiri-Regular.ttf ] || apt_need+=(fonts-hosny-amiri)
if [ "$mode" = test ]; then
  command -v pdftotext >/dev/null || apt_need+=(poppler-utils)
  command -v chromium >/dev/null || apt_need+=(chromium)
  command -v psql >/dev/null || apt_need+=(postgresql)
  # the documented curl session (scripts/api-session.sh) is run by make test
  command -v jq >/dev/null || apt_need+=(jq)
  command -v curl >/dev/null || apt_need+=(curl)
fi
if [ ${#apt_need[@]} -gt 0 ]; then
  say "Installing Debian packages: ${apt_need[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${apt_need[@]}"
fi

# the tests' SMTP server (tests/support/smtp_sink.py): a real one, from PyPI
if [ "$mode" = test ] && ! python3 -c 'import aiosmtpd' 2>/dev/null; then
  say "Installing aiosmtpd (the SMTP server the tests send e-mail to)"
  python3 -m pip install --quiet --disable-pip-version-check aiosmtpd
fi

if ! cargo leptos --version 2>/dev/null | grep -q "$CARGO_LEPTOS_VERSION"; then
  say "Building cargo-leptos $CARGO_LEPTOS_VERSION (once per machine; about 14 minutes on 2 cores)."
  say "0.3.10 is used because 0.3.11's lockfile needs a newer rustc than this machine has."
  cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  say "Building wasm-bindgen CLI $WASM_BINDGEN_VERSION (must equal the wasm-bindgen crate; about 2 minutes)"
  # A plain `cargo install --locked` fails: a pinned dependency left the registry. Fetch the
  # source through a scratch project, pin webpki-roots to a published version, install.
  scratch="$(mktemp -d)"
  trap 'rm -rf "$scratch"' EXIT
  mkdir -p "$scratch/fetch/src"
  printf '[package]\nname="fetch"\nversion="0.0.0"\nedition="2021"\n[dependencies]\nwasm-bindgen-cli="=%s"\n' "$WASM_BINDGEN_VERSION" > "$scratch/fetch/Cargo.toml"
  touch "$scratch/fetch/src/lib.rs"
  (cd "$scratch/fetch" && cargo fetch -q)
  src="$(ls -d "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/wasm-bindgen-cli-"$WASM_BINDGEN_VERSION" | head -n1)"
  cp -r "$src" "$scratch/cli"
  (cd "$scratch/cli" && cargo update -q -p webpki-roots --precise 1.0.10 && cargo install --path . --locked --no-default-features)
fi
