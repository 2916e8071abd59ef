/**
 * Edits of a request template through the evaluate page's plain fields: the system prompt and
 * the last user turn's text. Everything else in the template (tools, params, earlier turns,
 * images) is kept as it is.
 */
type Body = Record<string, unknown>;
type Msg = { role?: unknown; content?: unknown };

function lastUserIndex(messages: Msg[]): number {
	for (let i = messages.length - 1; i >= 0; i--) if (messages[i].role === 'user') return i;
	return -1;
}

function textOf(content: unknown): string {
	if (typeof content === 'string') return content;
	if (!Array.isArray(content)) return '';
	return content
		.filter(
			(b): b is { type: 'text'; text: string } => b?.type === 'text' && typeof b.text === 'string'
		)
		.map((b) => b.text)
		.join('\n');
}

export function lastUserText(template: Body): string {
	const messages = Array.isArray(template.messages) ? (template.messages as Msg[]) : [];
	const i = lastUserIndex(messages);
	return i === -1 ? '' : textOf(messages[i].content);
}

/** Sets the last user turn's text: its first text block, or the whole content when it is a string. */
export function withLastUserText(template: Body, text: string): Body {
	const messages = Array.isArray(template.messages) ? [...(template.messages as Msg[])] : [];
	const i = lastUserIndex(messages);
	if (i === -1) return { ...template, messages: [...messages, { role: 'user', content: text }] };
	const content = messages[i].content;
	if (Array.isArray(content)) {
		const blocks = [...content];
		const t = blocks.findIndex((b) => b?.type === 'text');
		if (t === -1) blocks.unshift({ type: 'text', text });
		else blocks[t] = { ...blocks[t], text };
		messages[i] = { ...messages[i], content: blocks };
	} else messages[i] = { ...messages[i], content: text };
	return { ...template, messages };
}

export function systemText(template: Body): string {
	return textOf(template.system);
}

/** Sets the system prompt as a string; an empty one is dropped. Block lists keep their other blocks. */
export function withSystem(template: Body, text: string): Body {
	const next = { ...template };
	if (Array.isArray(template.system)) {
		const blocks = [...template.system];
		const t = blocks.findIndex((b) => b?.type === 'text');
		if (t === -1) blocks.unshift({ type: 'text', text });
		else blocks[t] = { ...blocks[t], text };
		next.system = blocks;
	} else if (text) next.system = text;
	else delete next.system;
	return next;
}

/** Sets `output_config.effort` (none: removed), keeping the rest of `output_config`. */
export function withEffort(template: Body, effort: string | undefined): Body {
	const { output_config: config, ...rest } = template;
	const { effort: _old, ...others } =
		config && typeof config === 'object' && !Array.isArray(config) ? (config as Body) : {};
	const next = effort ? { ...others, effort } : others;
	return Object.keys(next).length ? { ...rest, output_config: next } : rest;
}
