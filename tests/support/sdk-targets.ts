import Anthropic from '@anthropic-ai/sdk';
import { inject } from 'vitest';

/**
 * Where the contract suites point the official SDK: the standalone simulator, the app's /api
 * on its in-process simulator, and the app in real-key mode proxying to the standalone one.
 */
export const targets = [
	['standalone simulator', () => inject('simulatorUrl')],
	['app /api (simulator upstream)', () => inject('appUrl') + '/api'],
	['app /api (anthropic upstream, stand-in base URL)', () => inject('keyedAppUrl') + '/api']
] as const;

/** No retries: a fault must surface as the error it is, not be retried away. */
export function sdkClient(baseURL: string): Anthropic {
	return new Anthropic({ baseURL, apiKey: 'sk-ant-client-side-key', maxRetries: 0 });
}

/** Text unique to one test run, so prompt-cache state from other runs or targets cannot leak in. */
export function nonce(): string {
	return crypto.randomUUID();
}
