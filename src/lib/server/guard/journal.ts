import { mkdir, open, readFile, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * An append-only file of writes the store refused, so a queued write outlives the process
 * (kill -9, a crash, a restart): each entry is on disk (fsync) before its caller goes on, a
 * `done` line follows once the store took it, and the file is emptied when nothing waits.
 * One JSON object a line; a torn last line (the process died mid-append) was never
 * acknowledged and is skipped.
 */
export interface Journal<T> {
	/** Durably records a write waiting for the store. */
	append(id: string, write: T): Promise<void>;
	/** The store took it: it is not replayed. */
	done(id: string): Promise<void>;
	/** Every entry waiting at the last stop, oldest first. */
	load(): Promise<{ id: string; write: T }[]>;
	/** Nothing waits any more: starts the file afresh. */
	clear(): Promise<void>;
}

type Line<T> = { id: string; write: T } | { done: string };

export function fileJournal<T>(file: string): Journal<T> {
	let handle: Promise<FileHandle> | undefined;
	// Appends, marks and truncation run one at a time, in the order they were asked for.
	let tail: Promise<unknown> = Promise.resolve();
	const serial = <R>(step: (fh: FileHandle) => Promise<R>): Promise<R> => {
		handle ??= mkdir(dirname(file), { recursive: true, mode: 0o700 }).then(() =>
			open(file, 'a', 0o600)
		);
		const next = tail.then(async () => step(await handle!));
		tail = next.catch(() => {});
		return next;
	};
	const write = (line: Line<T>, sync: boolean) =>
		serial(async (fh) => {
			await fh.appendFile(JSON.stringify(line) + '\n');
			if (sync) await fh.sync();
		});

	return {
		append: (id, w) => write({ id, write: w }, true),
		// Synced too: a lost mark would replay (charge twice) a write that already landed.
		done: (id) => write({ done: id }, true),
		async load() {
			let text: string;
			try {
				text = await readFile(file, 'utf8');
			} catch (e) {
				if ((e as { code?: string }).code === 'ENOENT') return [];
				throw e;
			}
			const waiting = new Map<string, T>();
			for (const raw of text.split('\n')) {
				let line: Line<T>;
				try {
					line = JSON.parse(raw) as Line<T>;
				} catch {
					continue;
				}
				if ('done' in line) waiting.delete(line.done);
				else if (typeof line?.id === 'string') waiting.set(line.id, line.write);
			}
			return [...waiting].map(([id, w]) => ({ id, write: w }));
		},
		clear: () =>
			serial(async (fh) => {
				await fh.truncate(0);
				await fh.sync();
			})
	};
}
