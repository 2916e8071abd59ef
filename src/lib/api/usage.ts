// GET /api/usage: the signed-in user's tokens today against the daily budget.
import { getJson, type CallOptions } from './transport';

export interface UsageToday {
	user: string;
	/** Whose budget this is: the user, or the one account every guest (team passcode) shares. */
	account: string;
	/** UTC day, YYYY-MM-DD. */
	day: string;
	used: number;
	budget: number | null;
	remaining: number | null;
}

export function today(options: CallOptions = {}): Promise<UsageToday> {
	return getJson('/api/usage', options);
}
