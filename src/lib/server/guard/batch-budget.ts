import { sumUsage } from '$lib/schemas/usage';
import { budgetAccount } from '../auth/names';
import type { Config } from '../config';
import { HttpProblem } from '../http';
import { log } from '../log';
import { getStore, type Store } from '../store';
import { getUpstream } from '../upstream';
import { jsonlUsageTap } from './batch-usage';
import type { GuardDeps } from './deps';
import { utcDay } from './ledger';
import { LimitProblem, checkRate, secondsToMidnight } from './limits';

export interface BatchHold {
	readonly tokens: number;
	readonly day: string;
	/** The create failed upstream: give the hold back. */
	release(): Promise<void>;
	/** The batch exists: remember the hold so it is settled from the batch's results when it ends. */
	attach(batchId: string): Promise<void>;
}

/**
 * Before a batch create goes upstream: the rate, the per-user batch quota, and a hold on the
 * whole batch's worst case (refused over budget, as a single request would be).
 */
export async function admitBatch(
	user: string,
	worstCase: number,
	config: Config,
	deps: GuardDeps
): Promise<BatchHold> {
	await checkRate(user, config, deps);
	const store = await getStore();
	if ((await store.countOwned('batches', user)) >= config.MAX_BATCHES_PER_USER)
		throw new HttpProblem(
			'rate_limit_error',
			`${user} has ${config.MAX_BATCHES_PER_USER} batches on this playground (the most allowed); delete some first.`
		);
	const day = utcDay();
	const budget = config.DAILY_TOKEN_BUDGET ?? null;
	const tokens = budget === null ? 0 : worstCase;
	// The hold, and the batch's usage when it ends, go to the account (guests share one).
	const account = budgetAccount(user);
	if (budget !== null && !(await deps.ledger.reserve(account, day, tokens, budget)))
		throw new LimitProblem(
			`This batch may use up to ${tokens} tokens (input estimates + max_tokens), ` +
				`more than is left of ${account}'s daily budget (${budget}).`,
			secondsToMidnight(Date.now())
		);
	return {
		tokens,
		day,
		release: () =>
			deps.writes.run({
				kind: 'usage',
				user: account,
				day,
				reserved: tokens,
				usage: sumUsage([])
			}),
		attach: (batchId) =>
			deps.writes.run({
				kind: 'batch hold',
				hold: { batchId, user: account, day, reservedTokens: tokens }
			})
	};
}

/** Sums a batch's usage from its results, streamed from upstream a line at a time. */
export async function resultsUsage(batchId: string) {
	const res = await getUpstream().send({
		method: 'GET',
		path: `/v1/messages/batches/${encodeURIComponent(batchId)}/results`,
		headers: {},
		signal: AbortSignal.timeout(10 * 60_000)
	});
	if (!res.ok || !res.body) throw new Error(`results of ${batchId} answered ${res.status}`);
	const tap = jsonlUsageTap();
	for await (const chunk of res.body) tap.feed(chunk);
	return tap.finish();
}

/** Settles an ended batch's hold once (across instances: the claim is atomic in the store). */
export async function settleEndedBatch(
	batchId: string,
	deps: GuardDeps,
	store?: Store
): Promise<void> {
	const s = store ?? (await getStore());
	const hold = await s.claimBatchReservation(batchId, new Date().toISOString());
	if (!hold) return;
	await deps.writes.run({ kind: 'batch usage', hold });
}

/** Called with every batch object that passes through the gateway: ended ones get settled. */
export function observeBatches(batches: readonly unknown[], deps: GuardDeps): void {
	for (const b of batches) {
		const batch = b as { id?: unknown; processing_status?: unknown } | null;
		if (typeof batch?.id === 'string' && batch.processing_status === 'ended')
			settleEndedBatch(batch.id, deps).catch((e) =>
				log.error('batch settlement failed', { batchId: batch.id, error: String(e) })
			);
	}
}

/** Settles holds of batches nobody looked at after they ended; run now and then. */
export async function sweepBatchHolds(deps: GuardDeps): Promise<void> {
	const store = await getStore();
	for (const hold of await store.openBatchReservations(50)) {
		const res = await getUpstream().send({
			method: 'GET',
			path: `/v1/messages/batches/${encodeURIComponent(hold.batchId)}`,
			headers: {},
			signal: AbortSignal.timeout(30_000)
		});
		if (!res.ok) continue;
		const batch = (await res.json()) as { processing_status?: string };
		if (batch.processing_status === 'ended') await settleEndedBatch(hold.batchId, deps, store);
	}
}
