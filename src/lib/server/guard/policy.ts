import type { Config } from '../config';
import { HttpProblem } from '../http';

/** The team's limits on what may be sent upstream (MODEL_ALLOWLIST, MAX_TOKENS_CAP). */
export function enforceRequestPolicy(
	params: { model: string; max_tokens?: number },
	config: Config,
	path = ''
): void {
	const at = path ? `${path}.` : '';
	const allow = config.MODEL_ALLOWLIST;
	if (allow && allow.length > 0 && !allow.includes(params.model)) {
		throw new HttpProblem(
			'permission_error',
			`${at}model: ${params.model} is not allowed on this playground; allowed: ${allow.join(', ')}`
		);
	}
	const cap = config.MAX_TOKENS_CAP;
	if (cap !== undefined && params.max_tokens !== undefined && params.max_tokens > cap) {
		throw new HttpProblem(
			'invalid_request_error',
			`${at}max_tokens: ${params.max_tokens} is above this playground's cap of ${cap}`
		);
	}
}
