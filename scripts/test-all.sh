#!/usr/bin/env bash
# Every test suite: unit + contract (vitest), then end-to-end in Chromium (Playwright).
# Ends with one line of totals for all suites: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
out="$(mktemp -d)"
status=0

bash scripts/ensure-chromium.sh || exit 1
npm run build || exit 1

npx vitest run --reporter=default --reporter=json --outputFile.json="$out/vitest.json" || status=1
PLAYWRIGHT_JSON_OUTPUT_NAME="$out/playwright.json" npx playwright test --reporter=list,json || status=1

node scripts/totals.js "$out/vitest.json" "$out/playwright.json" || status=1
exit $status
