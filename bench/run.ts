// `npm run bench`: each figure measured against a baseline in the same run; results as JSON in
// bench/results/ and a printed table. `npm run bench -- --quick` is the smoke check (< 2 minutes),
// `-- --only proxy,open-streams` runs some groups;
// BENCH_SMOKE=1 runs tiny sizes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { GROUPS, runBench, type BenchGroup, type BenchProfile } from './index';
import { formatTable } from './lib/stats';

async function main() {
	const profile: BenchProfile =
		process.env.BENCH_SMOKE === '1' ? 'smoke' : process.argv.includes('--quick') ? 'quick' : 'full';
	// `--only proxy,browser`: just those groups (the machine is shared; run what you are working on).
	const onlyArg = process.argv[process.argv.indexOf('--only') + 1];
	const only = process.argv.includes('--only') ? (onlyArg.split(',') as BenchGroup[]) : undefined;
	const unknown = only?.filter((g) => !GROUPS.includes(g));
	if (unknown?.length)
		throw new Error(`--only: unknown group ${unknown.join(', ')} (known: ${GROUPS.join(', ')})`);
	const started = Date.now();
	const load = loadavg();
	const groupSeconds: Record<string, number> = {};
	const rows = await runBench({
		profile,
		only,
		onGroupDone: (group, seconds) => (groupSeconds[group] = Math.round(seconds))
	});
	const result = {
		date: new Date().toISOString(),
		profile,
		only: only ?? 'all',
		seconds: (Date.now() - started) / 1000,
		groupSeconds,
		node: process.version,
		loadAverage: { atStart: load, atEnd: loadavg() },
		rows
	};
	mkdirSync('bench/results', { recursive: true });
	const file = `bench/results/${result.date.replace(/[:.]/g, '-')}.json`;
	writeFileSync(file, JSON.stringify(result, null, 2));
	writeFileSync('bench/results/latest.json', JSON.stringify(result, null, 2));
	const loads = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
	process.stdout.write(
		formatTable(rows) +
			`\n\n${profile} run; load average at start ${loads(load)}, at end ${loads(loadavg())}\n`
	);
	const perGroup = Object.entries(groupSeconds).map(([g, s]) => `${g} ${s} s`);
	process.stdout.write(
		`written ${file} (${result.seconds.toFixed(0)} s: ${perGroup.join(', ')})\n`
	);
	const missed = rows.filter((r) => r.pass === false);
	if (missed.length)
		process.stdout.write(
			`targets missed: ${missed.map((r) => `${r.section}/${r.name}`).join('; ')}\n`
		);
}

await main();
