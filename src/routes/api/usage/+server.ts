// GET /api/usage: the signed-in user's tokens today and what is left of the daily budget.
import { json } from '@sveltejs/kit';
import { getConfig } from '$lib/server/config';
import { getLimitDeps } from '$lib/server/guard/deps';
import { utcDay } from '$lib/server/guard/ledger';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	const day = utcDay();
	const used = await getLimitDeps().ledger.usedOn(locals.user, day);
	const budget = getConfig().DAILY_TOKEN_BUDGET ?? null;
	return json({ user: locals.user, day, used, budget, remaining: budget === null ? null : Math.max(0, budget - used) });
};
