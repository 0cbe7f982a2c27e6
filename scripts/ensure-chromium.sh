#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests when it is missing. Playwright cannot download
# its own browsers on these machines, so the suite drives Debian's. Its path and packages are
# declared once, in e2e/chromium.json, which e2e/browser.ts reads too.
set -euo pipefail
cd "$(dirname "$0")/.."
setting() { node -p "const c = require('./e2e/chromium.json'); [].concat(c.$1).join(' ')"; }
chromium=$(setting executablePath)
if [ -x "$chromium" ]; then exit 0; fi
packages=$(setting debianPackages)
if [ "$(id -u)" != "0" ]; then
  echo "ensure-chromium: $chromium is missing; install Debian's packages: $packages (needs root)." >&2
  exit 1
fi
echo "ensure-chromium: installing Debian's $packages (one time)..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086 # one word per package
apt-get install -y -qq --no-install-recommends $packages >/dev/null
"$chromium" --version
