import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { Handle, RequestEvent } from '@sveltejs/kit';
import { getConfig } from '../config';
import { apiError, HttpProblem, newRequestId } from '../http';
import { clientAddress } from '../guard/identity';
import { API_CSP } from '../guard/security-headers';
import { log } from '../log';
import { logRequest, type RequestLogFields } from '../request-log';
import { answerHeadersOf, type AnswerHeaders, type Cancel } from './wire';

/** What the Kit hooks' guards read of an event; the fast path builds this much and no more. */
type GuardEvent = Pick<
	RequestEvent,
	'url' | 'request' | 'locals' | 'cookies' | 'getClientAddress' | 'isSubRequest'
>;

const PASSED = new Response(null, { status: 204 });
/** A guard's `resolve`: the next step, which for the fast path is just "passed". */
const pass = async () => PASSED;

function cookieReader(header: string | undefined): RequestEvent['cookies'] {
	let parsed: Map<string, string> | undefined;
	const get = (name: string) => {
		parsed ??= new Map(
			(header ?? '')
				.split(';')
				.map((part) => part.trim())
				.filter((part) => part.includes('='))
				.map((part) => {
					const at = part.indexOf('=');
					let value = part.slice(at + 1);
					try {
						value = decodeURIComponent(value);
					} catch {
						// kept as sent, as Kit's cookie parser does
					}
					return [part.slice(0, at), value] as [string, string];
				})
		);
		return parsed.get(name);
	};
	// Only `get` is read by the guards; the rest would be a Kit route's business.
	return { get } as RequestEvent['cookies'];
}

/**
 * What the guards and the forwarding read of a request's headers (`get`, `forEach`), read
 * straight from node's parsed headers: the same values a Headers built from them gives
 * (repeated headers joined with `, `), without copying and re-validating every one.
 */
export class NodeHeaders {
	constructor(private readonly raw: IncomingHttpHeaders) {}
	get(name: string): string | null {
		const value = this.raw[name.toLowerCase()];
		if (value === undefined) return null;
		return Array.isArray(value) ? value.join(', ') : value;
	}
	has(name: string): boolean {
		return this.raw[name.toLowerCase()] !== undefined;
	}
	forEach(callback: (value: string, name: string, parent: Headers) => void): void {
		for (const name of Object.keys(this.raw).sort()) {
			const value = this.get(name);
			if (value !== null) callback(value, name, this as unknown as Headers);
		}
	}
}

/**
 * One request served by the fast path: its id, who is calling, the client going away, and
 * the one request log line, as the Kit hooks (hooks.server.ts) give a route.
 */
export class Exchange implements Cancel {
	readonly requestId = newRequestId();
	readonly started = performance.now();
	readonly headers: NodeHeaders;
	user = 'anonymous';
	private logged = false;
	private left = false;
	private listeners: (() => void)[] = [];
	private controller: AbortController | undefined;

	constructor(
		readonly req: IncomingMessage,
		readonly res: ServerResponse,
		readonly path: string
	) {
		this.headers = new NodeHeaders(req.headers);
		// The client left before the answer ended: stop the upstream call too.
		res.once('close', () => {
			if (res.writableFinished) return;
			this.left = true;
			for (const listener of this.listeners.splice(0)) listener();
		});
	}

	/** The client went away before its answer was sent in full. */
	get gone(): boolean {
		return this.left;
	}
	get aborted(): boolean {
		return this.left;
	}

	onAbort(listener: () => void): () => void {
		if (this.left) {
			listener();
			return () => {};
		}
		this.listeners.push(listener);
		return () => {
			const at = this.listeners.indexOf(listener);
			if (at >= 0) this.listeners.splice(at, 1);
		};
	}

	/** An AbortSignal for what needs one (the in-process simulator), made only when asked for. */
	get signal(): AbortSignal {
		if (!this.controller) {
			const controller = (this.controller = new AbortController());
			this.onAbort(() => controller.abort());
		}
		return this.controller.signal;
	}

	/**
	 * Runs the same guards the Kit hooks run for /api (CSRF, API tokens, the team gate) on a
	 * view of this request. Returns their refusal, or null with `user` set.
	 */
	async guard(guards: readonly Handle[]): Promise<Response | null> {
		const origin = getConfig().ORIGIN ?? `http://${this.req.headers.host ?? 'localhost'}`;
		const event: GuardEvent = {
			url: new URL(this.req.url ?? '/', origin),
			// The guards read a request's method and headers only; a real Request costs more.
			request: {
				method: this.req.method ?? 'POST',
				headers: this.headers as unknown as Headers
			} as Request,
			locals: { requestId: this.requestId, user: 'anonymous' } as App.Locals,
			cookies: cookieReader(this.req.headers.cookie),
			getClientAddress: () => this.req.socket.remoteAddress ?? '',
			isSubRequest: false
		};
		for (const guard of guards) {
			// Each guard either answers or resolves to the next; none reads more than GuardEvent.
			const out = await guard({ event: event as RequestEvent, resolve: pass });
			if (out !== PASSED) return out;
		}
		this.user = event.locals.user;
		return null;
	}

	/**
	 * Writes status and headers: the upstream's (already filtered; our own copy, so ours are
	 * added in place) with ours on top.
	 */
	head(status: number, headers: AnswerHeaders): void {
		// start.js set the static files' CSP; API answers get the one that allows nothing.
		headers['content-security-policy'] = API_CSP;
		headers['x-request-id'] = this.requestId;
		this.res.writeHead(status, headers);
		// The log line (its fields and a JSON write to stdout) waits until the first bytes went out.
		this.logged = true;
		setImmediate(() => logRequest(this.logFields(status)));
	}

	/** Answers with a whole web Response (an error the shared modules built). */
	async answer(response: Response): Promise<void> {
		const body = Buffer.from(await response.arrayBuffer());
		if (this.gone) return this.log(499);
		this.head(response.status, answerHeadersOf(response.headers));
		this.res.end(body);
	}

	/** Any failure, in the API's error shape, as the Kit routes' apiHandler answers it. */
	async fail(e: unknown): Promise<void> {
		if (this.res.headersSent) {
			// Mid-answer: the stream just ends early, as a dropped connection does.
			this.res.destroy();
			return;
		}
		if (e instanceof HttpProblem) return this.answer(e.toResponse(this.requestId));
		if (this.gone) return this.log(499);
		log.error('unexpected error in API route', { requestId: this.requestId, error: String(e) });
		const response = apiError('api_error', 'Internal error in the playground server', {
			requestId: this.requestId
		});
		return this.answer(response);
	}

	/** The request's one log line (as hooks.server.ts writes it), marked as served here. */
	log(status: number): void {
		if (this.logged) return;
		this.logged = true;
		logRequest(this.logFields(status));
	}

	private logFields(status: number): RequestLogFields {
		const config = getConfig();
		const forwarded = this.req.headers['x-forwarded-for'];
		return {
			requestId: this.requestId,
			method: this.req.method ?? 'POST',
			path: this.path,
			status,
			user: this.user,
			address: clientAddress(
				this.req.socket.remoteAddress ?? '',
				typeof forwarded === 'string' ? forwarded : null,
				config.TRUSTED_PROXY_HOPS
			),
			ms: Math.round(performance.now() - this.started),
			fast: true
		};
	}
}
