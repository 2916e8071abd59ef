import type { TestProject } from 'vitest/node';
import type { Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSimulator } from '../../src/lib/server/simulator/app';
import { serveSimulator } from '../../src/lib/server/simulator/node-server';
import { CANARY_KEY, startApp, type AppProcess } from '../support/servers';

declare module 'vitest' {
	export interface ProvidedContext {
		simulatorUrl: string;
		appUrl: string;
		keyedAppUrl: string;
		/** Everything both apps printed, appended as they run. */
		appLogFile: string;
	}
}

let standalone: Server;
let app: AppProcess;
let keyed: AppProcess;
let dataDir: string;

/** Fast enough that a 50-request batch ends within a second, slow enough to cancel a big one. */
const BATCH_SECONDS_PER_REQUEST = 0.01;

/**
 * Three servers for the contract suites: the standalone simulator; the built app on its
 * in-process simulator; and the built app in "real key" mode, with a canary key and
 * ANTHROPIC_BASE_URL pointed at the standalone simulator (a stand-in for the real API).
 */
export async function setup(project: TestProject) {
	const workDir = mkdtempSync(join(tmpdir(), 'playground-contract-'));
	// Each server keeps its batches in its own folder, removed at teardown.
	dataDir = join(workDir, 'data');
	standalone = await serveSimulator(
		createSimulator({
			tokensPerSecond: 0,
			seed: 'contract',
			batchSecondsPerRequest: BATCH_SECONDS_PER_REQUEST,
			dataDir: join(dataDir, 'standalone')
		}),
		0
	);
	const address = standalone.address();
	const simulatorUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
	const appLogFile = join(workDir, 'apps.log');
	const batchEnv = (name: string) => ({
		DATA_DIR: join(dataDir, name),
		SIMULATOR_BATCH_SECONDS_PER_REQUEST: String(BATCH_SECONDS_PER_REQUEST)
	});
	[app, keyed] = await Promise.all([
		startApp({ SIMULATOR_SEED: 'contract', ...batchEnv('app') }, appLogFile),
		startApp(
			{ ANTHROPIC_API_KEY: CANARY_KEY, ANTHROPIC_BASE_URL: simulatorUrl, ...batchEnv('keyed') },
			appLogFile
		)
	]);
	project.provide('appLogFile', appLogFile);
	project.provide('simulatorUrl', simulatorUrl);
	project.provide('appUrl', app.url);
	project.provide('keyedAppUrl', keyed.url);
}

export async function teardown() {
	await Promise.all([app?.stop(), keyed?.stop()]);
	await new Promise((r) => standalone?.close(r));
	if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
