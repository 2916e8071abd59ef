import type { Config } from '../config';
import type { Store } from '../store';
import { utcDay } from './ledger';

/** Admins come from ADMIN_USERS only; an identity the gate vouched for, never a typed-in name. */
export function isAdmin(user: string, config: Config): boolean {
	return config.ADMIN_USERS.includes(user);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Everything the admin view shows, read in one go. */
export async function adminOverview(store: Store, config: Config, now = Date.now()) {
	const [sessions, tokens, usage] = await Promise.all([
		store.listSessions(new Date(now).toISOString()),
		store.listAllApiTokens(),
		store.listUsage(utcDay(now - 6 * DAY_MS))
	]);
	const users = new Set<string>([
		...(config.PLAYGROUND_USERS?.keys() ?? []),
		...sessions.map((s) => s.user),
		...tokens.map((t) => t.user),
		...usage.map((u) => u.user)
	]);
	return {
		users: [...users].sort().map((name) => ({
			name,
			listed: config.PLAYGROUND_USERS?.has(name) ?? false,
			admin: isAdmin(name, config),
			sessions: sessions.filter((s) => s.user === name).length
		})),
		// The id hash is the handle for a revoke; the cookie value itself is never stored.
		sessions: sessions.map((s) => ({
			id: s.idHash.slice(0, 16),
			user: s.user,
			address: s.address,
			createdAt: s.createdAt,
			expiresAt: s.expiresAt
		})),
		tokens: tokens.map(({ id, user, name, createdAt, revokedAt }) => ({
			id,
			user,
			name,
			createdAt,
			revokedAt
		})),
		usage,
		budgets: {
			dailyTokenBudget: config.DAILY_TOKEN_BUDGET ?? null,
			requestsPerMinute: config.REQUESTS_PER_MINUTE ?? null,
			maxConcurrentStreams: config.MAX_CONCURRENT_STREAMS ?? null,
			maxConcurrentRequests: config.MAX_CONCURRENT_REQUESTS ?? null,
			maxTokensCap: config.MAX_TOKENS_CAP ?? null,
			modelAllowlist: config.MODEL_ALLOWLIST ?? null,
			quotas: {
				permalinks: config.MAX_PERMALINKS_PER_USER,
				batches: config.MAX_BATCHES_PER_USER,
				apiTokens: config.MAX_API_TOKENS_PER_USER
			}
		}
	};
}
