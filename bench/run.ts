// `npm run bench`: each figure measured against a baseline in the same run; results as JSON in
// bench/results/ and a printed table. BENCH_SMOKE=1 runs tiny sizes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { runBench } from './index';
import { formatTable } from './lib/stats';

async function main() {
	const smoke = process.env.BENCH_SMOKE === '1';
	const started = Date.now();
	const rows = await runBench({ smoke });
	const result = { date: new Date().toISOString(), smoke, seconds: (Date.now() - started) / 1000, node: process.version, rows };
	mkdirSync('bench/results', { recursive: true });
	const file = `bench/results/${result.date.replace(/[:.]/g, '-')}.json`;
	writeFileSync(file, JSON.stringify(result, null, 2));
	writeFileSync('bench/results/latest.json', JSON.stringify(result, null, 2));
	process.stdout.write(formatTable(rows) + `\n\nwritten ${file} (${result.seconds.toFixed(0)} s)\n`);
	const missed = rows.filter((r) => r.pass === false);
	if (missed.length) process.stdout.write(`targets missed: ${missed.map((r) => `${r.section}/${r.name}`).join('; ')}\n`);
}

await main();
