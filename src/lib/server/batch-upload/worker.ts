import { closeSync, openSync, writeSync } from 'node:fs';
import { isMainThread, parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { getConfig } from '../config';
import { HttpProblem } from '../http';
import {
	CHECK_WORKER_ROLE,
	batchPolicy,
	type CheckWorkerData,
	type FromWorker,
	type ToWorker
} from './protocol';
import { batchScanner } from './scanner';

/**
 * The thread that checks a large batch upload, so parsing and validating hundreds of MB never
 * blocks the server's event loop. Loaded only by dynamic import (receive.ts), so the build
 * keeps it in a chunk of its own and this URL is the file a Worker can start.
 */
export const CHECK_WORKER_URL = import.meta.url;

/** The disk under DATA_DIR failed: a 503 the client can retry, as for any storage failure. */
function spoolProblem(e: unknown): HttpProblem {
	const code = (e as { code?: string }).code ?? '';
	const why =
		code === 'ENOSPC' || code === 'EDQUOT' ? 'its storage is full' : 'it could not write it';
	return new HttpProblem(
		'api_error',
		`The playground could not take the batch because ${why} (${code || String(e)}); nothing was sent upstream.`,
		503
	);
}

function serve(port: MessagePort, data: CheckWorkerData) {
	const scanner = batchScanner(batchPolicy(getConfig()), data.maxRequestBytes);
	const fd = openSync(data.spoolFile, 'wx', 0o600);
	let stopped = false;
	const send = (m: FromWorker) => port.postMessage(m);
	port.on('message', (m: ToWorker) => {
		if (stopped) return;
		try {
			if (m.type === 'chunk') {
				scanner.push(m.bytes);
				for (let at = 0; at < m.bytes.length;)
					at += writeSync(fd, m.bytes, at, m.bytes.length - at);
				port.postMessage({ type: 'ack', bytes: m.bytes } satisfies FromWorker, [m.bytes.buffer]);
			} else {
				stopped = true;
				closeSync(fd);
				send({ type: 'done', summary: scanner.end() });
			}
		} catch (e) {
			stopped = true;
			const problem = e instanceof HttpProblem ? e : spoolProblem(e);
			send({
				type: 'problem',
				errorType: problem.type,
				message: problem.message,
				status: problem.status
			});
		}
	});
}

if (!isMainThread && (workerData as CheckWorkerData | null)?.role === CHECK_WORKER_ROLE)
	serve(parentPort!, workerData as CheckWorkerData);
