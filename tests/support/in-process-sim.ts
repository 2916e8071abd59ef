import Anthropic from '@anthropic-ai/sdk';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSimulator, type SimulatorOptions } from '../../src/lib/server/simulator/app';

/** A simulator in this process with its own data folder, and the official SDK pointed at it. */
export function inProcessSimulator(options: Partial<SimulatorOptions> = {}) {
	const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'sim-content-'));
	const simulator = createSimulator({ tokensPerSecond: 0, seed: 'unit', dataDir, ...options });
	const client = (headers: Record<string, string> = {}) =>
		new Anthropic({
			apiKey: 'sk-ant-test',
			baseURL: 'http://simulator.invalid',
			maxRetries: 0,
			defaultHeaders: headers,
			fetch: (input, init) =>
				simulator.fetch(new Request(input as RequestInfo, init as RequestInit))
		});
	return { simulator, client, dataDir };
}
