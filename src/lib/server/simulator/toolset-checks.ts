import { HttpProblem } from '../http';
import { COMPUTER_MEMBERS, COMPUTER_TOOLSET_TYPE } from './computer-toolset';
import { DetailedProblem } from './files';

/**
 * The rules the API applies to a computer_toolset_20260801 entry (SDK `ComputerToolset20260801`):
 * it carries only `type`, `configs` and `cache_control`; `configs` is keyed by member name and
 * unknown keys are rejected; the enabled members' names are tool names, so another tool (or a
 * second toolset) with one of those names is a `tool_name_conflict`.
 */
const ENTRY_FIELDS = new Set(['type', 'configs', 'cache_control']);
const CONFIG_FIELDS = new Set(['enabled', 'defer_loading']);

const extra = (field: string) =>
	new HttpProblem('invalid_request_error', `${field}: Extra inputs are not permitted`);

/** Names the toolset at `tools[index]` serves: its members, less those switched off. */
function checkToolset(tool: Record<string, unknown>, index: number): string[] {
	for (const key of Object.keys(tool))
		if (!ENTRY_FIELDS.has(key)) throw extra(`tools.${index}.${key}`);
	const configs = tool.configs ?? {};
	if (typeof configs !== 'object' || Array.isArray(configs))
		throw new HttpProblem(
			'invalid_request_error',
			`tools.${index}.configs: Input should be a valid dictionary`
		);
	const entries = Object.entries(configs as Record<string, unknown>);
	for (const [member, config] of entries) {
		const at = `tools.${index}.configs.${member}`;
		if (!(COMPUTER_MEMBERS as readonly string[]).includes(member)) throw extra(at);
		if (config === null || config === undefined) continue;
		if (typeof config !== 'object' || Array.isArray(config))
			throw new HttpProblem('invalid_request_error', `${at}: Input should be a valid dictionary`);
		for (const [key, value] of Object.entries(config)) {
			if (!CONFIG_FIELDS.has(key)) throw extra(`${at}.${key}`);
			if (value !== null && typeof value !== 'boolean')
				throw new HttpProblem(
					'invalid_request_error',
					`${at}.${key}: Input should be a valid boolean`
				);
		}
	}
	const off = (m: string) =>
		(configs as Record<string, { enabled?: boolean | null } | null>)[m]?.enabled === false;
	return COMPUTER_MEMBERS.filter((m) => !off(m));
}

/** Checks every toolset entry and returns the member names they serve (tool names, for `tool_choice`). */
export function checkToolsets(tools: readonly unknown[]): Set<string> {
	const served = new Map<string, number>();
	tools.forEach((tool, i) => {
		const t = tool as Record<string, unknown>;
		if (t?.type !== COMPUTER_TOOLSET_TYPE) return;
		for (const name of checkToolset(t, i)) {
			if (served.has(name)) throw conflict(name, i);
			served.set(name, i);
		}
	});
	tools.forEach((tool, i) => {
		const name = (tool as { name?: unknown })?.name;
		if (typeof name === 'string' && served.has(name)) throw conflict(name, i);
	});
	return new Set(served.keys());
}

function conflict(name: string, index: number): DetailedProblem {
	return new DetailedProblem(
		'invalid_request_error',
		`tools.${index}: the tool name '${name}' is already served by the computer toolset; tool names must be unique`,
		'tool_name_conflict'
	);
}
