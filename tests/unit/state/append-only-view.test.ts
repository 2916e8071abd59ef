import { describe, expect, it } from 'vitest';
import { appendOnlyView } from '$lib/state/run-buffer';

describe('appendOnlyView', () => {
	it('shows the entries present when it was made, not those appended later', () => {
		const items = [1, 2, 3];
		const view = appendOnlyView(items);
		items.push(4, 5);
		expect(view.length).toBe(3);
		expect([...view]).toEqual([1, 2, 3]);
		expect(view.slice()).toEqual([1, 2, 3]);
		expect(view[3]).toBeUndefined();
		expect(3 in view).toBe(false);
		expect(Object.keys(view)).toEqual(['0', '1', '2']);
		expect(JSON.stringify(view)).toBe('[1,2,3]');
		expect(view).toEqual([1, 2, 3]);
		expect(view.at(-1)).toBe(3);
	});

	it('is a new object each time, over the same storage (no copy)', () => {
		const items = [{ seq: 0 }];
		const a = appendOnlyView(items);
		items.push({ seq: 1 });
		const b = appendOnlyView(items);
		expect(a).not.toBe(b);
		expect(b[0]).toBe(a[0]);
		expect(b.map((e) => e.seq)).toEqual([0, 1]);
		expect(Array.isArray(b)).toBe(true);
	});

	it('cannot be written through', () => {
		const view = appendOnlyView([1, 2]) as number[];
		expect(() => view.push(3)).toThrow(TypeError);
		expect(() => {
			view[0] = 9;
		}).toThrow(TypeError);
		expect([...view]).toEqual([1, 2]);
	});
});
