// GET /api/usage: the signed-in user's tokens today, what requests in flight hold, and what is
// left of the daily budget.
import { json } from '@sveltejs/kit';
import { budgetAccount } from '$lib/server/auth/names';
import { getConfig } from '$lib/server/config';
import { getLimitDeps } from '$lib/server/guard/deps';
import { utcDay } from '$lib/server/guard/ledger';
import { apiHandler } from '$lib/server/gateway/handler';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	apiHandler(event, async () => {
		const day = utcDay();
		const { ledger } = getLimitDeps();
		const user = event.locals.user;
		// Guests share one account; everyone else's account is themselves.
		const account = budgetAccount(user);
		const [used, held] = await Promise.all([
			ledger.usedOn(account, day),
			ledger.heldOn(account, day)
		]);
		const budget = getConfig().DAILY_TOKEN_BUDGET ?? null;
		const remaining = budget === null ? null : Math.max(0, budget - used - held);
		return json({ user, account, day, used, held, budget, remaining });
	});
