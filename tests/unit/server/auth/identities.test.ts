import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshPostgresDatabase } from '../../../support/pg-database';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createInvite, redeemInvite, liveInvite } from '$lib/server/auth/invites';
import { GUEST_ACCOUNT, budgetAccount } from '$lib/server/auth/names';
import { decoyHash, hashSecret, verifySecret } from '$lib/server/auth/secrets';
import { loadConfig, type Config } from '$lib/server/config';
import { HttpProblem } from '$lib/server/http';
import { checkCredentials } from '$lib/server/guard/login';
import { startSession, sessionUser } from '$lib/server/guard/session';
import { openStore, type Store } from '$lib/server/store';

// The real check, watched: every login attempt must pay for exactly one scrypt.
vi.mock('$lib/server/auth/secrets', async (importActual) => {
	const actual = await importActual<typeof import('$lib/server/auth/secrets')>();
	return { ...actual, verifySecret: vi.fn(actual.verifySecret) };
});

/**
 * Who may sign in as which name (issue 16): listed users and invited members with their own
 * secret; the team passcode only for names nobody owns, as a guest. Runs on SQLite and, with
 * TEST_DATABASE_URL (npm test sets it), on PostgreSQL (the redeem transaction is what differs).
 */
const config: Config = loadConfig({
	PLAYGROUND_USERS: 'Ada:ada-secret-123',
	PLAYGROUND_PASSCODE: 'team passcode 1',
	RESERVED_NAMES: 'ceo@corp',
	ADMIN_USERS: 'Ada,root',
	ORIGIN: 'http://play.test',
	INVITE_TTL_HOURS: '2'
});
const HOUR = 3_600_000;
const T0 = Date.parse('2026-11-30T12:00:00Z');

