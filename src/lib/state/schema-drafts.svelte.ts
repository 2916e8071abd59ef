/** Result of checking a schema's text: the schema, or why it cannot be used. */
export type SchemaCheck =
	{ ok: true; schema: Record<string, unknown> } | { ok: false; error: string };

interface Draft {
	text: string;
	/** The field's schema (as compact JSON) the text was typed over or turned into. */
	base: string;
	error: string | null;
}

/**
 * JSON Schema fields typed as text (a custom tool's input_schema, the output format), by their
 * path in the request. The text is kept verbatim (no reformatting mid-typing) while the request
 * still holds the schema it was based on; an edit elsewhere (the JSON face, an example) changes
 * the schema and retires the draft with its problem. A text that is not a usable schema keeps
 * the last good one in the request and blocks Send until fixed.
 */
export class SchemaDrafts {
	#drafts = $state<Record<string, Draft>>({});
	/** The schema now at `path`; undefined when the field has no editor (the draft then no longer applies). */
	readonly #schemaAt: (path: string) => unknown;

	constructor(schemaAt: (path: string) => unknown) {
		this.#schemaAt = schemaAt;
	}

	/** The draft at `path`, while it still applies. */
	current(path: string): { text: string; error: string | null } | null {
		const draft = this.#drafts[path];
		if (!draft) return null;
		const schema = this.#schemaAt(path);
		return schema !== undefined && draft.base === JSON.stringify(schema) ? draft : null;
	}

	/** The first problem of a draft that still applies, naming the field. */
	get problem(): string | null {
		for (const path of Object.keys(this.#drafts)) {
			const error = this.current(path)?.error;
			if (error) return `${path}: ${error}`;
		}
		return null;
	}

	/** Keeps the typed text; returns the schema when it is usable (the caller puts it in the request). */
	type(
		path: string,
		text: string,
		check: (text: string) => SchemaCheck
	): Record<string, unknown> | null {
		const result = check(text);
		const base = JSON.stringify(result.ok ? result.schema : this.#schemaAt(path));
		this.#drafts[path] = { text, base, error: result.ok ? null : result.error };
		return result.ok ? result.schema : null;
	}

	/** Drops the draft at `path`, or every draft (tool indexes shift when a tool is removed). */
	clear(path?: string): void {
		if (path === undefined) this.#drafts = {};
		else delete this.#drafts[path];
	}
}
