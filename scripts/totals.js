// Sums vitest's and Playwright's JSON reports into one closing line: "N passed, N failed",
// followed by the outcome of each named check (`lint=ok check=failed`); a failed check counts
// as one failure. A missing report counts as a failure: a suite that did not run did not pass.
import { existsSync, readFileSync } from 'node:fs';

const [vitestFile, playwrightFile, ...checkArgs] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;

if (existsSync(vitestFile)) {
	const v = JSON.parse(readFileSync(vitestFile, 'utf8'));
	passed += v.numPassedTests;
	failed += v.numFailedTests;
	skipped += v.numPendingTests + v.numTodoTests;
} else failed += 1;

if (existsSync(playwrightFile)) {
	const s = JSON.parse(readFileSync(playwrightFile, 'utf8')).stats;
	passed += s.expected;
	failed += s.unexpected + s.flaky;
	skipped += s.skipped;
} else failed += 1;

const checks = checkArgs.map((arg) => arg.split('='));
for (const [, outcome] of checks) if (outcome !== 'ok') failed += 1;
const checkText = checks.length
	? ` (${checks.map(([name, outcome]) => `${name} ${outcome}`).join(', ')})`
	: '';
console.log(
	`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}${checkText}`
);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
