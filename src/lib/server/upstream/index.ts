import { getConfig, type Config } from '../config';
import { createSimulator, type Simulator } from '../simulator/app';
import { createSdkUpstream } from './sdk-upstream';
import type { Upstream } from './types';

export type { Upstream, UpstreamRequest } from './types';

/** The in-process simulator's base; never dialled, the SDK's fetch is routed to the simulator. */
const SIMULATOR_ORIGIN = 'http://simulator.invalid';

export function simulatorFromConfig(config: Config): Simulator {
	return createSimulator({
		tokensPerSecond: config.SIMULATOR_TOKENS_PER_SECOND,
		seed: config.SIMULATOR_SEED,
		fault: config.SIMULATOR_FAULT,
		maxBodyBytes: config.MAX_BODY_BYTES,
		batchSecondsPerRequest: config.SIMULATOR_BATCH_SECONDS_PER_REQUEST,
		dataDir: config.DATA_DIR
	});
}

export function createUpstream(config: Config): Upstream {
	const common = { maxRetries: config.UPSTREAM_MAX_RETRIES, timeoutMs: config.UPSTREAM_TIMEOUT_MS };
	if (config.upstreamKind === 'anthropic') {
		return createSdkUpstream({
			kind: 'anthropic',
			apiKey: config.ANTHROPIC_API_KEY!,
			baseURL: config.ANTHROPIC_BASE_URL,
			...common
		});
	}
	const simulator = simulatorFromConfig(config);
	return createSdkUpstream({
		kind: 'simulator',
		apiKey: 'simulator',
		baseURL: SIMULATOR_ORIGIN,
		...common,
		fetch: (input, init) => simulator.fetch(new Request(input, init))
	});
}

let current: Upstream | undefined;

export function getUpstream(): Upstream {
	current ??= createUpstream(getConfig());
	return current;
}
