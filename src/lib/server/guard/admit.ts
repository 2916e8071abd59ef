import type { Config } from '../config';
import { log } from '../log';
import { reserveBudget, type Reservation } from './budget';
import type { GuardDeps } from './deps';
import { estimateInputTokens } from './estimate';
import { checkRate, takeRequestSlot, takeStreamSlot } from './limits';
import { sumUsage, type Usage } from '$lib/schemas/usage';

export type ExchangeOutcome = 'complete' | 'cut' | 'failed';

/** A Messages request let through the guard: its slot and budget hold, until `finish`. */
export interface Admission {
	readonly reservation: Reservation;
	/** Usage as it becomes known (message_start, message_delta, or the whole answer). */
	noteUsage(usage: Usage | undefined): void;
	/** Settles the budget and frees the slot, once; never throws (failed writes are queued). */
	finish(outcome: ExchangeOutcome): Promise<void>;
}

/**
 * Everything checked before a Messages request goes upstream, in one call that plain node
 * handlers can make as well as Kit routes: the per-minute rate, a concurrency slot (streams
 * and plain requests are counted apart) and a hold on the daily budget for the worst case.
 */
export async function admitMessage(
	user: string,
	params: { max_tokens: number; stream?: boolean | null },
	raw: unknown,
	config: Config,
	deps: GuardDeps
): Promise<Admission> {
	await checkRate(user, config, deps);
	const release =
		params.stream === true
			? await takeStreamSlot(user, config, deps)
			: await takeRequestSlot(user, config, deps);
	let reservation: Reservation;
	try {
		reservation = await reserveBudget(
			user,
			{ inputTokens: estimateInputTokens(raw), maxTokens: params.max_tokens },
			config,
			deps
		);
	} catch (e) {
		await release();
		throw e;
	}
	let usage: Usage | null = null;
	let finished = false;
	return {
		reservation,
		// An answer without usage counts as unknown: the whole hold is charged.
		noteUsage: (u) => (usage = u ?? null),
		async finish(outcome) {
			if (finished) return;
			finished = true;
			try {
				await release();
				// Nothing was answered: the hold goes back, nothing is charged.
				if (outcome === 'failed') await reservation.settle(sumUsage([]));
				else await reservation.settle(usage, outcome === 'complete');
			} catch (e) {
				log.error('settling a request failed', { user, error: String(e) });
			}
		}
	};
}
