import { CountTokensParamsSchema, MessageCreateParamsSchema } from '$lib/schemas';
import type { Usage } from '$lib/schemas/usage';
import { getConfig } from '../config';
import { outputFileRecorder } from '../gateway/files-outputs';
import { scrubberFor, type ByteScrubber } from '../gateway/scrub';
import { admitMessage, type ExchangeOutcome } from '../guard/admit';
import { getLimitDeps } from '../guard/deps';
import { checkRate } from '../guard/limits';
import { enforceRequestPolicy } from '../guard/policy';
import { sseUsageTap } from '../guard/usage-tap';
import { parseJsonText, validate } from '../http';
import { log } from '../log';
import { getStore } from '../store';
import { forwardedRequestHeaders } from '../upstream/headers';
import { clientQuery } from '../gateway/forward';
import { batchPath } from '../gateway/batch-proxy';
import { assertBatchAccess } from '../guard/batch-owner';
import type { Exchange } from './exchange';
import { readNodeBody } from './body';
import { pump } from './pump';
import { answerHeaders, callUpstream } from './upstream-call';
import type { AnswerHeaders, WireReply } from './wire';

function queryOf(x: Exchange) {
	const url = x.req.url ?? '';
	return url.includes('?') ? clientQuery(new URL(url, 'http://fast.invalid')) : undefined;
}

/** An error answer read in full (wire.ts): sent at once, key scrubbed out. */
function sendText(x: Exchange, reply: WireReply, headers: AnswerHeaders) {
	const scrubber = scrubberFor(getConfig().ANTHROPIC_API_KEY);
	const bytes = Buffer.from(reply.text ?? '');
	const out = scrubber ? Buffer.concat([scrubber.push(bytes), scrubber.flush()]) : bytes;
	x.head(reply.status, headers);
	x.res.end(out);
}

/** Reads a success's whole body (a single Message is small), key scrubbed out. */
function readAll(x: Exchange, reply: WireReply): Promise<Buffer> {
	const scrubber = scrubberFor(getConfig().ANTHROPIC_API_KEY);
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		const body = reply.body;
		if (!body) return resolve(Buffer.alloc(0));
		body.on('data', (c: Buffer) => chunks.push(scrubber ? scrubber.push(c) : c));
		body.once('end', () => {
			if (scrubber) chunks.push(scrubber.flush());
			resolve(Buffer.concat(chunks));
		});
		body.once('error', reject);
		x.res.once('close', () => body.destroy());
	});
}

/** POST /api/v1/messages, as src/routes/api/v1/messages/+server.ts serves it. */
export async function serveMessages(x: Exchange): Promise<void> {
	const config = getConfig();
	const text = await readNodeBody(x.req, config.MAX_BODY_BYTES);
	const parsed = validate(MessageCreateParamsSchema, parseJsonText(text));
	enforceRequestPolicy(parsed, config);
	const admission = await admitMessage(x.user, parsed, parsed, config, getLimitDeps());
	const settle = (outcome: ExchangeOutcome) =>
		void admission.finish(outcome).catch((e) => log.error('settle failed', { error: String(e) }));
	const stream = parsed.stream === true;
	// What the answer needs that does not depend on it is made while the upstream works (an
	// immediate runs once the request went out, before any answer can be read), not after.
	let watch: AnswerWatch | undefined;
	const prepare = () => (watch ??= answerWatch(x.user, stream, admission.noteUsage));
	let reply: WireReply;
	try {
		const pending = callUpstream(x, {
			method: 'POST',
			path: '/v1/messages',
			query: queryOf(x),
			body: text,
			stream,
			headers: forwardedRequestHeaders(x.headers)
		});
		setImmediate(prepare);
		reply = await pending;
	} catch (e) {
		settle(x.gone ? 'cut' : 'failed');
		throw e;
	}
	const headers = answerHeaders(x, reply, '/v1/messages');
	const ok = reply.status >= 200 && reply.status < 300;
	if (reply.text !== undefined || !reply.body) {
		sendText(x, reply, headers);
		return settle(ok ? 'complete' : 'failed');
	}
	const { scrubber, files, tap } = prepare();
	if (!ok) {
		x.head(reply.status, headers);
		return pump(reply.body, x.res, scrubber, { onEnd: () => settle('failed') });
	}
	if (tap) {
		headers['cache-control'] = 'no-cache';
		headers['x-accel-buffering'] = 'no';
		x.head(reply.status, headers);
		return pump(reply.body, x.res, scrubber, {
			onChunk: (chunk) => {
				tap.feed(chunk);
				files(chunk);
			},
			onEnd: (outcome) => {
				tap.finish();
				settle(outcome);
			}
		});
	}
	let bytes: Buffer;
	try {
		bytes = await readAll(x, reply);
	} catch (e) {
		settle('cut');
		throw e;
	}
	files(bytes);
	try {
		admission.noteUsage(JSON.parse(bytes.toString('utf8')).usage);
	} catch {
		// not JSON: nothing to record
	}
	settle('complete');
	if (x.gone) return x.log(499);
	x.head(reply.status, headers);
	x.res.end(bytes);
}

