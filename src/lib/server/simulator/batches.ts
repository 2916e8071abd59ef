import { BatchCreateParamsSchema, PageQuerySchema, type BatchCreateParams } from '$lib/schemas';
import { describeIssues } from '$lib/schemas/issues';
import { HttpProblem, json, parseJsonText, readBodyText, validate } from '../http';
import { batchObject, batchProgress, type BatchMeta } from './batches-progress';
import { resultsStream, runRequest } from './batches-results';
import { BatchStore, type StoredRequest } from './batches-store';
import type { SimContext } from './messages';
import { paginate } from './paginate';
import { apiId, createRng } from './random';

export interface BatchOptions {
	dataDir: string;
	secondsPerRequest: number;
	maxBodyBytes: number;
	now: () => number;
}

/** Requests checked between two yields to the event loop, so a huge create never stalls other calls. */
const CHECKS_PER_TICK = 1000;

/**
 * The Message Batches endpoints. `handle` answers `/v1/messages/batches...` paths and returns
 * null for anything else. Every answer is computed from disk and the clock, see batches-progress.
 */
export function createBatches(options: BatchOptions) {
	const store = new BatchStore(options.dataDir);

	async function found(id: string): Promise<BatchMeta> {
		const meta = await store.get(id);
		if (!meta) throw new HttpProblem('not_found_error', `message_batch_id: no batch with id ${id}`);
		return meta;
	}

	/**
	 * Only the envelope can fail a create; each request's params are run through the same
	 * checks as /v1/messages, and a rejected one is stored as an `errored` result.
	 */
	async function* checked(
		raw: BatchCreateParams,
		ctx: SimContext,
		errored: number[]
	): AsyncGenerator<StoredRequest> {
		for (let i = 0; i < raw.requests.length; i++) {
			const { custom_id, params } = raw.requests[i];
			const result = runRequest(params, ctx);
			if (result.type === 'errored') errored.push(i);
			yield result.type === 'errored'
				? { custom_id, params, error: result.error }
				: { custom_id, params };
			if (i % CHECKS_PER_TICK === CHECKS_PER_TICK - 1) await new Promise((r) => setImmediate(r));
		}
	}

	async function create(request: Request, ctx: SimContext, origin: string): Promise<Response> {
		const raw = parseJsonText(await readBodyText(request, options.maxBodyBytes));
		validate(BatchCreateParamsSchema, raw);
		// Store the params as sent (not zod's output), so results see exactly what the client wrote.
		const body = raw as BatchCreateParams;
		const seed = crypto.getRandomValues(new Uint32Array(1))[0];
		const meta: BatchMeta = {
			id: apiId('msgbatch', createRng(seed)),
			createdAtMs: options.now(),
			count: body.requests.length,
			secondsPerRequest: options.secondsPerRequest,
			cancelInitiatedAtMs: null,
			betas: [...ctx.betas],
			errored: []
		};
		await store.create(meta, checked(body, ctx, meta.errored));
		return json(batchObject(meta, meta.createdAtMs, origin));
	}

	async function list(url: URL, origin: string): Promise<Response> {
		const query = PageQuerySchema.safeParse(Object.fromEntries(url.searchParams));
		if (!query.success) throw new HttpProblem('invalid_request_error', describeIssues(query.error));
		const now = options.now();
		const batches = (await store.list()).map((m) => batchObject(m, now, origin));
		return json(paginate(batches, query.data));
	}

	async function cancel(id: string, origin: string): Promise<Response> {
		const meta = await found(id);
		const now = options.now();
		if (batchProgress(meta, now).status === 'ended')
			throw new HttpProblem(
				'invalid_request_error',
				`Batch ${id} has already ended and cannot be canceled.`
			);
		if (meta.cancelInitiatedAtMs === null) {
			meta.cancelInitiatedAtMs = now;
			await store.writeMeta(meta);
		}
		return json(batchObject(meta, now, origin));
	}

	async function remove(id: string): Promise<Response> {
		const meta = await found(id);
		if (batchProgress(meta, options.now()).status !== 'ended')
			throw new HttpProblem(
				'invalid_request_error',
				`Batch ${id} is still processing; cancel it and wait until it has ended before deleting it.`
			);
		await store.remove(id);
		return json({ id, type: 'message_batch_deleted' });
	}

	/** Results exist only once a batch has ended; before that it is a 400 (the batch itself exists). */
	async function results(id: string, ctx: SimContext): Promise<Response> {
		const meta = await found(id);
		const progress = batchProgress(meta, options.now());
		if (progress.status !== 'ended')
			throw new HttpProblem(
				'invalid_request_error',
				`Batch ${id} is still processing; results are available once processing_status is "ended".`
			);
		const body = resultsStream(store.requestLines(id), progress, { ...ctx, betas: meta.betas });
		return new Response(body, {
			headers: {
				'content-type': 'application/x-jsonl',
				'content-disposition': `attachment; filename="${id}_results.jsonl"`
			}
		});
	}

	return {
		async handle(
			request: Request,
			url: URL,
			path: string,
			ctx: SimContext
		): Promise<Response | null> {
			const method = request.method;
			const origin = url.origin;
			if (path === '/v1/messages/batches') {
				if (method === 'POST') return create(request, ctx, origin);
				if (method === 'GET') return list(url, origin);
				return null;
			}
			const m = path.match(/^\/v1\/messages\/batches\/([^/]+)(?:\/(cancel|results))?$/);
			if (!m) return null;
			// Not decoded: real ids are plain letters and digits, and a malformed %-escape must stay a 404.
			const id = m[1];
			if (m[2] === 'cancel' && method === 'POST') return cancel(id, origin);
			if (m[2] === 'results' && method === 'GET') return results(id, ctx);
			if (m[2] === undefined && method === 'GET')
				return json(batchObject(await found(id), options.now(), origin));
			if (m[2] === undefined && method === 'DELETE') return remove(id);
			return null;
		}
	};
}
