import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Handle } from '@sveltejs/kit';
import { getLimitDeps } from '../guard/deps';
import { Exchange } from './exchange';
import { serveCountTokens, serveMessages } from './messages';

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

const ROUTES: Record<string, (x: Exchange) => Promise<void>> = {
	'/api/v1/messages': serveMessages,
	'/api/v1/messages/count_tokens': serveCountTokens
};

async function run(x: Exchange, guards: readonly Handle[], serve: (x: Exchange) => Promise<void>) {
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
			if (req.method !== 'POST') return false;
			const url = req.url ?? '/';
			const q = url.indexOf('?');
			const path = q < 0 ? url : url.slice(0, q);
			const serve = ROUTES[path];
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
