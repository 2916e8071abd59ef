import { HttpProblem } from '../http';
import type { Store } from './types';

/** Lock contention that goes away by itself: wait and try again. */
const TRANSIENT = new Set([
	'SQLITE_BUSY',
	'SQLITE_BUSY_SNAPSHOT',
	'SQLITE_BUSY_RECOVERY',
	'SQLITE_LOCKED',
	'40001', // postgres: serialization failure
	'40P01', // postgres: deadlock detected
	'57P03' // postgres: cannot connect now (starting up)
]);

function errorCode(e: unknown): string {
	const code = (e as { code?: unknown } | null)?.code;
	return typeof code === 'string' ? code : '';
}

export function isTransient(e: unknown): boolean {
	return TRANSIENT.has(errorCode(e));
}

/** A storage failure the client can act on: 503 in the API's error shape, never a crash. */
export class StoreUnavailable extends HttpProblem {
	constructor(
		readonly operation: string,
		readonly cause: unknown
	) {
		const code = errorCode(cause) || 'store error';
		const why = /FULL|IOERR|ENOSPC/.test(code)
			? 'its storage is full'
			: isTransient(cause)
				? 'its database is locked by another process'
				: 'its database cannot be reached';
		super(
			'api_error',
			`The playground could not ${operation} because ${why} (${code}); nothing was saved. Try again shortly.`,
			503
		);
	}
}

export interface RetryOptions {
	/** Total time to keep retrying lock contention before giving up. */
	maxWaitMs: number;
	/** Waits between attempts start here and double (capped at 250 ms). */
	firstDelayMs: number;
	sleep?: (ms: number) => Promise<void>;
}

const DEFAULTS: RetryOptions = { maxWaitMs: 3000, firstDelayMs: 10 };
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** What each store method does, in words for the error message. */
const OPERATION: Partial<Record<keyof Store, string>> = {
	savePermalink: 'save the permalink',
	recordBatch: 'record the batch',
	addUsage: 'record usage',
	reserveUsage: 'check the token budget',
	settleUsage: 'record usage',
	getUsage: 'read usage',
	incrementRate: 'count the request',
	createApiToken: 'create the token',
	createSession: 'start the session',
	findSession: 'check the session'
};

/**
 * Wraps every store call: lock contention is retried with growing async waits (better-sqlite3
 * is synchronous, so its own busy_timeout would freeze the event loop for every request while
 * it waits; ours is kept tiny and the waiting happens here, between turns of the loop).
 * Whatever still fails becomes a StoreUnavailable (503) instead of a raw driver error.
 */
export function withRetries(store: Store, options: Partial<RetryOptions> = {}): Store {
	return retrying(store, { ...DEFAULTS, ...options }, new Set(['prompts', 'identities', 'leases']));
}

/** The retrying proxy; the named sub-stores (objects of their own) are wrapped the same way. */
function retrying<T extends object>(target: T, opts: RetryOptions, nested = new Set<string>()): T {
	const wait = opts.sleep ?? sleep;
	const wrapped = new Map<PropertyKey, unknown>();
	return new Proxy(target, {
		get(target, prop, receiver) {
			const value = Reflect.get(target, prop, receiver);
			if (typeof prop === 'string' && nested.has(prop) && value && typeof value === 'object') {
				if (!wrapped.has(prop)) wrapped.set(prop, retrying(value, opts));
				return wrapped.get(prop);
			}
			if (typeof value !== 'function' || prop === 'close') return value;
			return async (...args: unknown[]) => {
				let delay = opts.firstDelayMs;
				let waited = 0;
				for (;;) {
					try {
						return await value.apply(target, args);
					} catch (e) {
						if (e instanceof HttpProblem) throw e;
						if (!isTransient(e) || waited >= opts.maxWaitMs) {
							const operation = OPERATION[prop as keyof Store] ?? `run ${String(prop)}`;
							throw new StoreUnavailable(operation, e);
						}
						await wait(delay);
						waited += delay;
						delay = Math.min(delay * 2, 250);
					}
				}
			};
		}
	});
}
