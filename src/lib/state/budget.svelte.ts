import { usage } from '$lib/api';
import type { UsageToday } from '$lib/api/usage';

/** The signed-in user's tokens today against the daily budget (shown only when one is set). */
export class BudgetState {
	#usage = $state.raw<UsageToday | null>(null);

	get usage() {
		return this.#usage;
	}
	get hasBudget(): boolean {
		return !!this.#usage?.budget;
	}

	/** Asks again; a failed ask keeps the last figures (the badge is a hint, not a gate). */
	async refresh(): Promise<void> {
		try {
			this.#usage = await usage.today();
		} catch {
			// keep the last figures
		}
	}
}
