#!/usr/bin/env bash
# The whole test suite, as `npm test` runs it: typecheck, lint, the web build, then every test tier
# (unit, server, database — embedded and, when TEST_DATABASE_URL is set, that server too — and browser).
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_COLOR=1
step() { printf '\n== %s\n' "$*"; }

step "Node $(node --version) at $(command -v node)"
step "browser for the browser tests"
bash scripts/ensure-chromium.sh
step "typecheck (tsc --noEmit)"
npx tsc --noEmit
step "lint and format (biome)"
npx biome check .
step "web build (vite)"
npx vite build --logLevel warn
step "rule packs (writ rules check)"
node bin/writ.js rules check
step "tests (vitest)${TEST_DATABASE_URL:+, also against TEST_DATABASE_URL}"
npx vitest run "$@"
