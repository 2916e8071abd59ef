/** Prompt-cache breakpoints: every `cache_control` marker on a system block, tool or message block. */
export const MAX_BREAKPOINTS = 4;

type Path = (string | number)[];

function marked(v: unknown): boolean {
	return (
		typeof v === 'object' && v !== null && (v as Record<string, unknown>).cache_control != null
	);
}

function blockPaths(blocks: unknown, base: Path, out: Path[]) {
	if (!Array.isArray(blocks)) return;
	blocks.forEach((b, i) => {
		if (marked(b)) out.push([...base, i, 'cache_control']);
		// Blocks nested in a tool_result can carry their own marker, and the API counts them.
		if (typeof b === 'object' && b !== null)
			blockPaths((b as Record<string, unknown>).content, [...base, i, 'content'], out);
	});
}

/** Paths of every `cache_control` in the body, in prompt order (tools, system, messages). */
export function breakpointPaths(body: Record<string, unknown>): Path[] {
	const out: Path[] = [];
	blockPaths(body.tools, ['tools'], out);
	blockPaths(body.system, ['system'], out);
	if (Array.isArray(body.messages)) {
		body.messages.forEach((m, i) => {
			if (typeof m === 'object' && m !== null)
				blockPaths((m as Record<string, unknown>).content, ['messages', i, 'content'], out);
		});
	}
	return out;
}

export function countBreakpoints(body: Record<string, unknown>): number {
	return breakpointPaths(body).length;
}
