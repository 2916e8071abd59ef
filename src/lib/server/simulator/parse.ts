import { MessageCreateParamsSchema, type MessageCreateParams } from '$lib/schemas';
import { describeIssues } from '$lib/schemas/issues';
import { HttpProblem } from '../http';
import { checkRolesAndBlocks, foldSystemMessages } from './request-checks';
import { checkVersionRules } from './version-rules';

/**
 * A Messages request body as the simulator takes it, checked the way the API checks it:
 * version rules, closed role and block sets, then the shared request schema. `system`-role
 * messages are folded into `system`. `max_tokens: 0` (a cache pre-warm) is valid for the API;
 * it is let through here even where the shared schema still asks for at least 1.
 */
export function parseMessageRequest(
	raw: unknown,
	version: string | undefined
): MessageCreateParams {
	if (!raw || typeof raw !== 'object' || Array.isArray(raw))
		throw new HttpProblem('invalid_request_error', 'body: Input should be a valid dictionary');
	checkVersionRules(raw as Record<string, unknown>, version);
	checkRolesAndBlocks(raw);
	const folded = foldSystemMessages(raw) as Record<string, unknown>;
	const prewarm = folded.max_tokens === 0;
	const parsed = MessageCreateParamsSchema.safeParse(
		prewarm ? { ...folded, max_tokens: 1 } : folded
	);
	if (!parsed.success) throw new HttpProblem('invalid_request_error', describeIssues(parsed.error));
	return prewarm ? { ...parsed.data, max_tokens: 0 } : parsed.data;
}
