// The results viewer's hand-written fast path must agree with BatchResultLineSchema: on every
// recorded line it accepts, and on every damaged copy (each field removed or given a wrong
// type) it never accepts a line the schema rejects.
import { describe, expect, it } from 'vitest';
import { looksLikeResult } from '$lib/batches/results';
import { BatchResultLineSchema } from '$lib/schemas';
import { recorded, recordedFiles } from '../../support/fixtures';

type Json = unknown;
const WRONG: Json[] = [null, 7, 'x', [], {}, true];

/** Every damaged copy of `value`: one field removed or replaced, at any depth. */
function* damaged(value: Json): Generator<Json> {
	if (typeof value !== 'object' || value === null) return;
	const entries = Array.isArray(value)
		? value.map((v, i) => [String(i), v] as const)
		: Object.entries(value);
	for (const [key, child] of entries) {
		const copy = () =>
			(Array.isArray(value) ? [...value] : { ...(value as Record<string, Json>) }) as Record<
				string,
				Json
			>;
		const without = copy();
		delete without[key];
		yield Array.isArray(value)
			? (without as unknown as Json[]).filter((x) => x !== undefined)
			: without;
		for (const wrong of WRONG) {
			const replaced = copy();
			replaced[key] = wrong;
			yield replaced;
		}
		for (const inner of damaged(child)) {
			const nested = copy();
			nested[key] = inner;
			yield nested;
		}
	}
}

const lines = recordedFiles('.jsonl').flatMap((file) =>
	recorded(file)
		.split('\n')
		.filter((l) => l.trim())
		.map((l, i) => ({ name: `${file}:${i + 1}`, value: JSON.parse(l) as Json }))
);

describe('the batch results fast path against BatchResultLineSchema', () => {
	it('has recorded lines to check', () => expect(lines.length).toBeGreaterThan(2));

	it.each(lines)('$name: both accept the recorded line', ({ value }) => {
		expect(BatchResultLineSchema.safeParse(value).success).toBe(true);
		expect(looksLikeResult(value)).toBe(true);
	});

	it.each(lines)('$name: the fast path accepts no damaged copy the schema rejects', ({ value }) => {
		let checked = 0;
		const wrongly: string[] = [];
		for (const copy of damaged(value)) {
			checked++;
			if (looksLikeResult(copy) && !BatchResultLineSchema.safeParse(copy).success)
				wrongly.push(JSON.stringify(copy).slice(0, 200));
		}
		expect(checked).toBeGreaterThan(20);
		expect(wrongly).toEqual([]);
	});
});
