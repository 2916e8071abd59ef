import type { ToolForm } from '$lib/request/form';
import { checkSchemaText } from '$lib/tools/tool-defs';

interface Draft {
	text: string;
	/** The tool's schema (as compact JSON) the text was typed over or turned into. */
	base: string;
	error: string | null;
}

const schemaKey = (tool: ToolForm | undefined) => JSON.stringify(tool?.def.input_schema ?? {});
const isCustom = (tool: ToolForm | undefined) => !!tool && (tool.def.type === undefined || tool.def.type === 'custom');

/**
 * Custom tools' input_schema text as the user types it, by tool index. The text is kept
 * verbatim (no reformatting mid-typing) while the request still holds the schema it was based
 * on; an edit elsewhere (the JSON face, an example) changes the schema and retires the draft,
 * with its problem. A text that is not a valid object schema blocks Send until fixed.
 */
export class ToolSchemaDrafts {
	#drafts = $state<Record<number, Draft>>({});
	readonly #tools: () => ToolForm[] | undefined;

	constructor(tools: () => ToolForm[] | undefined) {
		this.#tools = tools;
	}

	/** The draft of tool `index`, while it still applies. */
	current(index: number): { text: string; error: string | null } | null {
		const draft = this.#drafts[index];
		const tool = this.#tools()?.[index];
		return draft && isCustom(tool) && draft.base === schemaKey(tool) ? draft : null;
	}

	/** The first problem of a draft that still applies, naming the field. */
	get problem(): string | null {
		for (const key of Object.keys(this.#drafts)) {
			const index = Number(key);
			const error = this.current(index)?.error;
			if (error) return `tools.${index}.input_schema: ${error}`;
		}
		return null;
	}

	/** Keeps the typed text; returns the schema when it is valid (the caller puts it in the form). */
	type(index: number, text: string): Record<string, unknown> | null {
		const check = checkSchemaText(text);
		const base = check.ok ? JSON.stringify(check.schema) : schemaKey(this.#tools()?.[index]);
		this.#drafts[index] = { text, base, error: check.ok ? null : check.error };
		return check.ok ? check.schema : null;
	}

	/** Indexes shift when a tool is removed: drafts are dropped rather than moved to another tool. */
	clear(): void {
		this.#drafts = {};
	}
}
