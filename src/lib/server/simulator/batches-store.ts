import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { z } from 'zod';
import type { BatchMeta } from './batches-progress';

/**
 * Batches on disk, one folder each: `meta.json` (small, rewritten on cancel) and
 * `requests.jsonl` (one stored request per line, written once). `meta.json` is written last,
 * so a folder without it is a create that never finished and is ignored.
 */
const MetaSchema = z.object({
	id: z.string().regex(/^msgbatch_[A-Za-z0-9]+$/),
	createdAtMs: z.number(),
	count: z.number().int().min(1),
	secondsPerRequest: z.number().min(0),
	cancelInitiatedAtMs: z.number().nullable(),
	betas: z.array(z.string()),
	errored: z.array(z.number().int().min(0))
});

/** One line of requests.jsonl: the params as sent, and the error if they were rejected. */
export interface StoredRequest {
	custom_id: string;
	params: unknown;
	error?: unknown;
}

const BATCH_ID = /^msgbatch_[A-Za-z0-9]+$/;

export class BatchStore {
	readonly #root: string;

	constructor(dataDir: string) {
		this.#root = join(dataDir, 'simulator', 'batches');
	}

	#dir(id: string): string {
		return join(this.#root, id);
	}

	async create(
		meta: BatchMeta,
		requests: AsyncIterable<StoredRequest> | Iterable<StoredRequest>
	): Promise<void> {
		await mkdir(this.#dir(meta.id), { recursive: true });
		const out = createWriteStream(join(this.#dir(meta.id), 'requests.jsonl'));
		try {
			for await (const r of requests) {
				// Respect backpressure so a 100,000-line batch is never queued in memory twice.
				if (!out.write(JSON.stringify(r) + '\n')) await once(out, 'drain');
			}
		} finally {
			out.end();
			await once(out, 'close');
		}
		await this.writeMeta(meta);
	}

	async writeMeta(meta: BatchMeta): Promise<void> {
		// Write-then-rename: a crash mid-write never leaves a half meta.json behind.
		const file = join(this.#dir(meta.id), 'meta.json');
		await writeFile(file + '.tmp', JSON.stringify(meta));
		await rename(file + '.tmp', file);
	}

	/** The batch, or null when unknown (ids that cannot be ours never touch the disk). */
	async get(id: string): Promise<BatchMeta | null> {
		if (!BATCH_ID.test(id)) return null;
		let text: string;
		try {
			text = await readFile(join(this.#dir(id), 'meta.json'), 'utf8');
		} catch {
			return null;
		}
		try {
			const parsed = MetaSchema.safeParse(JSON.parse(text));
			return parsed.success ? parsed.data : null;
		} catch {
			return null;
		}
	}

	/** Every stored batch, newest first (ties broken by id so pages are stable). */
	async list(): Promise<BatchMeta[]> {
		let ids: string[];
		try {
			ids = await readdir(this.#root);
		} catch {
			return [];
		}
		const metas = await Promise.all(ids.map((id) => this.get(id)));
		return metas
			.filter((m): m is BatchMeta => m !== null)
			.sort((a, b) => b.createdAtMs - a.createdAtMs || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
	}

	async remove(id: string): Promise<void> {
		await rm(this.#dir(id), { recursive: true, force: true });
	}

	/**
	 * The stored requests one line at a time, so a results pass holds one line in memory.
	 * `close` releases the file when a reader stops early (closing readline alone does not).
	 */
	requestLines(id: string): { lines: AsyncIterator<string>; close(): void } {
		const input = createReadStream(join(this.#dir(id), 'requests.jsonl'), { encoding: 'utf8' });
		const reader = createInterface({ input, crlfDelay: Infinity });
		return {
			lines: reader[Symbol.asyncIterator](),
			close: () => {
				reader.close();
				input.destroy();
			}
		};
	}
}
