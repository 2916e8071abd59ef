import { BETA_TOOL_TYPES, COMPUTER_USE_BETA, type CountTokensParams } from '$lib/schemas';
import { HttpProblem } from '../http';
import { checkToolsets } from './toolset-checks';

/** The tool rules the API enforces beyond the body's shape. */
export function checkTools(params: CountTokensParams, betas: readonly string[]): void {
	const tools = params.tools ?? [];
	const names = new Set<string>();
	tools.forEach((tool, i) => {
		const t = tool as { type?: string; name?: string };
		if (
			t.type &&
			(BETA_TOOL_TYPES as readonly string[]).includes(t.type) &&
			!betas.includes(COMPUTER_USE_BETA)
		)
			throw problem(
				`tools.${i}.type: '${t.type}' requires the anthropic-beta header ${COMPUTER_USE_BETA}`
			);
		if (t.name !== undefined && names.has(t.name))
			throw problem(`tools: Tool names must be unique. Duplicate name: '${t.name}'`);
		if (t.name !== undefined) names.add(t.name);
	});
	const served = checkToolsets(tools);
	const choice = params.tool_choice;
	if (choice && (choice.type === 'any' || choice.type === 'tool') && tools.length === 0)
		throw problem('tool_choice: tool_choice may only be specified while providing tools');
	if (choice?.type === 'tool' && !names.has(choice.name) && !served.has(choice.name))
		throw problem(`tool_choice.name: Tool '${choice.name}' not found in the provided tools`);
	checkToolTurns(params.messages, tools.length > 0);
}

function problem(message: string): HttpProblem {
	return new HttpProblem('invalid_request_error', message);
}

type Block = { type?: string; id?: string; tool_use_id?: string };
const blocks = (content: unknown): Block[] => (Array.isArray(content) ? (content as Block[]) : []);

/**
 * Every `tool_use` needs a `tool_result` in the very next (user) message and every
 * `tool_result` answers a `tool_use` of the message before; either needs tools defined.
 */
function checkToolTurns(messages: CountTokensParams['messages'], hasTools: boolean): void {
	messages.forEach((m, i) => {
		const own = blocks(m.content);
		if (!hasTools && own.some((b) => b.type === 'tool_use' || b.type === 'tool_result'))
			throw problem(
				`messages.${i}.content: Requests which include \`tool_use\` or \`tool_result\` blocks must define tools.`
			);
		const prev = i > 0 ? blocks(messages[i - 1].content) : [];
		const offered = new Set(prev.filter((b) => b.type === 'tool_use').map((b) => b.id));
		own.forEach((b, j) => {
			if (b.type === 'tool_result' && (m.role !== 'user' || !offered.has(b.tool_use_id)))
				throw problem(
					`messages.${i}.content.${j}: unexpected \`tool_use_id\` found in \`tool_result\` ` +
						`blocks: ${b.tool_use_id}. Each \`tool_result\` block must have a corresponding ` +
						'`tool_use` block in the previous message.'
				);
		});
	});
	// Unanswered calls are reported after stray results, which say more about what went wrong.
	messages.forEach((m, i) => {
		const own = blocks(m.content);
		// A trailing assistant turn is a prefill and needs no answer yet.
		const next = messages[i + 1];
		if (m.role !== 'assistant' || !next) return;
		const answered = new Set(
			blocks(next.content)
				.filter((b) => b.type === 'tool_result')
				.map((b) => b.tool_use_id)
		);
		const missing = own
			.filter((b) => b.type === 'tool_use' && !answered.has(b.id))
			.map((b) => b.id);
		if (missing.length > 0)
			throw problem(
				`messages.${i + 1}: \`tool_use\` ids were found without \`tool_result\` blocks ` +
					`immediately after: ${missing.join(', ')}. Each \`tool_use\` block must have a ` +
					'corresponding `tool_result` block in the next message.'
			);
	});
}
