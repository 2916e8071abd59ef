import { describe, expect, it } from 'vitest';
import { loadConfig } from '$lib/server/config';
import { HttpProblem } from '$lib/server/http';
import { assertAccess, canAccess, visibleTo } from '$lib/server/guard/ownership';

const gated = loadConfig({
	PLAYGROUND_USERS: 'ada:ada-secret-1,bob:bob-secret-1',
	ORIGIN: 'http://x.test'
});
const open = loadConfig({});

describe('ownership', () => {
	it('lets only the owner read and write when the gate is on', () => {
		const mine = { owner: 'ada' };
		expect(canAccess(mine, 'ada', 'write', gated)).toBe(true);
		expect(canAccess(mine, 'bob', 'read', gated)).toBe(false);
		expect(canAccess(undefined, 'ada', 'read', gated)).toBe(false);
	});

	it('lets others read, never write, what is shared explicitly', () => {
		const shared = { owner: 'ada', shared: true };
		expect(canAccess(shared, 'bob', 'read', gated)).toBe(true);
		expect(canAccess(shared, 'bob', 'write', gated)).toBe(false);
	});

	it("reports someone else's thing as missing (404 in the API shape)", () => {
		let caught: unknown;
		try {
			assertAccess({ owner: 'ada' }, 'bob', { kind: 'batch', id: 'msgbatch_1' }, 'write', gated);
		} catch (e) {
			caught = e;
		}
		expect(caught).toBeInstanceOf(HttpProblem);
		expect((caught as HttpProblem).status).toBe(404);
		expect((caught as HttpProblem).message).toBe('No batch with id "msgbatch_1"');
	});

	it('filters lists to what the user may see; without a gate everyone is one user', () => {
		const items = [
			{ id: 1, by: 'ada' },
			{ id: 2, by: 'bob' }
		];
		expect(visibleTo(items, (i) => ({ owner: i.by }), 'bob', gated).map((i) => i.id)).toEqual([2]);
		expect(visibleTo(items, (i) => ({ owner: i.by }), 'bob', open).map((i) => i.id)).toEqual([
			1, 2
		]);
	});
});
