import { openAsBlob } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { Config } from '../config';
import { HttpProblem } from '../http';
import { log } from '../log';
import {
	CHECK_WORKER_ROLE,
	batchPolicy,
	type CheckWorkerData,
	type FromWorker,
	type ToWorker
} from './protocol';
import { batchScanner, type BatchSummary } from './scanner';

/**
 * A batch create body, received and checked without stalling the server or holding it in
 * memory: a large one streams through a worker thread that validates each request and writes
 * the bytes to a spool file under DATA_DIR, which then goes upstream as a file-backed Blob
 * (re-readable, so the SDK may retry). A small one is checked here, in memory, at once.
 */
export interface ReceivedBatch extends BatchSummary {
	/** The client's bytes, unchanged. */
	body: Uint8Array<ArrayBuffer> | Blob;
	/** Removes the spool file; call once the upstream has answered. */
	dispose(): Promise<void>;
}

/** Up to this, checking in place takes a few ms: cheaper than starting a thread. */
export const INLINE_MAX_BYTES = 1024 * 1024;
/** Bytes sent to the worker and not yet checked: what the upload may hold in memory. */
const IN_FLIGHT_BYTES = 4 * 1024 * 1024;
/** Chunks are copied into buffers that go to the worker and come back: no allocation per chunk. */
const SLAB_BYTES = 64 * 1024;
/** A spool file this old belongs to no live upload (left by a crash): removed. */
const STALE_SPOOL_MS = 60 * 60 * 1000;
const SLICE = 1024 * 1024;

const tooLarge = (maxBytes: number) =>
	new HttpProblem(
		'request_too_large',
		`Request exceeds the maximum allowed number of bytes (${maxBytes}).`
	);
const yieldToLoop = () => new Promise<void>((r) => setImmediate(r));

const allocate = (n: number): Uint8Array<ArrayBuffer> => {
	const b = Buffer.allocUnsafeSlow(n);
	return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
};

/** Reads a body into one buffer, refusing it past `maxBytes` (declared or counted). */
export async function readBodyBytes(
	request: Request,
	maxBytes: number
): Promise<Uint8Array<ArrayBuffer>> {
	const declared = Number(request.headers.get('content-length') ?? NaN);
	if (declared > maxBytes) throw tooLarge(maxBytes);
	if (!request.body) return new Uint8Array(0);
	let out = allocate(Number.isFinite(declared) ? declared : 64 * 1024);
	let size = 0;
	for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
		if (size + chunk.byteLength > maxBytes) throw tooLarge(maxBytes);
		if (size + chunk.byteLength > out.byteLength) {
			const grown = allocate(
				Math.min(maxBytes, Math.max(out.byteLength * 2, size + chunk.byteLength))
			);
			grown.set(out.subarray(0, size));
			out = grown;
		}
		out.set(chunk, size);
		size += chunk.byteLength;
	}
	return size === out.byteLength ? out : out.slice(0, size);
}

/** Checks bytes already in memory, a slice per turn of the event loop. */
export async function checkInPlace(
	bytes: Uint8Array<ArrayBuffer>,
	config: Config
): Promise<ReceivedBatch> {
	const scanner = batchScanner(batchPolicy(config), config.MAX_BODY_BYTES);
	for (let at = 0; at < bytes.length; at += SLICE) {
		if (at > 0) await yieldToLoop();
		scanner.push(bytes.subarray(at, at + SLICE));
	}
	return { ...scanner.end(), body: bytes, dispose: async () => {} };
}

export async function receiveBatch(request: Request, config: Config): Promise<ReceivedBatch> {
	const maxBytes = config.MAX_BATCH_BODY_BYTES;
	const declared = Number(request.headers.get('content-length') ?? NaN);
	if (declared > maxBytes) throw tooLarge(maxBytes);
	const workerUrl = declared <= INLINE_MAX_BYTES ? undefined : await checkWorkerUrl();
	if (!workerUrl || !request.body)
		return checkInPlace(await readBodyBytes(request, maxBytes), config);
	return checkInWorker(request.body, workerUrl, config);
}

