import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';

export const CANARY_KEY = 'sk-ant-canary-DO-NOT-LEAK-7f3a9c2e41b8';

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const s = createServer();
		s.once('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const address = s.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			s.close(() => resolve(port));
		});
	});
}

export interface AppProcess {
	url: string;
	pid: number;
	output(): string;
	stop(): Promise<void>;
}

/** Starts the built app (`build/`) with the given environment and waits for /api/health. */
export async function startApp(env: Record<string, string>, logFile?: string): Promise<AppProcess> {
	if (!existsSync('build/index.js'))
		throw new Error('build/ is missing: run `npm run build` first (npm test does)');
	const port = await freePort();
	let output = '';
	const child: ChildProcess = spawn(process.execPath, ['scripts/start.js'], {
		env: {
			PATH: process.env.PATH,
			HOST: '127.0.0.1',
			PORT: String(port),
			LOG_LEVEL: 'info',
			SIMULATOR_TOKENS_PER_SECOND: '0',
			// adapter-node assumes https unless told; absolute URLs the app hands out (batch results_url) need the real one.
			ORIGIN: `http://127.0.0.1:${port}`,
			// Its own store unless a test shares one on purpose; never the checkout's ./data.
			DATA_DIR: mkdtempSync(join(tmpdir(), 'playground-app-')),
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const collect = (d: Buffer) => {
		output += d;
		if (logFile) appendFileSync(logFile, d);
	};
	child.stdout!.on('data', collect);
	child.stderr!.on('data', collect);
	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 20_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`app exited early:\n${output}`);
		try {
			if ((await fetch(url + '/api/health')).ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) throw new Error(`app did not start:\n${output}`);
		await new Promise((r) => setTimeout(r, 100));
	}
	return {
		url,
		pid: child.pid!,
		output: () => output,
		stop: () =>
			new Promise((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			})
	};
}