async function openSqlite() {
	const dir = mkdtempSync(join(tmpdir(), 'identities-'));
	const store = await openStore({ sqliteFile: join(dir, 'db.sqlite') });
	return { store, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}

async function openPostgres() {
	const db = await freshPostgresDatabase('identities');
	const store = await openStore({ databaseUrl: db.url, sqliteFile: '' });
	return { store, cleanup: db.drop };
}

/** The HttpProblem a promise fails with (status and type), for the API's error shape. */
async function problem(p: Promise<unknown>) {
	const e = await p.then(
		() => null,
		(err: unknown) => err
	);
	expect(e).toBeInstanceOf(HttpProblem);
	return { status: (e as HttpProblem).status, type: (e as HttpProblem).type };
}

// Like the store suite: without TEST_DATABASE_URL the postgres half fails rather than skipping.
const backends = [
	{ name: 'sqlite', open: openSqlite },
	{ name: 'postgres', open: openPostgres }
];

describe.each(backends)('identities ($name)', ({ open }) => {
	let store: Store;
	let cleanup: () => Promise<void>;
	beforeAll(async () => {
		({ store, cleanup } = await open());
	});
	afterAll(async () => {
		await store?.close();
		await cleanup?.();
	});
	const login = (name: string, secret: string, now = T0) =>
		checkCredentials(name, secret, config, store.identities, now);

	it('signs a listed user in with their own secret only, under the listed spelling', async () => {
		expect(await login('ada', 'ada-secret-123')).toBe('Ada');
		expect(await login('ADA', 'ada-secret-123')).toBe('Ada');
		expect(await login('Ada', 'team passcode 1')).toBeNull();
		expect(await login('Ada', 'wrong')).toBeNull();
	});

	it('lets the team passcode sign in only names nobody owns, as guests', async () => {
		expect(await login('sam', 'team passcode 1')).toBe('sam (guest)');
		expect(await login('sam', 'not the passcode')).toBeNull();
		for (const owned of ['ceo@corp', 'CEO@corp', 'root', 'Root'])
			expect(await login(owned, 'team passcode 1')).toBeNull();
		const noPasscode = loadConfig({
			PLAYGROUND_USERS: 'Ada:ada-secret-123',
			ORIGIN: 'http://x.test'
		});
		expect(
			await checkCredentials('sam', 'team passcode 1', noPasscode, store.identities)
		).toBeNull();
	});

	it('runs one scrypt check for every attempt, so timing does not tell members from others', async () => {
		const check = vi.mocked(verifySecret);
		for (const [name, secret] of [
			['Ada', 'ada-secret-123'],
			['sam', 'team passcode 1'],
			['nobody-here', 'wrong'],
			['root', 'team passcode 1']
		]) {
			check.mockClear();
			await login(name, secret);
			expect(check, name).toHaveBeenCalledTimes(1);
			expect(check.mock.calls[0][1], name).toBe(await decoyHash());
		}
		expect(await verifySecret('team passcode 1', await decoyHash())).toBe(false);
	});

	it('charges every guest to one account, and everyone else to themselves', () => {
		expect(budgetAccount('sam (guest)')).toBe(GUEST_ACCOUNT);
		expect(budgetAccount('kim (guest)')).toBe(GUEST_ACCOUNT);
		expect(budgetAccount('Ada')).toBe('Ada');
		expect(budgetAccount('ceo@corp')).toBe('ceo@corp');
	});

	it('invite → set secret → sign in with it; the passcode can no longer take the name', async () => {
		// Before any invite, anyone with the passcode can be "cleo" as a guest.
		expect(await login('cleo', 'team passcode 1')).toBe('cleo (guest)');
		const invite = await createInvite(store.identities, ' Cleo ', 'Ada', config, T0);
		expect(invite.name).toBe('Cleo');
		expect(invite.token).toMatch(/^[\w-]{43}$/);
		expect(invite.expiresAt).toBe(new Date(T0 + 2 * HOUR).toISOString());
		// The link is stored only as a hash.
		const [stored] = await store.identities.listInvites();
		expect(stored.tokenHash).not.toContain(invite.token);
		// While the invite is open the name is already spoken for.
		expect(await login('cleo', 'team passcode 1', T0 + 1000)).toBeNull();
		expect((await liveInvite(store.identities, invite.token, T0 + 1000)).name).toBe('Cleo');

		expect(await redeemInvite(store, invite.token, 'cleo own secret', T0 + 2000)).toBe('Cleo');
		expect(await login('cleo', 'cleo own secret', T0 + 3000)).toBe('Cleo');
		expect(await login('cleo', 'team passcode 1', T0 + 3000)).toBeNull();
		// A second use of the link is refused, in the API's shape.
		expect(await problem(redeemInvite(store, invite.token, 'mallory secret 1', T0 + 4000))).toEqual(
			{
				status: 410,
				type: 'not_found_error'
			}
		);
		expect(await login('cleo', 'cleo own secret', T0 + 5000)).toBe('Cleo');
	});

	it('refuses unknown, malformed, expired and withdrawn links with 404 or 410, and short secrets with 400', async () => {
		for (const token of [
			'',
			'x',
			'a'.repeat(43),
			'../../etc/passwd',
			'é'.repeat(43),
			'a'.repeat(5000)
		])
			expect(await problem(liveInvite(store.identities, token, T0))).toEqual({
				status: 404,
				type: 'not_found_error'
			});
		const late = await createInvite(store.identities, 'dee', 'Ada', config, T0);
		expect(await problem(redeemInvite(store, late.token, 'dee own secret', T0 + 3 * HOUR))).toEqual(
			{
				status: 410,
				type: 'not_found_error'
			}
		);
		// An expired invite no longer holds the name.
		expect(await login('dee', 'team passcode 1', T0 + 3 * HOUR)).toBe('dee (guest)');

		const first = await createInvite(store.identities, 'eve', 'Ada', config, T0);
		expect(await problem(redeemInvite(store, first.token, 'short', T0 + 1))).toEqual({
			status: 400,
			type: 'invalid_request_error'
		});
		expect(await problem(redeemInvite(store, first.token, 42, T0 + 1))).toEqual({
			status: 400,
			type: 'invalid_request_error'
		});
		// A refused secret does not burn the link; a newer invite for the name does.
		expect((await liveInvite(store.identities, first.token, T0 + 2)).name).toBe('eve');
		const second = await createInvite(store.identities, 'EVE', 'Ada', config, T0 + 3);
		expect(await problem(liveInvite(store.identities, first.token, T0 + 4))).toEqual({
			status: 410,
			type: 'not_found_error'
		});
		const [latest] = (await store.identities.listInvites()).filter((i) => i.id === second.id);
		expect(await store.identities.revokeInvite(latest.id, new Date(T0 + 5).toISOString())).toBe(
			true
		);
		expect(await store.identities.revokeInvite(latest.id, new Date(T0 + 6).toISOString())).toBe(
			false
		);
		expect(await problem(redeemInvite(store, second.token, 'eve own secret', T0 + 7))).toEqual({
			status: 410,
			type: 'not_found_error'
		});
	});

	it('makes no invite for a listed user, an SSO identity or a bad name; admins may be invited', async () => {
		for (const name of ['ada', 'ceo@corp', '<script>', '', 'x'.repeat(65), 'a (guest)'])
			expect(await problem(createInvite(store.identities, name, 'Ada', config, T0))).toEqual({
				status: 400,
				type: 'invalid_request_error'
			});
		const root = await createInvite(store.identities, 'root', 'Ada', config, T0);
		await redeemInvite(store, root.token, 'root own secret', T0 + 1);
		expect(await login('root', 'root own secret', T0 + 2)).toBe('root');
	});

	it('lets only one of two redeems at once win', async () => {
		const invite = await createInvite(store.identities, 'fay', 'Ada', config, T0);
		const results = await Promise.allSettled([
			redeemInvite(store, invite.token, 'fay secret one', T0 + 1),
			redeemInvite(store, invite.token, 'fay secret two', T0 + 1)
		]);
		const won = results.filter((r) => r.status === 'fulfilled');
		expect(won).toHaveLength(1);
		const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
		expect((lost.reason as HttpProblem).status).toBe(410);
		const ones = await login('fay', 'fay secret one', T0 + 2);
		const twos = await login('fay', 'fay secret two', T0 + 2);
		expect([ones, twos].filter(Boolean)).toEqual(['fay']);
	});

	it('ends the sessions a name had when a re-invite sets a new secret', async () => {
		const first = await createInvite(store.identities, 'gus', 'Ada', config, T0);
		await redeemInvite(store, first.token, 'gus old secret', T0 + 1);
		const cookie = await startSession(store, 'gus', '127.0.0.1', T0 + 2);
		expect(await sessionUser(store, cookie, T0 + 3)).toBe('gus');
		const again = await createInvite(store.identities, 'gus', 'Ada', config, T0 + 4);
		// The old secret works until the new one is set.
		expect(await login('gus', 'gus old secret', T0 + 5)).toBe('gus');
		await redeemInvite(store, again.token, 'gus new secret', T0 + 6);
		expect(await sessionUser(store, cookie, T0 + 7)).toBeNull();
		expect(await login('gus', 'gus old secret', T0 + 8)).toBeNull();
		expect(await login('gus', 'gus new secret', T0 + 8)).toBe('gus');
	});
});

describe('stored secrets', () => {
	it('hashes with a fresh salt and verifies only the right secret', async () => {
		const a = await hashSecret('correct horse');
		const b = await hashSecret('correct horse');
		expect(a).not.toBe(b);
		expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
		expect(await verifySecret('correct horse', a)).toBe(true);
		expect(await verifySecret('correct horsE', a)).toBe(false);
	});
	it.each([
		'',
		'plain',
		'scrypt$x$y$z$salt$hash',
		'scrypt$16384$8$1$c2FsdA$c2hvcnQ',
		'bcrypt$1$2$3$4$5'
	])('treats a stored value it did not write (%j) as no match', async (stored) => {
		expect(await verifySecret('anything', stored)).toBe(false);
	});
});
