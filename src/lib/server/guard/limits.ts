import { budgetAccount } from '../auth/names';
import type { Config } from '../config';
import { HttpProblem } from '../http';
import type { WindowCounter } from './counter';
import { utcDay, type StreamSlots, type UsageLedger } from './ledger';

export interface LimitDeps {
	counter: WindowCounter;
	ledger: UsageLedger;
	slots: StreamSlots;
}

/** A refusal that tells SDKs when to come back. */
export class LimitProblem extends HttpProblem {
	constructor(
		message: string,
		readonly retryAfterSeconds: number
	) {
		super('rate_limit_error', message);
	}
	override toResponse(requestId?: string): Response {
		const res = super.toResponse(requestId);
		res.headers.set('retry-after', String(this.retryAfterSeconds));
		return res;
	}
}

export function secondsToNextMinute(now: number) {
	return Math.max(1, Math.ceil((60_000 - (now % 60_000)) / 1000));
}
export function secondsToMidnight(now: number) {
	const d = new Date(now);
	return Math.max(
		1,
		Math.ceil((Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1) - now) / 1000)
	);
}

/**
 * Per-user requests per minute, for every route that reaches upstream or writes to the store
 * (messages, count_tokens, batches, permalinks). Plain function: node handlers call it too.
 */
export async function checkRate(
	user: string,
	config: Config,
	deps: Pick<LimitDeps, 'counter'>,
	now = Date.now()
): Promise<void> {
	if (!config.REQUESTS_PER_MINUTE) return;
	const account = budgetAccount(user);
	const n = await deps.counter.hit(`rpm:${account}`, 60_000, now);
	if (n > config.REQUESTS_PER_MINUTE)
		throw new LimitProblem(
			`${account} is over this playground's limit of ${config.REQUESTS_PER_MINUTE} requests per minute.`,
			secondsToNextMinute(now)
		);
}

/** Refuses when the user's budget for today is already spent (batch creates check their whole hold). */
export async function checkBudgetLeft(
	user: string,
	config: Config,
	deps: LimitDeps,
	now = Date.now()
): Promise<void> {
	if (!config.DAILY_TOKEN_BUDGET) return;
	const day = utcDay(now);
	const account = budgetAccount(user);
	const used = (await deps.ledger.usedOn(account, day)) + (await deps.ledger.heldOn(account, day));
	if (used >= config.DAILY_TOKEN_BUDGET)
		throw new LimitProblem(
			`${account} has used the daily token budget (${used} of ${config.DAILY_TOKEN_BUDGET} tokens); ` +
				'it resets at midnight UTC.',
			secondsToMidnight(now)
		);
}

type Release = () => Promise<void>;

/**
 * One of an account's `limit` slots of a kind (leased for the upstream timeout, so a crashed
 * instance's slots expire), or a refusal that says what the account already has open.
 */
async function takeSlot(
	key: string,
	limit: number,
	config: Config,
	deps: LimitDeps,
	refusal: { busy: string; retryAfterSeconds: number }
): Promise<Release> {
	const release = await deps.slots.acquire(key, limit, config.UPSTREAM_TIMEOUT_MS);
	if (!release) throw new LimitProblem(refusal.busy, refusal.retryAfterSeconds);
	return release;
}

/** One of the user's concurrent non-streaming request slots, or a refusal. */
export async function takeRequestSlot(
	user: string,
	config: Config,
	deps: LimitDeps
): Promise<Release> {
	const n = config.MAX_CONCURRENT_REQUESTS;
	if (!n) return async () => {};
	const account = budgetAccount(user);
	return takeSlot(`req:${account}`, n, config, deps, {
		busy: `${account} already has ${n} requests in flight on this playground; wait for one to finish.`,
		retryAfterSeconds: 1
	});
}

/** Takes one of the user's concurrent-stream slots, or refuses; the release goes with the stream. */
export async function takeStreamSlot(
	user: string,
	config: Config,
	deps: LimitDeps
): Promise<Release> {
	const n = config.MAX_CONCURRENT_STREAMS;
	if (!n) return async () => {};
	const account = budgetAccount(user);
	return takeSlot(account, n, config, deps, {
		busy: `${account} already has ${n} streams open on this playground; wait for one to finish.`,
		retryAfterSeconds: 1
	});
}

/** One of the user's batch-upload slots: each upload may be hundreds of MB, so they must not pile up. */
export async function takeUploadSlot(
	user: string,
	config: Config,
	deps: LimitDeps
): Promise<Release> {
	const n = config.MAX_BATCH_UPLOADS_PER_USER;
	const account = budgetAccount(user);
	const uploads = `${n} batch upload${n === 1 ? '' : 's'}`;
	return takeSlot(`upload:${account}`, n, config, deps, {
		busy: `${account} already has ${uploads} in progress; wait for it to finish.`,
		retryAfterSeconds: 5
	});
}

/** For routes without a token estimate (relayed endpoints): the rate, and a budget not yet spent. */
export async function checkUserLimits(
	user: string,
	config: Config,
	deps: LimitDeps,
	now = Date.now()
): Promise<void> {
	await checkRate(user, config, deps, now);
	await checkBudgetLeft(user, config, deps, now);
}