/** The worker's built file; none under Vite's dev server and vitest (a .ts source), where it runs here. */
async function checkWorkerUrl(): Promise<URL | undefined> {
	const { CHECK_WORKER_URL } = await import('./worker');
	return CHECK_WORKER_URL.endsWith('.js') ? new URL(CHECK_WORKER_URL) : undefined;
}

let swept = false;
async function spoolDir(config: Config): Promise<string> {
	const dir = join(config.DATA_DIR, 'uploads');
	await mkdir(dir, { recursive: true, mode: 0o700 });
	if (!swept) {
		swept = true;
		void sweepStale(dir);
	}
	return dir;
}

async function sweepStale(dir: string): Promise<void> {
	try {
		for (const name of await readdir(dir)) {
			const file = join(dir, name);
			if (Date.now() - (await stat(file)).mtimeMs > STALE_SPOOL_MS) await rm(file, { force: true });
		}
	} catch (e) {
		log.warn('could not sweep old batch spool files', { dir, error: String(e) });
	}
}

async function checkInWorker(
	body: ReadableStream<Uint8Array>,
	url: URL,
	config: Config
): Promise<ReceivedBatch> {
	const spoolFile = join(await spoolDir(config), `${randomUUID()}.json`);
	const data: CheckWorkerData = {
		role: CHECK_WORKER_ROLE,
		spoolFile,
		maxRequestBytes: config.MAX_BODY_BYTES
	};
	// The heap cap is a backstop: the worker holds one request (<= MAX_BODY_BYTES) at a time.
	const worker = new Worker(url, {
		workerData: data,
		resourceLimits: { maxOldGenerationSizeMb: 512 }
	});
	const dispose = () => rm(spoolFile, { force: true });
	try {
		const summary = await feed(worker, body, config.MAX_BATCH_BODY_BYTES);
		return { ...summary, body: await openAsBlob(spoolFile), dispose };
	} catch (e) {
		await dispose();
		throw e;
	} finally {
		await worker.terminate();
	}
}

/** Streams the body to the worker, never more than IN_FLIGHT_BYTES ahead of its checking. */
async function feed(
	worker: Worker,
	body: ReadableStream<Uint8Array>,
	maxBytes: number
): Promise<BatchSummary> {
	let inFlight = 0;
	let settled = false;
	let wake: (() => void) | undefined;
	const slabs: ArrayBuffer[] = [];
	const outcome = new Promise<BatchSummary>((resolve, reject) => {
		const settle = (fn: () => void) => {
			if (settled) return;
			settled = true;
			fn();
		};
		worker.on('message', (m: FromWorker) => {
			if (m.type === 'ack') {
				inFlight -= m.bytes.length;
				slabs.push(m.bytes.buffer);
			} else if (m.type === 'done') settle(() => resolve(m.summary));
			else settle(() => reject(new HttpProblem(m.errorType, m.message, m.status)));
			wake?.();
		});
		const crashed = (why: string) =>
			settle(() => {
				log.error('batch upload checker stopped', { error: why });
				reject(
					new HttpProblem(
						'api_error',
						`The batch could not be checked (${why}); nothing was sent upstream.`,
						500
					)
				);
				wake?.();
			});
		worker.once('error', (e) => crashed(String(e)));
		worker.once('exit', (code) => crashed(`checker exited with code ${code}`));
	});
	// Settled before the body ends (refused early): nobody awaits it until the body is drained.
	outcome.catch(() => {});
	let size = 0;
	for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
		size += chunk.byteLength;
		if (size > maxBytes) throw tooLarge(maxBytes);
		// Refused already: the rest is read and dropped, so the client gets to read the answer.
		if (settled) continue;
		// One copy into a recycled buffer, then moved to the worker (not cloned a second time).
		let slab = slabs.pop();
		if (!slab || slab.byteLength < chunk.byteLength)
			slab = new ArrayBuffer(Math.max(SLAB_BYTES, chunk.byteLength));
		const bytes = new Uint8Array(slab, 0, chunk.byteLength);
		bytes.set(chunk);
		worker.postMessage({ type: 'chunk', bytes } satisfies ToWorker, [slab]);
		inFlight += bytes.length;
		while (inFlight > IN_FLIGHT_BYTES && !settled) await new Promise<void>((r) => (wake = r));
		wake = undefined;
	}
	if (!settled) worker.postMessage({ type: 'end' });
	return outcome;
}
