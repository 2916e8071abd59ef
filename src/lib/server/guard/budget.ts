import { budgetAccount } from '../auth/names';
import type { Config } from '../config';
import type { WriteQueue } from './durable-writes';
import { utcDay } from './ledger';
import { LimitProblem, secondsToMidnight, type LimitDeps } from './limits';
import { promptTokens, type Usage } from '$lib/schemas/usage';

/**
 * A request's hold on the daily budget: its worst case (input estimate + max_tokens) is
 * reserved before anything goes upstream, so parallel requests cannot all fit in the same
 * room; `settle` swaps the hold for the real usage.
 */
export interface Reservation {
	readonly tokens: number;
	/**
	 * Records the real usage and releases the hold, once (later calls do nothing). With no
	 * usage, or an answer cut short, the whole hold is charged: the real count is unknown.
	 */
	settle(usage: Usage | null, complete?: boolean): Promise<void>;
}

export interface WorstCase {
	inputTokens: number;
	maxTokens: number;
}

/**
 * Holds the worst case against the budget of the user's account (guests share one), or refuses
 * with 429 and when to come back.
 */
export async function reserveBudget(
	identity: string,
	worst: WorstCase,
	config: Config,
	deps: LimitDeps & { writes: WriteQueue },
	now = Date.now()
): Promise<Reservation> {
	const user = budgetAccount(identity);
	const day = utcDay(now);
	const budget = config.DAILY_TOKEN_BUDGET ?? null;
	const tokens = budget === null ? 0 : worst.inputTokens + worst.maxTokens;
	if (budget !== null && !(await deps.ledger.reserve(user, day, tokens, budget))) {
		const used = await deps.ledger.usedOn(user, day);
		const held = await deps.ledger.heldOn(user, day);
		const left = Math.max(0, budget - used - held);
		throw new LimitProblem(
			`${user} has ${left} of the daily token budget (${budget}) left, with ${held} held by requests in flight; ` +
				`this request may use up to ${tokens} (input estimate + max_tokens). The budget resets at midnight UTC.`,
			secondsToMidnight(now)
		);
	}
	let settled = false;
	return {
		tokens,
		async settle(usage, complete = true) {
			if (settled) return;
			settled = true;
			const charged = complete && usage ? usage : chargeForUnknown(worst, usage);
			await deps.writes.run({ kind: 'usage', user, day, reserved: tokens, usage: charged });
		}
	};
}

/** An answer cut short: the input is known once message_start arrived; the output is not. */
function chargeForUnknown(worst: WorstCase, partial: Usage | null): Usage {
	const read = partial && promptTokens(partial) > 0 ? partial : { input_tokens: worst.inputTokens };
	return { ...read, output_tokens: Math.max(partial?.output_tokens ?? 0, worst.maxTokens) };
}
