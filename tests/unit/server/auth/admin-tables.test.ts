import { describe, expect, it } from 'vitest';
import { adminTables, shortTime } from '$lib/server/guard/admin-tables';

const NOW = '2026-11-30T12:00:00.000Z';
const invite = (id: string, extra: object) => ({
	id,
	tokenHash: 'h' + id,
	name: 'cleo',
	createdBy: 'ada',
	createdAt: '2026-11-30T10:00:00.000Z',
	expiresAt: '2026-12-01T10:00:00.000Z',
	usedAt: null,
	revokedAt: null,
	...extra
});

describe('the admin tables', () => {
	const tables = adminTables(
		{
			users: [
				{ name: 'ada', signsInWith: 'own secret', admin: true, sessions: 1, tokens: 0 },
				{ name: 'bob', signsInWith: 'own secret', admin: false, sessions: 0, tokens: 1 }
			],
			sessions: [
				{
					idHash: 'f'.repeat(64),
					user: 'ada',
					address: '10.0.0.1',
					createdAt: '2026-11-30T11:59:31.123Z',
					expiresAt: '2026-12-07T11:59:31.123Z',
					revokedAt: null
				}
			],
			tokens: [
				{ id: 'tok_a', user: 'bob', name: 'ci', hash: 'x', createdAt: NOW, revokedAt: null },
				{ id: 'tok_b', user: 'bob', name: 'old', hash: 'y', createdAt: NOW, revokedAt: NOW }
			],
			usage: [
				{ user: 'bob', day: '2026-11-30', inputTokens: 10, outputTokens: 5, reservedTokens: 7 }
			],
			invites: [
				invite('inv_open', {}),
				invite('inv_used', { usedAt: NOW }),
				invite('inv_late', { expiresAt: '2026-11-30T11:00:00.000Z' })
			]
		},
		NOW
	);
	const byId = Object.fromEntries(tables.map((t) => [t.id, t]));

	it('has one row shape for every table, with as many cells as columns', () => {
		expect(tables.map((t) => t.id)).toEqual(['users', 'sessions', 'tokens', 'invites', 'usage']);
		for (const t of tables)
			for (const row of t.rows) expect(row.cells).toHaveLength(t.columns.length);
	});

	it('offers a button only where it can act', () => {
		expect(byId.users.rows.map((r) => r.action?.label ?? null)).toEqual([
			'End sessions of ada',
			null
		]);
		expect(byId.sessions.rows[0].action).toMatchObject({
			action: 'endSessions',
			fields: { id: 'f'.repeat(64) }
		});
		expect(byId.tokens.rows.map((r) => r.action?.fields.id ?? null)).toEqual(['tok_a', null]);
		expect(byId.invites.rows.map((r) => [r.cells[1], r.action?.action ?? null])).toEqual([
			['pending', 'withdrawInvite'],
			['used', null],
			['expired', null]
		]);
		expect(byId.usage.actions).toBe(false);
		expect(byId.usage.rows[0].cells).toEqual(['2026-11-30', 'bob', 10, 5, 15, 7]);
	});

	it('shows times to the minute, in UTC', () => {
		expect(shortTime('2026-11-30T11:59:31.123Z')).toBe('2026-11-30 11:59');
		expect(shortTime(null)).toBe('');
	});
});
