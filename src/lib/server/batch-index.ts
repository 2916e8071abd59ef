import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LABEL_HEADER_NAME, TEMPLATE_HEADER_NAME } from '$lib/batches/headers';
import { getConfig } from './config';

/**
 * Who created which batch through the playground, with its label and template. A JSON file in
 * DATA_DIR for now; the shared store replaces the backing, so the interface stays these two calls.
 */
export interface BatchIndexEntry {
	id: string;
	label: string;
	creator: string;
	/** The request template the batch was built from, when the playground built it. */
	template: unknown;
	created_at: string;
}

const FILE = 'batch-index.json';
let cache: Map<string, BatchIndexEntry> | null = null;
// Writes are queued one after another so two creates never interleave a read-modify-write.
let queue: Promise<unknown> = Promise.resolve();

function path(): string {
	return join(getConfig().DATA_DIR, FILE);
}

async function load(): Promise<Map<string, BatchIndexEntry>> {
	if (cache) return cache;
	try {
		const list = JSON.parse(await readFile(path(), 'utf8')) as BatchIndexEntry[];
		cache = new Map(list.map((e) => [e.id, e]));
	} catch {
		cache = new Map(); // first start, or an unreadable file: the index is a convenience, not the truth
	}
	return cache;
}

export function recordBatch(entry: { id: string; label: string; creator: string; template: unknown }): Promise<void> {
	const next = queue.then(async () => {
		const map = await load();
		map.set(entry.id, { ...entry, created_at: new Date().toISOString() });
		await mkdir(getConfig().DATA_DIR, { recursive: true });
		const tmp = path() + '.tmp';
		await writeFile(tmp, JSON.stringify([...map.values()]));
		await rename(tmp, path());
	});
	queue = next.catch(() => {});
	return next;
}

export async function getBatchIndex(ids: readonly string[]): Promise<Record<string, BatchIndexEntry>> {
	await queue;
	const map = await load();
	const out: Record<string, BatchIndexEntry> = {};
	for (const id of ids) {
		const e = map.get(id);
		if (e) out[id] = e;
	}
	return out;
}

/** Forgets the in-memory copy (tests switch DATA_DIR between cases). */
export function resetBatchIndex(): void {
	cache = null;
}

const LABEL_MAX = 200;

/** Reads label and template from a create request (SDK calls without them are recorded unlabelled); both are URI-encoded so any text fits a header. */
export function batchMetaFromHeaders(headers: Headers): { label: string; template: unknown } {
	const decode = (v: string | null) => {
		try {
			return v ? decodeURIComponent(v) : '';
		} catch {
			return '';
		}
	};
	const label = decode(headers.get(LABEL_HEADER_NAME)).trim().slice(0, LABEL_MAX);
	let template: unknown = null;
	try {
		template = JSON.parse(decode(headers.get(TEMPLATE_HEADER_NAME)) || 'null');
	} catch {
		template = null;
	}
	return { label, template };
}
