#!/usr/bin/env bash
# Lint (Prettier + ESLint) and the type check first, then every test suite: unit + contract
# (vitest) and end-to-end in Chromium (Playwright). Ends with one line of totals for all of
# them: "N passed, N failed (lint ok, check ok)"; a failed lint or check counts as a failure.
set -uo pipefail
cd "$(dirname "$0")/.."
out="$(mktemp -d)"
status=0

# Lint and type errors fail the run, but the tests still run so one pass shows everything.
checks=""
for check in lint check; do
	if npm run --silent "$check"; then checks="$checks $check=ok"; else checks="$checks $check=failed"; status=1; fi
done

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

node scripts/totals.js "$out/vitest.json" "$out/playwright.json" $checks || status=1
exit $status
