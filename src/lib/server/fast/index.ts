import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Handle } from '@sveltejs/kit';
import { getLimitDeps } from '../guard/deps';
import { Exchange } from './exchange';
import { serveBatchResults, serveCountTokens, serveMessages } from './messages';

/**
 * The gateway's hot path served by plain node handlers in front of SvelteKit (scripts/start.js
 * mounts it): same modules, same guards, same answers as the Kit routes, without turning every
 * request and answer into web streams. The Kit routes stay, for `vite dev` and as the fallback.
 */
export interface FastPath {
	/** Takes the request (true) or leaves it to Kit (false). */
	handle(req: IncomingMessage, res: ServerResponse): boolean;
	/** Writes what is waiting to be written (usage settlements); for a clean shutdown. */
	drain(): Promise<void>;
}

type Serve = (x: Exchange) => Promise<void>;

const POSTS: Record<string, Serve> = {
	'/api/v1/messages': serveMessages,
	'/api/v1/messages/count_tokens': serveCountTokens
};

/** The batchId param matcher's (src/params/batchId.ts) ids; any other path is left to Kit. */
const RESULTS = /^\/api\/v1\/messages\/batches\/(msgbatch_[A-Za-z0-9]{1,128})\/results$/;

function route(method: string | undefined, path: string): Serve | undefined {
	if (method === 'POST') return POSTS[path];
	const results = method === 'GET' ? RESULTS.exec(path) : null;
	if (results) return (x) => serveBatchResults(x, results[1]);
	return undefined;
}

async function run(x: Exchange, guards: readonly Handle[], serve: Serve) {
	try {
		const refusal = await x.guard(guards);
		if (refusal) return await x.answer(refusal);
		await serve(x);
	} catch (e) {
		await x.fail(e).catch(() => x.res.destroy());
	}
}

export function createFastPath(guards: readonly Handle[]): FastPath {
	return {
		handle(req, res) {
			const url = req.url ?? '/';
			const q = url.indexOf('?');
			const path = q < 0 ? url : url.slice(0, q);
			const serve = route(req.method, path);
			if (!serve) return false;
			// Nothing flows until the body is read (a chunked body already has a counting listener).
			req.pause();
			void run(new Exchange(req, res, path), guards, serve);
			return true;
		},
		drain: async () => {
			const { ledger, writes } = getLimitDeps();
			await ledger.flush?.();
			await writes.flush();
		}
	};
}

/** Where scripts/start.js finds the fast path once the Kit server (and its hooks) loaded. */
export const FAST_PATH_KEY = Symbol.for('messages-playground.fast-path');

export function registerFastPath(guards: readonly Handle[]): void {
	(globalThis as Record<symbol, unknown>)[FAST_PATH_KEY] = createFastPath(guards);
}
