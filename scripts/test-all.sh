#!/usr/bin/env bash
# Every test suite: unit + contract (vitest), then end-to-end in Chromium (Playwright).
# Ends with one line of totals for all suites: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
out="$(mktemp -d)"
status=0

bash scripts/ensure-chromium.sh || exit 1
npm run build || exit 1

# The store contract suite runs against a real PostgreSQL too; no database, no green run.
pg_env="$(bash scripts/start-postgres.sh start)" || { echo "FAILED: could not start PostgreSQL for the store tests" >&2; exit 1; }
eval "$pg_env"
trap 'bash scripts/start-postgres.sh stop "$PG_TEST_DIR"' EXIT
export TEST_DATABASE_URL="$DATABASE_URL"
unset DATABASE_URL

npx vitest run --reporter=default --reporter=json --outputFile.json="$out/vitest.json" || status=1
bash scripts/start-postgres.sh stop "$PG_TEST_DIR"
trap - EXIT
PLAYWRIGHT_JSON_OUTPUT_NAME="$out/playwright.json" npx playwright test --reporter=list,json || status=1

node scripts/totals.js "$out/vitest.json" "$out/playwright.json" || status=1
exit $status
