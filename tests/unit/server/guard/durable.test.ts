import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { durableQueue } from '$lib/server/guard/durable';
import { performWrite, type DurableWrite } from '$lib/server/guard/durable-writes';
import type { UsageLedger } from '$lib/server/guard/ledger';
import { fileJournal } from '$lib/server/guard/journal';

/** A store that refuses writes while `down`, and remembers the ones it took. */
function flakyStore() {
	const taken: string[] = [];
	const store = {
		down: true,
		taken,
		async write(w: string) {
			if (store.down) throw Object.assign(new Error('locked'), { code: 'SQLITE_BUSY' });
			taken.push(w);
		}
	};
	return store;
}
const journalFile = () => join(mkdtempSync(join(tmpdir(), 'journal-')), 'data', 'pending.jsonl');
const queue = (store: ReturnType<typeof flakyStore>, file: string) =>
	durableQueue<string>({
		perform: (w) => store.write(w),
		describe: (w) => ({ what: w }),
		journal: fileJournal<string>(file),
		// Retries only when the test asks (flush/recover), never on a timer mid-test.
		firstDelayMs: 60 * 60 * 1000
	});

describe('the retry queue, journaled', () => {
	it('writes straight through when the store takes it, journaling nothing', async () => {
		const store = flakyStore();
		store.down = false;
		const file = journalFile();
		await queue(store, file).run('a');
		expect(store.taken).toEqual(['a']);
		expect(await fileJournal(file).load()).toEqual([]);
	});

	it('has a refused write on disk (0600) when run resolves, and a new process replays it', async () => {
		const store = flakyStore();
		const file = journalFile();
		const first = queue(store, file);
		await first.run('usage of ada');
		await first.run('usage of bo');
		expect(first.pending()).toHaveLength(2);
		expect(statSync(file).mode & 0o777).toBe(0o600);
		// The process dies here: nothing of `first` is used again, only the file.
		store.down = false;
		const second = queue(store, file);
		await second.recover();
		expect(store.taken).toEqual(['usage of ada', 'usage of bo']);
		expect(second.pending()).toHaveLength(0);
		// Emptied once nothing waits: a third start replays nothing.
		expect(readFileSync(file, 'utf8')).toBe('');
		await queue(store, file).recover();
		expect(store.taken).toHaveLength(2);
	});

	it('replays only what was not written yet, and keeps what fails again', async () => {
		const store = flakyStore();
		const file = journalFile();
		const first = queue(store, file);
		await first.run('one');
		await first.run('two');
		store.down = false;
		await first.flush();
		store.down = true;
		await first.run('three');
		const second = queue(store, file);
		await second.recover();
		expect(second.pending().map((p) => p.write)).toEqual(['three']);
		store.down = false;
		await queue(store, file).recover();
		expect(store.taken).toEqual(['one', 'two', 'three']);
	});

	it('skips a line torn by a crash mid-append (it was never acknowledged)', async () => {
		const store = flakyStore();
		const file = journalFile();
		await queue(store, file).run('kept');
		writeFileSync(file, readFileSync(file, 'utf8') + '{"id":"x","wri', { flag: 'w' });
		store.down = false;
		await queue(store, file).recover();
		expect(store.taken).toEqual(['kept']);
	});
});

describe('usage writes journaled before usage took the wire shape', () => {
	it('still charge their { input, output } budget tokens when replayed', async () => {
		const settled: unknown[] = [];
		const ledger = {
			settle: async (...args: unknown[]) => void settled.push(args)
		} as unknown as UsageLedger;
		// A line of an older journal, as JSON.parse gives it back.
		const old = JSON.parse(
			'{"kind":"usage","user":"ada","day":"2026-11-30","reserved":9,"usage":{"input":5,"output":2}}'
		) as DurableWrite;
		await performWrite(old, { ledger });
		expect(settled).toEqual([['ada', '2026-11-30', 9, { input_tokens: 5, output_tokens: 2 }]]);
	});
});
