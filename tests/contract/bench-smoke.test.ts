import { expect, it } from 'vitest';
import { runBench } from '../../bench/index';

// Runs every benchmark section with tiny sizes so the bench code keeps working. Timings are
// not asserted (they belong to `npm run bench`), only that each figure was measured.
it('runs every bench section and measures each figure', { timeout: 180_000 }, async () => {
	const rows = await runBench({ profile: 'smoke' });
	const sections = new Set(rows.map((r) => r.section));
	expect([...sections].sort()).toEqual(
		expect.arrayContaining([
			'batch-results',
			'bundle',
			'evaluate-grid',
			'event-log',
			'open-streams',
			'proxy-paced',
			'proxy-stress',
			'stream-render'
		])
	);
	for (const r of rows) expect(Number.isFinite(r.value), `${r.section}/${r.name}`).toBe(true);
	expect(rows.find((r) => r.name.startsWith('first page load'))!.value).toBeGreaterThan(0);
});
