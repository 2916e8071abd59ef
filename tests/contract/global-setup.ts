import type { TestProject } from 'vitest/node';
import type { Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
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

/**
 * Three servers for the contract suites: the standalone simulator; the built app on its
 * in-process simulator; and the built app in "real key" mode, with a canary key and
 * ANTHROPIC_BASE_URL pointed at the standalone simulator (a stand-in for the real API).
 */
export async function setup(project: TestProject) {
	standalone = await serveSimulator(createSimulator({ tokensPerSecond: 0, seed: 'contract' }), 0);
	const address = standalone.address();
	const simulatorUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
	const appLogFile = join(mkdtempSync(join(tmpdir(), 'playground-contract-')), 'apps.log');
	[app, keyed] = await Promise.all([
		startApp({ SIMULATOR_SEED: 'contract' }, appLogFile),
		startApp({ ANTHROPIC_API_KEY: CANARY_KEY, ANTHROPIC_BASE_URL: simulatorUrl }, appLogFile)
	]);
	project.provide('appLogFile', appLogFile);
	project.provide('simulatorUrl', simulatorUrl);
	project.provide('appUrl', app.url);
	project.provide('keyedAppUrl', keyed.url);
}

export async function teardown() {
	await Promise.all([app?.stop(), keyed?.stop()]);
	await new Promise((r) => standalone?.close(r));
}
