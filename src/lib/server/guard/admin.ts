import { GUEST_ACCOUNT, isGuest, listedUser } from '../auth/names';
import type { Config } from '../config';
import type { Store } from '../store';
import { adminTables } from './admin-tables';
import { utcDay } from './ledger';

/** Admins come from ADMIN_USERS only; an identity the gate vouched for, never a typed-in name. */
export function isAdmin(user: string, config: Config): boolean {
	return config.ADMIN_USERS.includes(user);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** How a user signs in, in the words the admin view shows. */
function signsInWith(name: string, members: Set<string>, config: Config): string {
	if (listedUser(name, config)) return 'own secret (PLAYGROUND_USERS)';
	if (members.has(name.toLowerCase())) return 'own secret (invite)';
	if (isGuest(name)) return 'team passcode (guest)';
	return config.TRUSTED_USER_HEADER ? 'single sign-on' : 'API token';
}

/** Everything the admin view shows, read in one go. */
export async function adminOverview(store: Store, config: Config, now = Date.now()) {
	const at = new Date(now).toISOString();
	const [sessions, tokens, usage, members, invites] = await Promise.all([
		store.listSessions(at),
		store.listAllApiTokens(),
		store.listUsage(utcDay(now - 6 * DAY_MS)),
		store.identities.listMembers(),
		store.identities.listInvites()
	]);
	const memberKeys = new Set(members.map((m) => m.name.toLowerCase()));
	const names = new Set<string>([
		...(config.PLAYGROUND_USERS?.keys() ?? []),
		...config.ADMIN_USERS,
		...members.map((m) => m.name),
		...sessions.map((s) => s.user),
		...tokens.map((t) => t.user)
	]);
	const users = [...names].sort().map((name) => ({
		name,
		signsInWith: signsInWith(name, memberKeys, config),
		admin: isAdmin(name, config),
		sessions: sessions.filter((s) => s.user === name).length,
		tokens: tokens.filter((t) => t.user === name && !t.revokedAt).length
	}));
	return {
		tables: adminTables({ users, sessions, tokens, usage, invites }, at),
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
			},
			/** Guests (shared passcode) count as one account; null when there is no passcode. */
			guestAccount: config.PLAYGROUND_PASSCODE ? GUEST_ACCOUNT : null,
			inviteHours: config.INVITE_TTL_HOURS
		}
	};
}