/** The watchers of a Messages answer: the key scrubber, the tool-made files, the usage tap. */
interface AnswerWatch {
	scrubber: ByteScrubber | undefined;
	files: (chunk: Uint8Array) => void;
	/** Streams only. */
	tap: ReturnType<typeof sseUsageTap> | undefined;
}

function answerWatch(user: string, stream: boolean, noteUsage: (u: Usage) => void): AnswerWatch {
	return {
		scrubber: scrubberFor(getConfig().ANTHROPIC_API_KEY),
		files: outputFileRecorder(getStore, user),
		tap: stream ? sseUsageTap(noteUsage) : undefined
	};
}

/**
 * GET /api/v1/messages/batches/{id}/results, as its Kit route serves it: the owner only, the
 * JSONL bytes piped through as they come (a slow reader slows the upstream socket down, so
 * memory stays flat however large the file).
 */
export async function serveBatchResults(x: Exchange, batchId: string): Promise<void> {
	await assertBatchAccess(batchId, x.user, 'read');
	const path = `${batchPath(batchId)}/results`;
	const reply = await callUpstream(x, {
		method: 'GET',
		path,
		headers: forwardedRequestHeaders(x.headers)
	});
	const headers = answerHeaders(x, reply, path);
	if (reply.text !== undefined || !reply.body) return sendText(x, reply, headers);
	x.head(reply.status, headers);
	// Chunks as they came: results arrive in large ones, and joining them would copy every byte.
	const scrubber = scrubberFor(getConfig().ANTHROPIC_API_KEY);
	pump(reply.body, x.res, scrubber, { onEnd: () => {} }, { coalesce: false });
}

/** POST /api/v1/messages/count_tokens, as its Kit route serves it. */
export async function serveCountTokens(x: Exchange): Promise<void> {
	const config = getConfig();
	const text = await readNodeBody(x.req, config.MAX_BODY_BYTES);
	const parsed = validate(CountTokensParamsSchema, parseJsonText(text));
	enforceRequestPolicy(parsed, config);
	await checkRate(x.user, config, getLimitDeps());
	const reply = await callUpstream(x, {
		method: 'POST',
		path: '/v1/messages/count_tokens',
		query: queryOf(x),
		body: text,
		headers: forwardedRequestHeaders(x.headers)
	});
	const headers = answerHeaders(x, reply, '/v1/messages/count_tokens');
	if (reply.text !== undefined || !reply.body) return sendText(x, reply, headers);
	x.head(reply.status, headers);
	pump(reply.body, x.res, scrubberFor(config.ANTHROPIC_API_KEY), { onEnd: () => {} });
}
