#!/usr/bin/env bash
# Installs Debian's chromium for the browser tests when it is missing.
# Playwright cannot download its own browsers on these machines, so the suite drives /usr/bin/chromium.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" != "0" ]; then
  echo "ensure-chromium: /usr/bin/chromium is missing; install Debian's 'chromium' package (needs root)." >&2
  exit 1
fi
echo "ensure-chromium: installing Debian's chromium (one time)..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
/usr/bin/chromium --version
