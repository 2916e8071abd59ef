import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ChildServer {
	url: string;
	pid: number;
	stop(): Promise<void>;
}

/**
 * Runs one of bench/servers/*.mjs in its own Node process (so it never shares an event loop
 * with the bench client) and resolves once it printed the port it listens on.
 */
export async function startChildServer(
	script: string,
	env: Record<string, string> = {}
): Promise<ChildServer> {
	const child = spawn(process.execPath, [script], {
		env: { ...process.env, ...env },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	const lines = createInterface({ input: child.stdout! });
	const port = await new Promise<number>((resolve, reject) => {
		child.once('exit', (code) => reject(new Error(`${script} exited (${code}) before listening`)));
		lines.once('line', (line) => resolve((JSON.parse(line) as { port: number }).port));
	});
	return {
		url: `http://127.0.0.1:${port}`,
		pid: child.pid!,
		stop: () =>
			new Promise((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			})
	};
}

export const REPLAY_UPSTREAM = 'bench/servers/replay-upstream.mjs';
export const FLOOR_PROXY = 'bench/servers/floor-proxy.mjs';
