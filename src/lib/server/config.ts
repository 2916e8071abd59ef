import { z } from 'zod';
import { describeIssues } from '$lib/schemas/issues';

/**
 * The one reader of the environment. Reads `process.env` (what adapter-node, vitest and the
 * standalone simulator all share) and validates it once; a bad value stops start-up with one
 * line naming the variable.
 */
const bool = z
	.enum(['true', 'false', '1', '0', 'yes', 'no', ''])
	.transform((v) => v === 'true' || v === '1' || v === 'yes');
const int = (min: number, max = Number.MAX_SAFE_INTEGER) =>
	z.coerce.number().int().min(min).max(max);
const list = z.string().transform((s) =>
	s
		.split(',')
		.map((x) => x.trim())
		.filter(Boolean)
);
const userList = list.pipe(
	z
		.array(
			z
				.string()
				.regex(
					/^[^:]{1,64}:.{8,}$/,
					'each entry must be name:secret with a secret of 8+ characters'
				)
		)
		.transform(
			(entries) =>
				new Map(
					entries.map((e) => [e.slice(0, e.indexOf(':')).trim(), e.slice(e.indexOf(':') + 1)])
				)
		)
);

const EnvSchema = z.object({
	ANTHROPIC_API_KEY: z
		.string()
		.trim()
		.optional()
		.transform((k) => k || undefined),
	ANTHROPIC_BASE_URL: z.url().default('https://api.anthropic.com'),
	UPSTREAM: z.enum(['auto', 'anthropic', 'simulator']).default('auto'),
	UPSTREAM_MAX_RETRIES: int(0, 10).default(0),
	UPSTREAM_TIMEOUT_MS: int(1000).default(600_000),
	PORT: int(1, 65535).default(3000),
	HOST: z.string().min(1).default('0.0.0.0'),
	ORIGIN: z.url().optional(),
	DATA_DIR: z.string().min(1).default('./data'),
	DATABASE_URL: z
		.string()
		.regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
		.optional(),
	LOG_LEVEL: z.enum(['error', 'warn', 'info', 'debug']).default('info'),
	SIMULATOR_TOKENS_PER_SECOND: z.coerce.number().min(0).default(80),
	SIMULATOR_SEED: z.string().default('playground'),
	SIMULATOR_BATCH_SECONDS_PER_REQUEST: z.coerce.number().min(0).default(0.05),
	SIMULATOR_FAULT: z.string().optional(),
	MAX_BODY_BYTES: int(1024).default(32 * 1024 * 1024),
	// Batch creates may be far larger than one message (the API allows 256 MB).
	MAX_BATCH_BODY_BYTES: int(1024).default(256 * 1024 * 1024),
	MODEL_ALLOWLIST: list.optional(),
	// A JSON file replacing the bundled model/price catalog (src/lib/catalog/catalog.json).
	CATALOG_FILE: z.string().min(1).optional(),
	MAX_TOKENS_CAP: int(1).optional(),
	PLAYGROUND_PASSCODE: z.string().min(8, 'must be at least 8 characters').optional(),
	SESSION_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
	TRUSTED_USER_HEADER: z.string().min(1).optional(),
	TRUSTED_PROXIES: list.default([]),
	DAILY_TOKEN_BUDGET: int(1).optional(),
	MAX_CONCURRENT_STREAMS: int(1).optional(),
	REQUESTS_PER_MINUTE: int(1).optional(),
	SECURE_COOKIES: bool.optional(),
	// Hardening (issue 16): identities, admin, quotas and limits.
	/** `name:secret` pairs, comma-separated: passcode users, each with their own secret. */
	PLAYGROUND_USERS: userList.optional(),
	/** Names a passcode login may never take (SSO identities), besides the listed users. */
	RESERVED_NAMES: list.default([]),
	ADMIN_USERS: list.default([]),
	/** How long an invite link made on /admin stays usable. */
	INVITE_TTL_HOURS: int(1, 24 * 30).default(72),
	/** How many proxies in front append to X-Forwarded-For (0: the socket address is the client). */
	TRUSTED_PROXY_HOPS: int(0, 10).default(0),
	MAX_CONCURRENT_REQUESTS: int(1).optional(),
	SQLITE_MAX_MB: int(1).optional(),
	MAX_PERMALINKS_PER_USER: int(1).default(10_000),
	MAX_BATCHES_PER_USER: int(1).default(1_000),
	MAX_API_TOKENS_PER_USER: int(1).default(20),
	/** Batch uploads in flight at once per user (each may be hundreds of MB). */
	MAX_BATCH_UPLOADS_PER_USER: int(1).default(1)
});

export type Config = z.infer<typeof EnvSchema> & { upstreamKind: 'anthropic' | 'simulator' };

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined>): Config {
	// Empty strings mean "not set", as in most .env files.
	const cleaned = Object.fromEntries(
		Object.keys(EnvSchema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]])
	);
	const parsed = EnvSchema.safeParse(cleaned);
	// Names the setting and the rule it breaks; never echoes a value (it may be a secret).
	if (!parsed.success) throw new ConfigError(`Invalid setting ${describeIssues(parsed.error)}`);
	const c = parsed.data;
	if (c.UPSTREAM === 'anthropic' && !c.ANTHROPIC_API_KEY)
		throw new ConfigError('Invalid setting ANTHROPIC_API_KEY: required when UPSTREAM=anthropic');
	if ((c.PLAYGROUND_PASSCODE || c.PLAYGROUND_USERS) && !c.ORIGIN && !c.TRUSTED_USER_HEADER)
		throw new ConfigError(
			'Invalid setting ORIGIN: required with a passcode login (the CSRF check must not trust Host)'
		);
	const upstreamKind =
		c.UPSTREAM === 'auto' ? (c.ANTHROPIC_API_KEY ? 'anthropic' : 'simulator') : c.UPSTREAM;
	return { ...c, upstreamKind };
}

let cached: Config | undefined;

export function getConfig(): Config {
	cached ??= loadConfig(process.env);
	return cached;
}

/** For tests that change the environment between cases. */
export function resetConfig(): void {
	cached = undefined;
}

/** Server secrets that must never leave in a log line, permalink or shared document. */
export function serverSecrets(config: Config = getConfig()): string[] {
	return [config.ANTHROPIC_API_KEY, config.PLAYGROUND_PASSCODE, config.SESSION_SECRET].filter(
		(s): s is string => !!s
	);
}
