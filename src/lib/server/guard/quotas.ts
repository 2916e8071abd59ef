import type { Config } from '../config';
import { HttpProblem } from '../http';
import type { Store } from '../store';

/** Per-user storage quotas: one user cannot fill the store (and the disk) for everyone. */
function refuse(user: string, limit: number, what: string): never {
	throw new HttpProblem(
		'rate_limit_error',
		`${user} has ${limit} ${what} on this playground, the most allowed per user.`
	);
}

export async function checkPermalinkQuota(
	store: Store,
	user: string,
	config: Config
): Promise<void> {
	if ((await store.countOwned('permalinks', user)) >= config.MAX_PERMALINKS_PER_USER)
		refuse(user, config.MAX_PERMALINKS_PER_USER, 'permalinks');
}

export async function checkTokenQuota(store: Store, user: string, config: Config): Promise<void> {
	if ((await store.countOwned('api_tokens', user)) >= config.MAX_API_TOKENS_PER_USER)
		refuse(user, config.MAX_API_TOKENS_PER_USER, 'API tokens');
}
