import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4173);
/** The gated server listens on PORT + 1 with this passcode. */
export const GATED_PASSCODE = 'e2e team passcode';
export const GATED_URL = `http://127.0.0.1:${PORT + 1}`;
/** The gated server's admin (listed with their own secret), who invites people on /admin. */
export const GATED_ADMIN = { name: 'e2e-admin', secret: 'e2e admin secret' };

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	timeout: 30_000,
	expect: { timeout: 10_000 },
	fullyParallel: true,
	workers: 2,
	reporter: [['list']],
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		launchOptions: {
			// Debian's Chromium: Playwright cannot download its own browser here.
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	webServer: [
		{
			// The real build, on the built-in simulator, paced so a stream is visibly a stream.
			command: 'node scripts/start.js',
			url: `http://127.0.0.1:${PORT}/api/health`,
			reuseExistingServer: false,
			timeout: 60_000,
			env: {
				PORT: String(PORT),
				HOST: '127.0.0.1',
				UPSTREAM: 'simulator',
				ANTHROPIC_API_KEY: '',
				SIMULATOR_TOKENS_PER_SECOND: '400',
				SIMULATOR_BATCH_SECONDS_PER_REQUEST: '0.02',
				// Every test is the same anonymous user, and two workers create batches at once.
				MAX_BATCH_UPLOADS_PER_USER: '4',
				DATA_DIR: process.env.E2E_DATA_DIR ?? `/tmp/playground-e2e-${process.pid}`,
				LOG_LEVEL: 'warn'
			}
		},
		{
			// The same build with the team gate on (tests/e2e/login.e2e.ts).
			command: 'node scripts/start.js',
			url: `http://127.0.0.1:${PORT + 1}/api/health`,
			reuseExistingServer: false,
			timeout: 60_000,
			env: {
				PORT: String(PORT + 1),
				HOST: '127.0.0.1',
				UPSTREAM: 'simulator',
				ANTHROPIC_API_KEY: '',
				PLAYGROUND_PASSCODE: GATED_PASSCODE,
				PLAYGROUND_USERS: `${GATED_ADMIN.name}:${GATED_ADMIN.secret}`,
				ADMIN_USERS: GATED_ADMIN.name,
				// Gated mode requires ORIGIN (the CSRF check must not trust Host); plain http here.
				ORIGIN: GATED_URL,
				DATA_DIR: `/tmp/playground-e2e-gated-${process.pid}`,
				LOG_LEVEL: 'warn'
			}
		}
	]
});
