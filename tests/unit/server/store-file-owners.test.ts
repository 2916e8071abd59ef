import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../src/lib/server/store';

describe('file owners in the store (sqlite)', () => {
	it('records an owner once, lists a user’s files newest first, forgets deleted ones, survives reopening', async () => {
		const file = join(mkdtempSync(join(tmpdir(), 'owners-')), 'store.sqlite');
		const store = await openStore({ sqliteFile: file });
		await store.recordFileOwner('file_a', 'ada', '2026-11-30T10:00:00.000Z');
		await store.recordFileOwner('file_b', 'ada', '2026-11-30T11:00:00.000Z');
		await store.recordFileOwner('file_c', 'bob', '2026-11-30T12:00:00.000Z');
		// A second claim on the same id never moves the file to someone else.
		await store.recordFileOwner('file_a', 'bob', '2026-11-30T13:00:00.000Z');
		expect(await store.fileOwner('file_a')).toBe('ada');
		expect(await store.listOwnedFiles('ada')).toEqual(['file_b', 'file_a']);
		await store.forgetFile('file_b');
		expect(await store.fileOwner('file_b')).toBeUndefined();
		await store.close();
		const reopened = await openStore({ sqliteFile: file });
		expect(await reopened.listOwnedFiles('ada')).toEqual(['file_a']);
		expect(await reopened.listOwnedFiles('bob')).toEqual(['file_c']);
		await reopened.close();
	});
});
